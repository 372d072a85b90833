/**
 * Condition of used machines: their age prices them (wear) and makes them fail. A used lot carries the
 * day its machines were made (Lot.builtDay); each day an installed, powered used lot may lose units,
 * drawn from the used markets' own random stream, and the lost units are recorded with the game's other
 * destroyed machines (state.destroyedUnits) and told to the owner.
 */
import { fillFloats } from "../math/rng.ts";
import type { AsicModel } from "../scenario/types.ts";
import type { UsedMarketsSpec } from "../scenario/usedMarketSpec.ts";
import type { EngineCaches } from "./caches.ts";
import { lotModel } from "./fleet.ts";
import type { GameState, Lot } from "./state.ts";
import type { Text } from "../scenario/types.ts";

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

/**
 * One notice a day per company that lost machines, naming its first lots: a fleet of old used lots
 * loses a few units most days, and a notice per lot was a dozen toasts (and rows in the game's record)
 * a day for one player.
 */
function tellFailures(state: GameState, failed: readonly Failure[], caches: EngineCaches): void {
  const byOwner = new Map<string, Failure[]>();
  for (const f of failed) {
    const list = byOwner.get(f.lot.owner);
    if (list) list.push(f);
    else byOwner.set(f.lot.owner, [f]);
  }
  for (const [owner, list] of byOwner) {
    const targets: string[] = [];
    for (const { lot } of list)
      if (lot.location.kind === "region" && !targets.includes(lot.location.region))
        targets.push(lot.location.region);
    state.notices.push({
      day: state.day,
      company: owner,
      kind: "usedFailure",
      text: failureText(state, list, caches),
      targets,
    });
  }
}

function failureText(state: GameState, list: readonly Failure[], caches: EngineCaches): Text {
  const total = list.reduce((s, f) => s + f.lost, 0);
  const named = list.slice(0, NAMED_LOTS).map((f) => ({ ...f, name: lotModel(state, f.lot, caches).name }));
  const rest = list.slice(NAMED_LOTS);
  const restUnits = rest.reduce((s, f) => s + f.lost, 0);
  const en = named.map((f) => `${f.lost} ${f.name} in lot ${f.lot.id}`).join(", ");
  const zh = named.map((f) => `批次 ${f.lot.id} 中 ${f.lost} 台 ${f.name}`).join("，");
  const lots = (n: number): string => (n === 1 ? "lot" : "lots");
  return {
    en:
      `${total} used ${total === 1 ? "machine" : "machines"} broke down and ${total === 1 ? "was" : "were"} ` +
      `written off: ${en}${rest.length > 0 ? `, and ${restUnits} in ${rest.length} other ${lots(rest.length)}` : ""}.`,
    zh: `${total} 台二手矿机损坏报废：${zh}${rest.length > 0 ? `，另有 ${rest.length} 个批次共 ${restUnits} 台` : ""}。`,
  };
}
