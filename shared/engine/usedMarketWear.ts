/**
 * Condition of used machines: their age prices them (wear) and makes them fail. A used lot carries the
 * day its machines were made (Lot.builtDay); each day an installed, powered used lot may lose units,
 * drawn from the used markets' own random stream, and the lost units are recorded with the game's other
 * destroyed machines (state.destroyedUnits) and told to the owner.
 */
import { fillFloats } from "../math/rng.ts";
import type { AsicModel, Text } from "../scenario/types.ts";
import type { UsedMarketsSpec } from "../scenario/usedMarketSpec.ts";
import type { EngineCaches } from "./caches.ts";
import { lotModel } from "./fleet.ts";
import type { GameState, Lot } from "./state.ts";

const DAYS_PER_YEAR = 365;

/**
 * Age of the used units of a model on sale today, days: halfway through its time on the market (the
 * machines on sale are of every age since its release). Deterministic, so that a quote shows it.
 */
export function usedAgeDays(state: GameState, model: AsicModel): number {
  return Math.max(0, Math.floor((state.day - model.releaseDay) / 2));
}

/** Share of a fresh unit's price that a unit of this age keeps, basis points (wear, floored). */
export function conditionBps(spec: UsedMarketsSpec, ageDays: number): number {
  const worn = 10_000 - Math.round((spec.wearBpsPerYear * ageDays) / DAYS_PER_YEAR);
  return Math.max(spec.conditionFloorBps, worn);
}

/** Chance a unit of this age fails within a year, basis points. */
export function failureBpsPerYear(spec: UsedMarketsSpec, ageDays: number): number {
  return spec.failureBpsPerYear + Math.round((spec.failureBpsPerYearOfAge * ageDays) / DAYS_PER_YEAR);
}

/** Whether a lot's used machines may fail today: installed and powered (a used lot has a builtDay). */
function wears(lot: Lot): boolean {
  return lot.builtDay !== undefined && lot.status === "installed" && lot.powered;
}

/** Today's failures among installed, powered used machines. */
export function failUsedMachines(state: GameState, caches: EngineCaches): void {
  const spec = state.scenario.usedMarkets;
  const day = state.day;
  const lots = state.lots;
  // One draw per wearing lot, in the lots' order, all drawn first (fillFloats: the same numbers as a
  // draw per lot, faster); a failure changes a lot's quantity only, never whether it wears.
  let n = 0;
  for (let i = 0; i < lots.length; i++) if (wears(lots[i] as Lot)) n++;
  if (caches.failureDraws.length < n)
    caches.failureDraws = new Float64Array(Math.max(n, 2 * caches.failureDraws.length));
  const draws = caches.failureDraws;
  fillFloats(state.usedMarkets.rng, draws, n);
  let k = 0;
  let emptied = false;
  const failed: Failure[] = [];
  for (const lot of lots) {
    if (!wears(lot)) continue;
    const age = day - (lot.builtDay as number);
    const daily = failureBpsPerYear(spec, age) / 10_000 / DAYS_PER_YEAR;
    const expected = lot.quantity * daily;
    const whole = Math.floor(expected);
    const lost = Math.min(lot.quantity, whole + ((draws[k++] as number) < expected - whole ? 1 : 0));
    if (lost <= 0) continue;
    lot.quantity -= lost;
    state.destroyedUnits[lot.model] = (state.destroyedUnits[lot.model] ?? 0) + lost;
    failed.push({ lot, lost });
    if (lot.quantity === 0) emptied = true;
  }
  if (emptied) state.lots = state.lots.filter((l) => l.quantity > 0);
  tellFailures(state, failed, caches);
}

/** Units a lot lost today. */
interface Failure {
  lot: Lot;
  lost: number;
}

/** Lots a breakdown notice names one by one; the rest are counted. */
const NAMED_LOTS = 3;

/** A company's breakdowns of the day: its first lots by name, the rest counted. */
interface Breakdowns {
  total: number;
  named: Failure[];
  otherLots: number;
  otherUnits: number;
  targets: string[];
}

/**
 * One notice a day per company that lost machines, naming its first lots: a fleet of old used lots
 * loses a few units most days, and a notice per lot was a dozen toasts (and rows in the game's record)
 * a day for one player. Plain loops: this runs every day of every Monte-Carlo game.
 */
function tellFailures(state: GameState, failed: readonly Failure[], caches: EngineCaches): void {
  if (failed.length === 0) return;
  const byOwner = new Map<string, Breakdowns>();
  for (const f of failed) {
    let b = byOwner.get(f.lot.owner);
    if (!b) byOwner.set(f.lot.owner, (b = { total: 0, named: [], otherLots: 0, otherUnits: 0, targets: [] }));
    b.total += f.lost;
    if (b.named.length < NAMED_LOTS) b.named.push(f);
    else {
      b.otherLots++;
      b.otherUnits += f.lost;
    }
    const loc = f.lot.location;
    if (loc.kind === "region" && !b.targets.includes(loc.region)) b.targets.push(loc.region);
  }
  for (const [owner, b] of byOwner)
    state.notices.push({
      day: state.day,
      company: owner,
      kind: "usedFailure",
      text: failureText(state, b, caches),
      targets: b.targets,
    });
}

function failureText(state: GameState, b: Breakdowns, caches: EngineCaches): Text {
  let en = "";
  let zh = "";
  for (const { lot, lost } of b.named) {
    const name = lotModel(state, lot, caches).name;
    en += `${en ? ", " : ""}${lost} ${name} in lot ${lot.id}`;
    zh += `${zh ? "，" : ""}批次 ${lot.id} 中 ${lost} 台 ${name}`;
  }
  if (b.otherLots > 0) {
    en += `, and ${b.otherUnits} in ${b.otherLots} other ${b.otherLots === 1 ? "lot" : "lots"}`;
    zh += `，另有 ${b.otherLots} 个批次共 ${b.otherUnits} 台`;
  }
  const one = b.total === 1;
  return {
    en: `${b.total} used ${one ? "machine" : "machines"} broke down and ${one ? "was" : "were"} written off: ${en}.`,
    zh: `${b.total} 台二手矿机损坏报废：${zh}。`,
  };
}
