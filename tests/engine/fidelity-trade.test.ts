/**
 * The trade layer's events move the rest of the world as they did: Cambridge's August 2021 map after
 * the exodus, Kazakhstan's January 2022 blackout, Iran's 2021 summer ban, Russia's 2025 seasonal ban.
 * Checked on three seeds; tolerances hold for any seed and fail if a mechanism breaks.
 */
import { describe, expect, it } from "vitest";
import { recordGame, type Recording } from "../../node/recorder.ts";
import { newGame } from "../helpers/game.ts";

function mean(rec: Recording, from: string, to: string, f: (d: Recording["days"][number]) => number): number {
  const rows = rec.days.filter((d) => d.date >= from && d.date <= to);
  expect(rows.length).toBeGreaterThan(0);
  return rows.reduce((s, d) => s + f(d), 0) / rows.length;
}

const share = (c: string) => (d: Recording["days"][number]) => d.sharesByCountry[c] ?? 0;
const ehs = (c: string) => (d: Recording["days"][number]) => (d.sharesByCountry[c] ?? 0) * d.networkEhs;

describe.each([1, 2, 3])("exodus-2021, seed %i", (seed) => {
  const rec = recordGame(newGame("exodus-2021", seed));

  it("matches Cambridge's August 2021 map: the US first, Kazakhstan and Russia next, China near zero", () => {
    // CCAF August 2021 (shared/data/ccaf-countries-monthly.csv): US 35.40, KZ 18.10, RU 11.23, CA 9.55, CN 0.
    const aug = (c: string) => mean(rec, "2021-08-01", "2021-08-31", share(c)) * 100;
    expect(Math.abs(aug("US") - 35.4)).toBeLessThan(5);
    expect(Math.abs(aug("KZ") - 18.1)).toBeLessThan(4);
    expect(Math.abs(aug("RU") - 11.23)).toBeLessThan(4);
    expect(Math.abs(aug("CA") - 9.55)).toBeLessThan(5);
    expect(aug("CN")).toBeLessThan(1);
    const top = ["US", "KZ", "RU", "CA", "MY", "IR", "DE"].sort((a, b) => aug(b) - aug(a));
    expect(top[0]).toBe("US");
  });

  it("Kazakhstan's January 2022 blackout cuts the network by about a seventh", () => {
    // Real: 194 → 168 EH/s (-13%); Kazakhstan held ~18% of the world.
    const before = mean(rec, "2022-01-01", "2022-01-04", (d) => d.networkEhs);
    const during = mean(rec, "2022-01-05", "2022-01-09", (d) => d.networkEhs);
    expect(during / before).toBeLessThan(0.93);
    expect(during / before).toBeGreaterThan(0.7);
    expect(mean(rec, "2022-01-05", "2022-01-09", share("KZ"))).toBeLessThan(
      mean(rec, "2022-01-01", "2022-01-04", share("KZ")) * 0.6,
    );
  });

  it("Iran's 2021 ban takes part of its fleet offline until September, then only the licensed come back", () => {
    const before = mean(rec, "2021-05-01", "2021-05-20", ehs("IR"));
    const during = mean(rec, "2021-06-10", "2021-06-30", ehs("IR"));
    const after = mean(rec, "2021-10-01", "2021-10-20", ehs("IR"));
    expect(during / before).toBeLessThan(0.8); // 30% compliance
    // The unlicensed 85% stay banned, 94% of them stopped: about a fifth of May's fleet mines on, as
    // CCAF's 1.47 EH/s in October-November against 7.3 EH/s in April.
    expect(after / before).toBeGreaterThan(0.1);
    expect(after / before).toBeLessThan(0.3);
  });
});

describe("tariffs-2025", () => {
  it("Russia's 2025 ban stops southern Irkutsk's share of its fleet for good, not all of it for the winter", () => {
    const rec = recordGame(newGame("tariffs-2025", 1));
    const before = mean(rec, "2024-12-10", "2024-12-31", ehs("RU"));
    const during = mean(rec, "2025-01-10", "2025-03-10", ehs("RU"));
    const after = mean(rec, "2025-04-01", "2025-05-01", ehs("RU"));
    // 320 MW of Russia's 1.83 GW stopped (17.5%); the rest mined on (the old whole-region ban idled 60%).
    expect(during / before).toBeGreaterThan(0.75);
    expect(during / before).toBeLessThan(0.92);
    // Year-round from 7 April: the share does not come back in spring (Russia's racks still grow).
    expect(after / during).toBeLessThan(1.1);
  });
});
