/**
 * Calibration of a scenario's world supply (issue #16): a grid search over the numbers of
 * `world.supply` (MW shipped a day per million USD a day of miners' revenue, the delivery lag, the share of
 * switched-off machines retired a month), each point a no-player game played only to the end of the scenario's calibration years, scored on those years alone.
 * The years after them are never looked at: they are the out-of-sample test (`npm run simulate`).
 * The rest of the supply block (the shortage, `retirePatienceDays`: estimates, not searched) is kept as
 * the file gives it.
 * Deterministic: the same scenario, grid and seed always choose the same point.
 */
import { createGame, EngineCaches, step, type Scenario } from "../../shared/index.ts";
import { daysFromCivil } from "../../shared/math/calendar.ts";
import { withOrderBook } from "../../shared/engine/worldSupply.ts";
import { withRevenueLeadIn } from "../../shared/scenario/supplyLeadIn.ts";
import type { Datasets } from "../../shared/scenario/datasets.ts";
import { createRecording, recordDay } from "../../node/recorder.ts";
import { fitByYear, type YearFit } from "../../node/historyFit.ts";

export interface GridPoint {
  mwPerMusdRevenue: number;
  lagDays: number;
  retireIdlePctPerMonth: number;
}

export interface GridResult extends GridPoint {
  /** The pooled fit over the calibration years. */
  fit: YearFit;
  /** What the search minimises: the mean of the difficulty and hashrate |ln error|. */
  score: number;
}

/** The scenario with its supply numbers replaced by a grid point's (everything else unchanged). */
export function withSupply(scenario: Scenario, point: GridPoint, data: Datasets): Scenario {
  const current = scenario.world.supply;
  if (!current) throw new Error(`${scenario.id} has no world.supply block to calibrate`);
  const pointSupply = {
    ...current,
    kwPerMusd: point.mwPerMusdRevenue * 1000,
    lagDays: point.lagDays,
    retireIdlePctPerMonth: point.retireIdlePctPerMonth,
  };
  // The point's lag reads further back before the start (supplyLeadIn.ts), and the order book's
  // deliveries follow the point's orders: both resolved again.
  const start = { day: scenario.startDay, height: scenario.chain.startHeight };
  const supply = withOrderBook(scenario, withRevenueLeadIn(pointSupply, data, start));
  return { ...scenario, world: { ...scenario.world, supply } };
}

/** Game days from the start to the end of the last calibration year (the scenario's end if sooner). */
export function calibrationDays(scenario: Scenario, years: readonly [number, number]): number {
  const end = daysFromCivil(years[1] + 1, 1, 1);
  return Math.max(1, Math.min(scenario.days, end - scenario.startDay));
}

/** Plays one grid point with no players and scores it on the calibration years. */
export function scorePoint(scenario: Scenario, point: GridPoint, data: Datasets, seed: number): GridResult {
  const years = scenario.world.calibrationYears;
  if (!years) throw new Error(`${scenario.id} names no world.calibrationYears`);
  const state = createGame(withSupply(scenario, point, data), seed, []);
  const recording = createRecording(state);
  const caches = new EngineCaches();
  const days = calibrationDays(scenario, years);
  while (!state.finished && state.tick < days) recordDay(recording, state, step(state, caches));
  const fit = fitByYear(recording, data, years).find((f) => f.year === "calibration");
  if (!fit || fit.hashrateLnError === null || fit.difficultyLnError === null)
    throw new Error(`no real hashrate or difficulty in the calibration years ${years.join("-")}`);
  return { ...point, fit, score: (fit.hashrateLnError + fit.difficultyLnError) / 2 };
}

/** The grid's axes. */
export interface Grid {
  mwPerMusdRevenue: number[];
  lagDays: number[];
  retireIdlePctPerMonth: number[];
}

/** Every point of the grid (MW per $M × lag × retirement), in order; the best is the lowest score, the first on a tie. */
export function searchGrid(
  scenario: Scenario,
  grid: Grid,
  data: Datasets,
  seed: number,
  onPoint?: (r: GridResult) => void,
): { results: GridResult[]; best: GridResult } {
  const results: GridResult[] = [];
  for (const mwPerMusdRevenue of grid.mwPerMusdRevenue)
    for (const lagDays of grid.lagDays)
      for (const retireIdlePctPerMonth of grid.retireIdlePctPerMonth) {
        const point = { mwPerMusdRevenue, lagDays, retireIdlePctPerMonth };
        const r = scorePoint(scenario, point, data, seed);
        results.push(r);
        onPoint?.(r);
      }
  const best = results.reduce((b, r) => (r.score < b.score ? r : b), results[0] as GridResult);
  return { results, best };
}
