/**
 * The README's fit-to-history figures are regenerated, not remembered: each historical scenario is run
 * as `npm run demo` runs it (seed 1, no players) and its hashrate RMS must be the one the README's
 * scenario table states, to the decimal shown; so must the hashrate drops at the 2020 and 2024 halvings
 * the README quotes beside the real ones. A rules change that moves the fit fails here until the README
 * says the new figure.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createGame } from "../../shared/index.ts";
import { historyComparison } from "../../node/history.ts";
import { halvingDrops } from "../../node/halvingDrop.ts";
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

  it("quotes the halving drops halving-2020 and tariffs-2025 give, and the real ones", () => {
    const quoted =
      /\(seed 1: 2020 (−[\d.]+)% against (−[\d.]+)%, 2024 (−[\d.]+)%\s+against (−[\d.]+)%\)/.exec(readme);
    const drop = (id: string) =>
      halvingDrops(recordGame(createGame(loadScenario(id), 1, [])), loadDatasets())[0]!;
    const text = (v: number | null) => `−${Math.abs(v ?? NaN).toFixed(1)}`;
    const [d2020, d2024] = [drop("halving-2020"), drop("tariffs-2025")];
    expect(quoted?.slice(1)).toEqual([
      text(d2020.simPct),
      text(d2020.realPct),
      text(d2024.simPct),
      text(d2024.realPct),
    ]);
  });
});
