/**
 * The README's fit-to-history figures are regenerated, not remembered: each historical scenario is run
 * as `npm run demo` runs it (seed 1, no players) and its hashrate RMS must be the one the README's
 * scenario table states, to the decimal shown. A rules change that moves the fit fails here until the
 * README says the new figure.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createGame } from "../../shared/index.ts";
import { historyComparison } from "../../node/history.ts";
import { recordGame } from "../../node/recorder.ts";
import { loadDatasets, loadScenario, ROOT } from "../../node/scenarios.ts";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");

function stated(id: string): string | undefined {
  const row = readme.split("\n").find((l) => l.startsWith(`| \`${id}\``));
  return /hashrate RMS (\d+\.\d)%/.exec(row ?? "")?.[1];
}

describe("README figures", () => {
  it.each(["halving-2020", "exodus-2021", "tariffs-2025", "history-2016-2026"])(
    "states %s's hashrate fit as the engine gives it",
    (id) => {
      const recording = recordGame(createGame(loadScenario(id), 1, []));
      const rms = historyComparison(recording, loadDatasets()).hashrate?.rmsLogError ?? NaN;
      expect(stated(id)).toBe((rms * 100).toFixed(1));
    },
  );
});
