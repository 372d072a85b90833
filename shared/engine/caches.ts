/**
 * EngineCaches: the engine's speed caches and scratch space, in one explicit object rather than at
 * module level (shared/ holds no mutable state of its own).
 *
 * What it holds is what the rules would otherwise look up or work out again and again: models and
 * regions by id, points and distances, the best machine on sale and the factory's discounts (all
 * functions of the scenario), the facts of each lot and the shipments by id (checked against the state
 * on every read), the month of the day, and buffers the daily step reuses. A cache changes how fast a
 * result is found, never the result; and it is not game state: the state stays plain data (serialised,
 * hashed, replayed) and knows nothing of this object.
 *
 * Whoever owns a game's lifetime makes one (`new EngineCaches()`) and hands it to the engine's entry
 * points (step, applyCommand, validate, quotes), which pass it down to every function that uses it: the
 * server's game session, a Monte-Carlo run, a replay. An entry point given none makes a fresh one, which
 * gives the same answers, only slower (nothing is remembered from one call to the next).
 *
 * One object serves any game of any scenario: what it holds for a scenario or a state is made afresh
 * when it is asked about another. Keep one per game, or one for games played one after another.
 */
import type { ScenarioIndex } from "./lookup.ts";
import type { LotTable } from "./lotFacts.ts";
import type { ShipmentIndex } from "./logistics/shipmentIndex.ts";

export class EngineCaches {
  /** Look-ups into the scenario asked about last (lookup.ts's scenarioIndex makes it). */
  scenario: ScenarioIndex | null = null;
  /** Each lot's facts, for the lists of lots and companies asked about last (lotFacts.ts's lotTable). */
  lots: LotTable | null = null;
  /** Shipments by id, for the list of shipments asked about last (shipmentIndex.ts). */
  shipments: ShipmentIndex | null = null;
  /** The factory's efficiency discounts by exponent, then efficiency ratio (market.ts): pure numbers. */
  readonly discounts = new Map<number, Map<number, number>>();
  /** The day asked about last and its month (regions.ts's monthToday). */
  monthDay = Number.NaN;
  month = 0;
  /**
   * Per-site sums of the daily step, by company and region (companies.ts's operateFleets): grown as
   * needed, and every cell used is zeroed before a day's sums, so nothing carries over.
   */
  siteSums = new Float64Array(0);
  siteActive = new Uint8Array(0);
  /** Scratch TH/s by used tier (loans.ts's collateral), zeroed before each use: nothing carries over. */
  tierThs = new Float64Array(0);
  /** Scratch: the day's draws for the used lots' failures (usedMarketWear.ts), each written before use. */
  failureDraws = new Float64Array(0);
}
