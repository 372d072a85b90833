/**
 * npm run demo: every shipped scenario through the rules engine with no players (seed 1), and where
 * each one lands against history. (The game itself: npm start.)
 */
import { createGame } from "../shared/index.ts";
import { table } from "./lib/format.ts";
import { historyComparison } from "../node/history.ts";
import { recordGame } from "../node/recorder.ts";
import { loadDatasets, loadScenario, scenarioIds } from "../node/scenarios.ts";
import { scriptFlags } from "./lib/cli.ts";

scriptFlags(
  "usage: npm run demo\n\n  Replays every shipped scenario through the engine with no players (seed 1), against history.",
  {},
);

console.log("Hashrate Atlas: the rules engine replaying every shipped scenario with no players (seed 1).");
console.log("To play: npm start, then open http://localhost:2567.\n");

const rows: string[][] = [];
for (const id of scenarioIds()) {
  const scenario = loadScenario(id);
  const started = performance.now();
  const recording = recordGame(createGame(scenario, 1, []));
  const ms = performance.now() - started;
  const history = historyComparison(recording, loadDatasets());
  const first = recording.days[0];
  const last = recording.days.at(-1);
  rows.push([
    id,
    `${first?.date} → ${last?.date}`,
    String(recording.halvings.map((h) => `${h.height} on ${h.date}`).join(", ") || "none"),
    `${first?.networkEhs.toFixed(0)} → ${last?.networkEhs.toFixed(0)} EH/s`,
    scenario.price.kind === "stochastic"
      ? "random market"
      : history.hashrate
        ? `${(history.hashrate.rmsLogError * 100).toFixed(1)}%`
        : "n/a",
    `${ms.toFixed(0)} ms`,
  ]);
}
console.log(
  table([["scenario", "period", "halvings", "network", "vs history (RMS)", "time"], ...rows]).join("\n"),
);
console.log("\nMore: npm run simulate -- --scenario exodus-2021   ·   npm run bench   ·   npm test");
