/**
 * Breakdowns of used machines are told once a day per company (shared/engine/usedMarketWear.ts): the
 * day's total, its first three lots by name, the rest counted, and every region they stand in.
 */
import { describe, expect, it } from "vitest";
import { EngineCaches } from "../../shared/engine/caches.ts";
import type { GameState, Lot } from "../../shared/engine/state.ts";
import { failUsedMachines } from "../../shared/engine/usedMarketWear.ts";
import { newGame } from "../helpers/game.ts";

/** A game whose players 1 and 2 each own `lots` installed used lots of 100 units, alternating two regions. */
function withOldLots(perCompany: number[]): GameState {
  const g = newGame("exodus-2021", 1, perCompany.length);
  g.lots = [];
  // A failure rate that takes exactly one unit of 100 a day: expected 1.0, so no draw decides it.
  g.scenario.usedMarkets.failureBpsPerYear = 36_500;
  g.scenario.usedMarkets.failureBpsPerYearOfAge = 0;
  perCompany.forEach((count, c) => {
    for (let i = 0; i < count; i++) {
      const lot: Lot = {
        id: `lot-${c}-${i}`,
        owner: g.companies[c]!.id,
        model: "s19j-pro",
        quantity: 100,
        status: "installed",
        powered: true,
        location: { kind: "region", region: i % 2 === 0 ? "kz-ekibastuz" : "us-texas" },
        builtDay: g.day - 365,
        readyDay: g.day - 365,
        costCents: 100_000_00,
      } as Lot;
      g.lots.push(lot);
    }
  });
  return g;
}

const failures = (g: GameState) => g.notices.filter((n) => n.kind === "usedFailure");

describe("used-machine breakdown notices", () => {
  it("tell each company once a day: its total, three lots by name, the rest counted, every region", () => {
    const g = withOldLots([5, 1]);
    failUsedMachines(g, new EngineCaches());
    const told = failures(g);
    expect(told.map((n) => n.company)).toEqual([g.companies[0]!.id, g.companies[1]!.id]);
    const [many, one] = told as [(typeof told)[0], (typeof told)[0]];
    expect(many.text.en).toBe(
      "5 used machines broke down and were written off: 1 Antminer S19j Pro in lot lot-0-0, " +
        "1 Antminer S19j Pro in lot lot-0-1, 1 Antminer S19j Pro in lot lot-0-2, and 2 in 2 other lots.",
    );
    expect(many.text.zh).toBe(
      "5 台二手矿机损坏报废：批次 lot-0-0 中 1 台 Antminer S19j Pro，批次 lot-0-1 中 1 台 Antminer S19j Pro，" +
        "批次 lot-0-2 中 1 台 Antminer S19j Pro，另有 2 个批次共 2 台。",
    );
    expect(many.targets).toEqual(["kz-ekibastuz", "us-texas"]);
    expect(one.text.en).toBe(
      "1 used machine broke down and was written off: 1 Antminer S19j Pro in lot lot-1-0.",
    );
    expect(one.targets).toEqual(["kz-ekibastuz"]);
    expect(g.lots.every((l) => l.quantity === 99)).toBe(true);
  });

  it("says 'lot' for one other lot, and tells no one on a day without breakdowns", () => {
    const g = withOldLots([4]);
    failUsedMachines(g, new EngineCaches());
    expect(failures(g)[0]?.text.en).toMatch(/, and 1 in 1 other lot\.$/);
    const quiet = withOldLots([3]);
    quiet.scenario.usedMarkets.failureBpsPerYear = 0;
    failUsedMachines(quiet, new EngineCaches());
    expect(failures(quiet)).toEqual([]);
  });
});
