/**
 * match-length: how long a match lasts at each scenario's presets, measured by playing the scenario
 * through (tools/lib/matchLength.ts), against the 20–40 minutes issue #13 §5 asks for.
 *
 *   npm run match-length [-- --seed N] [--json FILE] [--scenario ID|PATH]
 */
import { writeFileSync } from "node:fs";
import { intFlag, parseFlags, pathFlag, runMain } from "./lib/cli.ts";
import { matchLength, matchLengthLines } from "./lib/matchLength.ts";
import { loadScenario, scenarioIds } from "../node/scenarios.ts";
import { loadScenarioRef, scenarioRefId } from "./lib/scenarioRef.ts";
import { MATCH_MINUTES } from "../shared/protocol/pacing.ts";

const USAGE = "usage: npm run match-length -- [--seed N] [--json FILE] [--scenario ID|PATH (a draft too)]";

runMain(USAGE, () => {
  const flags = parseFlags(process.argv.slice(2), {
    seed: { type: "string" },
    json: { type: "string" },
    scenario: { type: "string" },
  });
  const seed = intFlag("seed", flags.seed, 0, 0xffffffff, 1);
  // One scenario (shipped or a draft anywhere), or every shipped one.
  const rows =
    flags.scenario !== undefined
      ? [matchLength(scenarioRefId(flags.scenario), loadScenarioRef(flags.scenario), seed)]
      : scenarioIds().map((id) => matchLength(id, loadScenario(id), seed));
  for (const line of matchLengthLines(rows)) console.log(line);
  const inBand = (m: number) => m >= MATCH_MINUTES.min && m <= MATCH_MINUTES.max;
  const bad = rows.filter((r) => !inBand(r.lobby.measured) || !inBand(r.classroom.measured));
  console.log(
    bad.length === 0
      ? `every preset lasts ${MATCH_MINUTES.min}–${MATCH_MINUTES.max} minutes`
      : `outside ${MATCH_MINUTES.min}–${MATCH_MINUTES.max} minutes: ${bad.map((r) => r.scenario).join(", ")}`,
  );
  const json = pathFlag("json", flags.json);
  if (json) writeFileSync(json, JSON.stringify(rows, null, 2));
  if (bad.length > 0) process.exitCode = 1;
});
