/**
 * Each historical scenario's initial rest-of-world fleet is the mix derived from the catalog and the
 * hashrate history (node/fleetMix.ts), not a hand-picked one (issue #16).
 */
import { describe, expect, it } from "vitest";
import { deriveFleet } from "../../node/fleetMix.ts";
import { loadDatasets, scenarioIds } from "../../node/scenarios.ts";
import { parseIsoDate } from "../../shared/math/calendar.ts";
import { scenario } from "../helpers/game.ts";

// Every shipped scenario but the decade: it starts in June 2016, before the catalog's first model (the
// S9), so its fleet of older machines is estimated in its file rather than derived from the catalog.
const PRE_CATALOG = new Set(["history-2016-2026"]);
const SCENARIOS = scenarioIds().filter((id) => !PRE_CATALOG.has(id));

describe.each(SCENARIOS)("%s", (id) => {
  it("starts with the fleet derived for its start date (npx tsx tools/fleet-mix.ts)", () => {
    const s = scenario(id);
    const derived = deriveFleet(loadDatasets(), s.startDay);
    expect(s.world.fleet.map((t) => ({ jPerTh: t.jPerTh, sharePct: t.sharePpm / 10_000 }))).toEqual(derived);
  });
});

describe("the derivation", () => {
  it("puts more old machines in the 2020 fleet than in the 2024 one, and only catalog generations", () => {
    const data = loadDatasets();
    const old = (d: string) =>
      deriveFleet(data, parseIsoDate(d))
        .filter((t) => t.jPerTh >= 60)
        .reduce((s, t) => s + t.sharePct, 0);
    expect(old("2020-01-01")).toBeGreaterThan(20);
    expect(old("2024-01-06")).toBe(0);
    const total = deriveFleet(data, parseIsoDate("2021-04-02")).reduce((s, t) => s + t.sharePct, 0);
    expect(total).toBeCloseTo(100, 0);
    // Every tier is a catalog model's efficiency × 1.15 (the world's deployment rule).
    const catalog = new Set(data.asics.map((m) => Math.round(m.efficiencyJPerTh * 1.15 * 10) / 10));
    for (const t of deriveFleet(data, parseIsoDate("2024-01-06"))) expect(catalog.has(t.jPerTh)).toBe(true);
  });
});
