/**
 * With no players and its scheduled events, a historical scenario retraces what happened. Tolerances are
 * deliberately loose enough to hold for any seed (block arrivals are random) and tight enough to fail if
 * the mechanism breaks. Each is checked on three seeds.
 */
import { describe, expect, it } from "vitest";
import { parseIsoDate } from "../../shared/math/calendar.ts";
import { recordGame } from "../../node/recorder.ts";
import { newGame } from "../helpers/game.ts";

const SEEDS = [1, 2, 3];

function meanBetween(rows: { date: string; value: number }[], from: string, to: string): number {
  const picked = rows.filter((r) => r.date >= from && r.date <= to).map((r) => r.value);
  expect(picked.length).toBeGreaterThan(0);
  return picked.reduce((s, x) => s + x, 0) / picked.length;
}

describe.each(SEEDS)("halving-2020, seed %i", (seed) => {
  const rec = recordGame(newGame("halving-2020", seed));

  it("halves the subsidy at height 630000 within three days of 11 May 2020", () => {
    const halving = rec.halvings.find((h) => h.height === 630_000);
    expect(halving).toBeDefined();
    const offset = parseIsoDate(halving?.date ?? "") - parseIsoDate("2020-05-11");
    expect(Math.abs(offset)).toBeLessThanOrEqual(3);
  });

  it("cuts hashprice sharply at the halving", () => {
    const date = rec.halvings.find((h) => h.height === 630_000)?.date ?? "";
    const day = parseIsoDate(date);
    const hp = rec.days.map((d) => ({ date: d.date, value: d.hashpriceUsdPerThDay }));
    const iso = (n: number) => rec.days.find((d) => parseIsoDate(d.date) === n)?.date ?? "";
    const before = meanBetween(hp, iso(day - 7), iso(day - 1));
    const after = meanBetween(hp, iso(day + 1), iso(day + 7));
    // Half the subsidy: hashprice falls by close to half (fees and price soften it a little).
    expect(after / before).toBeLessThan(0.65);
    expect(after / before).toBeGreaterThan(0.35);
  });
});

describe.each(SEEDS)("exodus-2021, seed %i", (seed) => {
  const rec = recordGame(newGame("exodus-2021", seed));
  const net = rec.days.map((d) => ({ date: d.date, value: d.networkEhs }));
  const china = (date: string) => rec.days.find((d) => d.date === date)?.sharesByCountry.CN ?? NaN;

  it("takes China's share to about zero by July 2021", () => {
    expect(china("2021-05-01")).toBeGreaterThan(0.4);
    expect(china("2021-07-05")).toBeLessThan(0.01);
  });

  it("cuts network hashrate by about half by late June", () => {
    const preBan = meanBetween(net, "2021-05-10", "2021-05-20");
    const lateJune = meanBetween(net, "2021-06-24", "2021-06-30");
    expect(lateJune / preBan).toBeLessThan(0.62);
    expect(lateJune / preBan).toBeGreaterThan(0.4);
  });

  it("recovers to the pre-ban level by the end of 2021", () => {
    const preBan = meanBetween(net, "2021-05-10", "2021-05-20");
    const endOfYear = meanBetween(net, "2021-12-20", "2021-12-31");
    expect(endOfYear / preBan).toBeGreaterThan(0.9);
    expect(endOfYear / preBan).toBeLessThan(1.25);
  });

  it("makes the early-July 2021 retarget the largest negative one, about -28%", () => {
    const worst = rec.retargets.reduce((a, b) => (b.changePct < a.changePct ? b : a));
    expect(worst.date >= "2021-06-25" && worst.date <= "2021-07-10").toBe(true);
    expect(worst.changePct).toBeLessThan(-22);
    expect(worst.changePct).toBeGreaterThan(-36);
  });
});
