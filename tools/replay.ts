/**
 * replay: replays a game's action log through the engine and checks that it ends on the recorded state
 * hash (exit 0 "OK", exit 1 "MISMATCH"); or stops early (--until), or cuts the log at a tick so that the
 * game can go on from there (--fork-at … --out FILE). Logs come from `simulate --save-replay` or a game.
 *
 *   npm run replay -- FILE [--until TICK] [--fork-at TICK --out FILE]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { forkAt, parseReplayLog, replayLog, ReplayError, type ReplayLog } from "../shared/replay/index.ts";
import type { Scenario } from "../shared/index.ts";
import { intFlag, pathFlag, runMain, UsageError } from "./lib/cli.ts";
import { int, keyValues } from "./lib/format.ts";
import { loadScenario, scenarioIds } from "../node/scenarios.ts";

const USAGE = `usage: npm run replay -- FILE [--until TICK] [--fork-at TICK --out FILE]

  FILE            an action log (hashrate-atlas/replay@1 JSON), e.g. from simulate --save-replay
  --until TICK    stop at the start of TICK and print the state hash there (no comparison)
  --fork-at TICK  cut the log at TICK (actions before it) and seal it with the state there
  --out FILE      where --fork-at writes the forked log

exit codes: 0 the replay ends on the recorded hash; 1 MISMATCH or a log this engine cannot replay;
2 a usage mistake or a file that is not a valid log`;

interface Options {
  file: string;
  until: number | undefined;
  forkAt: number | undefined;
  out: string | undefined;
}

function parseOptions(argv: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { until: { type: "string" }, "fork-at": { type: "string" }, out: { type: "string" } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    throw new UsageError(
      `expected one log file, got ${positionals.length === 0 ? "none" : positionals.join(" ")}`,
    );
  }
  const options: Options = {
    file: positionals[0] as string,
    until: values.until === undefined ? undefined : intFlag("until", values.until, 0, 1_000_000, 0),
    forkAt:
      values["fork-at"] === undefined ? undefined : intFlag("fork-at", values["fork-at"], 0, 1_000_000, 0),
    out: pathFlag("out", values.out),
  };
  if (options.forkAt !== undefined && options.out === undefined)
    throw new UsageError("--fork-at needs --out FILE");
  if (options.out !== undefined && options.forkAt === undefined)
    throw new UsageError("--out goes with --fork-at");
  if (options.forkAt !== undefined && options.until !== undefined) {
    throw new UsageError("give --until or --fork-at, not both");
  }
  return options;
}

/** Reads and validates the log: an unreadable file, bad JSON or a bad log is a usage error (exit 2). */
function readLog(file: string): ReplayLog {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return parseReplayLog(json);
  } catch (error) {
    if (error instanceof ReplayError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
}

function scenarioOf(log: ReplayLog): Scenario {
  if (!scenarioIds().includes(log.scenario)) {
    throw new Error(
      `the log's scenario "${log.scenario}" is not shipped; shipped: ${scenarioIds().join(", ")}`,
    );
  }
  return loadScenario(log.scenario);
}

function header(file: string, log: ReplayLog, scenario: Scenario): [string, string][] {
  const companies = log.actions.filter((a) => a.actor.kind === "company").length;
  return [
    ["log", file],
    ["scenario", `${log.scenario} (${scenario.name.en}), ${int(scenario.days)} days`],
    ["seed", String(log.seed)],
    ["players", log.players.map((p) => `${p.id} ${p.name}`).join(", ") || "none"],
    ["ticks", `${int(log.finalTick)} of ${int(scenario.days)}`],
    ["actions", `${int(log.actions.length)} (${int(companies)} by companies)`],
  ];
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const log = readLog(options.file);
  const scenario = scenarioOf(log);
  const started = performance.now();

  if (options.forkAt !== undefined) {
    const fork = forkAt(log, scenario, options.forkAt);
    writeFileSync(options.out as string, `${JSON.stringify(fork.log, null, 2)}\n`);
    console.log(keyValues(header(options.file, log, scenario)).join("\n"));
    console.log(
      `\nforked at tick ${int(options.forkAt)}: ${int(fork.log.actions.length)} actions kept, ` +
        `state hash ${fork.log.finalHash}\nwrote ${options.out as string}`,
    );
    return;
  }

  const result = replayLog(log, scenario, options.until === undefined ? {} : { untilTick: options.until });
  const wallMs = performance.now() - started;
  const rows = header(options.file, log, scenario);
  rows.push(["replayed", `to tick ${int(result.tick)} in ${wallMs.toFixed(0)} ms`]);
  rows.push(["rejected", `${int(result.rejections.length)} of ${int(result.applied)} actions applied`]);
  if (!result.complete) {
    rows.push(["hash at tick", result.hash]);
    console.log(keyValues(rows).join("\n"));
    console.log(`\nstopped at tick ${int(result.tick)} (before its actions): no final hash to compare`);
    return;
  }
  rows.push(["final hash", `expected ${log.finalHash}`]);
  rows.push(["", `got      ${result.hash}`]);
  console.log(keyValues(rows).join("\n"));
  for (const r of result.rejections.slice(0, 5)) {
    console.log(`  (action ${r.index} at tick ${r.tick} rejected: ${r.code}, ${r.message})`);
  }
  if (result.matches) console.log("\nOK");
  else {
    console.log("\nMISMATCH");
    process.exitCode = 1;
  }
}

runMain(USAGE, main);
