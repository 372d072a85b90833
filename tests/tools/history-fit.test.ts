/**
 * The fit to history by year: a "game" that copies the real series scores (close to) zero on every
 * measure, and known distortions of it score what they should, year by year, on the shipped data.
 */
import { describe, expect, it } from "vitest";
import { formatIsoDate, parseIsoDate, SECONDS_PER_DAY } from "../../shared/math/calendar.ts";
import { realCountryShares, realHashprice, realHashrate7d } from "../../node/history.ts";
import { fitByYear, pearson, type YearFit } from "../../node/historyFit.ts";
import { RETARGET_LUCK_FLOOR_PP } from "../../shared/bitcoin/retargetLuck.ts";
import { createRng, nextFloat, type RngState } from "../../shared/math/rng.ts";
import { hexBits, type DayRow, type RetargetRow } from "../../node/recorder.ts";
import { loadDatasets } from "../../node/scenarios.ts";

const data = loadDatasets();
const FIRST = parseIsoDate("2020-01-01");
const LAST = parseIsoDate("2021-12-31");

/** The real history of 2020–2021 written as a recording (what a perfect model would record). */
function realRecording(): { days: DayRow[]; retargets: RetargetRow[] } {
  const days: DayRow[] = [];
  for (let d = FIRST; d <= LAST; d++)
    days.push({
      date: formatIsoDate(d),
      networkEhs: realHashrate7d(data, d) ?? 0,
      hashpriceUsdPerThDay: realHashprice(data, d) ?? 0,
      sharesByCountry: realCountryShares(data, d) ?? {},
    } as DayRow);
  const retargets: RetargetRow[] = [];
  for (let i = 1; i < data.epochs.length; i++) {
    const [before, epoch] = [data.epochs[i - 1]!, data.epochs[i]!];
    const day = Math.floor(epoch.startTime / SECONDS_PER_DAY);
    if (day < FIRST || day > LAST || epoch.bits === null) continue;
    retargets.push({
      height: epoch.height,
      date: formatIsoDate(day),
      oldBits: "",
      newBits: hexBits(epoch.bits),
      changePct: (epoch.difficulty / before.difficulty - 1) * 100,
    });
  }
  return { days, retargets };
}

const year = (fits: YearFit[], y: string) => fits.find((f) => f.year === y) as YearFit;

describe("the fit to history by year", () => {
  const real = realRecording();
  const perfect = fitByYear(real, data);

  it("has a row per calendar year and one for all of them", () => {
    expect(perfect.map((f) => f.year)).toEqual(["2020", "2021", "all"]);
    expect(year(perfect, "all").days).toBe(LAST - FIRST + 1);
    expect(year(perfect, "2020").retargets + year(perfect, "2021").retargets).toBe(
      year(perfect, "all").retargets,
    );
  });

  it("scores the real history itself as (nearly) perfect, and always-0% as the mean real change", () => {
    for (const f of perfect) {
      expect(f.difficultyLnError).toBeLessThan(1e-6);
      expect(f.hashrateLnError).toBe(0);
      expect(f.hashpriceLnError).toBe(0);
      expect(f.retargetErrorPp).toBe(0);
      expect(f.retargetCorrelation).toBeCloseTo(1, 9);
      expect(f.retargetZeroBaselinePp).toBeGreaterThan(2);
    }
    // Cambridge has months in both years (to January 2022), each country compared.
    expect(year(perfect, "2021").shareCells).toBeGreaterThan(12 * 5);
    expect(year(perfect, "all").shareErrorPp).toBeLessThan(1e-9);
  });

  it("measures a game that runs 10% hot, never moves difficulty, and gives China 5 points more", () => {
    const distorted = {
      days: real.days.map((r) => ({
        ...r,
        networkEhs: r.networkEhs * 1.1,
        sharesByCountry: { ...r.sharesByCountry, CN: (r.sharesByCountry.CN ?? 0) + 0.05 },
      })),
      retargets: real.retargets.map((r) => ({ ...r, changePct: 0, newBits: real.retargets[0]!.newBits })),
    };
    const fits = fitByYear(distorted, data);
    const all = year(fits, "all");
    expect(all.hashrateLnError).toBeCloseTo(Math.log(1.1), 9);
    expect(all.retargetErrorPp).toBeCloseTo(all.retargetZeroBaselinePp as number, 9);
    expect(all.retargetCorrelation).toBeNull(); // no variance in the guesses
    // Held at the first retarget's difficulty: each epoch's error is its distance from that one.
    const d0 = data.epochs.find((e) => e.height === real.retargets[0]!.height)!.difficulty;
    const heights = new Set(real.retargets.map((r) => r.height));
    const held = data.epochs
      .filter((e) => heights.has(e.height))
      .map((e) => Math.abs(Math.log(d0 / e.difficulty)));
    expect(all.difficultyLnError).toBeCloseTo(held.reduce((s, x) => s + x, 0) / held.length, 6);
    expect(all.difficultyLnError).toBeGreaterThan(0.2);
    // China is one of Cambridge's countries: 5 points on one of them, averaged over all of them.
    const countries =
      all.shareCells /
      [...new Set(real.days.map((d) => d.date.slice(0, 7)))].filter((m) => data.ccaf.has(m)).length;
    expect(all.shareErrorPp).toBeCloseTo(5 / countries, 6);
  });

  /** Real epochs whose changes follow `changePct(i)`, and a game that retargeted 0% at each. */
  function syntheticHistory(count: number, changePct: (i: number) => number) {
    let difficulty = 1e13;
    const epochs = Array.from({ length: count }, (_, i) => {
      if (i > 0) difficulty *= 1 + changePct(i) / 100;
      return {
        height: 630_000 + i * 2016,
        startTime: (FIRST + 14 * i) * SECONDS_PER_DAY,
        bits: 0x17100000,
        difficulty,
        exact: true,
      };
    });
    const retargets = epochs.slice(1).map((e) => ({
      height: e.height,
      date: formatIsoDate(Math.floor(e.startTime / SECONDS_PER_DAY)),
      oldBits: "",
      newBits: hexBits(e.bits),
      changePct: 0,
    }));
    return { data: { ...data, epochs }, retargets };
  }

  it("scores the real trend baseline from the real changes alone: zero for a steady climb", () => {
    // Every real epoch 2% harder than the one before: the neighbours' mean is each change exactly.
    const steady = syntheticHistory(20, () => 2);
    const all = year(fitByYear({ days: [], retargets: steady.retargets }, steady.data), "all");
    expect(all.retargetZeroBaselinePp).toBeCloseTo(2, 9);
    expect(all.retargetTrendBaselinePp).toBeCloseTo(0, 9);
    // Alternating +4% and 0%: three either side (not the epoch's own) average 4/3 around a +4% epoch and
    // 8/3 around a 0% one, so each guess is off by 8/3 pp (the epoch's own change counted would give 2 2/7).
    const zigzag = syntheticHistory(40, (i) => (i % 2 === 0 ? 4 : 0));
    const inner = zigzag.retargets.slice(4, -4);
    const fit = year(fitByYear({ days: [], retargets: inner }, zigzag.data), "all");
    expect(fit.retargetTrendBaselinePp).toBeCloseTo(8 / 3, 9);
    // On the shipped data it depends on the real epochs only, not on what the game did.
    expect(year(perfect, "all").retargetTrendBaselinePp).toBeGreaterThan(1);
    const zeroGame = { ...real, retargets: real.retargets.map((r) => ({ ...r, changePct: 0 })) };
    expect(year(fitByYear(zeroGame, data), "all").retargetTrendBaselinePp).toBe(
      year(perfect, "all").retargetTrendBaselinePp,
    );
  });

  it("puts the luck floor of a perfect game where two independent chains' retargets differ", () => {
    // Two chains at the same steady hashrate, each finding its blocks by its own luck (exponential gaps)
    // and retargeting every 2,016 blocks as the protocol does: how far apart are their changes?
    const changes = (rng: RngState, epochs: number): number[] => {
      let difficulty = 1;
      const out: number[] = [];
      for (let e = 0; e < epochs; e++) {
        let time = 0;
        for (let b = 0; b < 2016; b++) time -= Math.log(1 - nextFloat(rng)) * difficulty;
        const next = difficulty * (2016 / time);
        out.push((next / difficulty - 1) * 100);
        difficulty = next;
      }
      return out;
    };
    const game = changes(createRng(1, "game"), 4000);
    const history = changes(createRng(1, "history"), 4000);
    const mean = game.reduce((s, c, i) => s + Math.abs(c - history[i]!), 0) / game.length;
    expect(RETARGET_LUCK_FLOOR_PP).toBeCloseTo(3.55, 2);
    // 4,000 retargets: a standard error of about 0.04 pp.
    expect(Math.abs(mean - RETARGET_LUCK_FLOOR_PP)).toBeLessThan(0.15);
  });

  it("computes Pearson's correlation and refuses it on too few points", () => {
    const line = [1, 2, 3, 4].map((x) => ({ sim: x, real: 2 * x + 1 }));
    expect(pearson(line)).toBeCloseTo(1, 12);
    expect(pearson(line.map((p) => ({ sim: -p.sim, real: p.real })))).toBeCloseTo(-1, 12);
    expect(pearson(line.slice(0, 2))).toBeNull();
  });

  it("marks each year calibration or out of sample and pools each set as one long year", () => {
    const fits = fitByYear(real, data, [2020, 2020]);
    expect(fits.map((f) => [f.year, f.set])).toEqual([
      ["2020", "calibration"],
      ["2021", "out of sample"],
      ["all", null],
      ["calibration", null],
      ["out of sample", null],
    ]);
    // A set of one year is that year, figure for figure (only its label and set differ).
    expect({ ...year(fits, "calibration"), year: "2020", set: "calibration" }).toEqual(year(fits, "2020"));
    expect({ ...year(fits, "out of sample"), year: "2021", set: "out of sample" }).toEqual(
      year(fits, "2021"),
    );
    // Without calibration years nothing is marked and no pooled set is added.
    expect(perfect.every((f) => f.set === null)).toBe(true);
  });

  it("catches a game that fits its calibration years and misses the others", () => {
    // Perfect in 2020, 20% hot in 2021: the out-of-sample row must show it and the calibration row not.
    const drifting = {
      days: real.days.map((r) => (r.date < "2021" ? r : { ...r, networkEhs: r.networkEhs * 1.2 })),
      retargets: real.retargets,
    };
    const fits = fitByYear(drifting, data, [2020, 2020]);
    expect(year(fits, "calibration").hashrateLnError).toBe(0);
    expect(year(fits, "out of sample").hashrateLnError).toBeCloseTo(Math.log(1.2), 9);
    // Both years calibrated: the pooled set is "all", day-weighted (365 + 366 days, half of them 20% hot).
    const both = fitByYear(drifting, data, [2020, 2021]);
    expect(year(both, "calibration").hashrateLnError).toBeCloseTo(
      year(both, "all").hashrateLnError ?? NaN,
      12,
    );
    expect(both.some((f) => f.year === "out of sample")).toBe(false);
  });
});
