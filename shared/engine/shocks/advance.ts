/**
 * Each day: shocks whose time is up end (or, for an announced ban, take effect); random hazards may
 * strike; players' machines left switched on where mining is banned may be seized.
 */
import { nextFloat, nextInt } from "../../math/rng.ts";
import type { Hazard } from "../../scenario/types.ts";
import { lotTable } from "../lotFacts.ts";
import type { GameState, Lot } from "../state.ts";
import { applyShock, checkShock } from "./apply.ts";
import { templateById } from "./templates.ts";
import type { EngineCaches } from "../caches.ts";
import { poweredKwByOwner, seizureBps, trackBans } from "../grey.ts";

export function advanceShocks(state: GameState, caches: EngineCaches): void {
  endEffects(state, caches);
  for (const hazard of state.scenario.hazards) strike(state, hazard, caches);
  seize(state, caches);
}

function endEffects(state: GameState, caches: EngineCaches): void {
  const due = state.effects.filter((e) => e.endDay <= state.day);
  if (due.length === 0) return;
  state.effects = state.effects.filter((e) => e.endDay > state.day);
  for (const effect of due)
    templateById(effect.template)?.end?.(state, effect.targets, effect.params, caches);
}

/** A hazard strikes with probability perYear/365 a day, on one of its targets (or any of its kind). */
function strike(state: GameState, hazard: Hazard, caches: EngineCaches): void {
  if (nextFloat(state.rng.hazards) >= hazard.perYear / 365) return;
  const template = templateById(hazard.template);
  if (!template) return;
  const pool = hazard.targets.length > 0 ? hazard.targets : candidates(state, template.target);
  if (pool.length === 0) return;
  const target = pool[nextInt(state.rng.hazards, pool.length)] as string;
  const checked = checkShock(state, hazard.template, [target], hazard.params);
  if (!("code" in checked)) applyShock(state, checked, caches);
}

function candidates(state: GameState, kind: string): string[] {
  switch (kind) {
    case "region":
      return state.world.regions.filter((r) => r.policy !== "banned").map((r) => r.id);
    case "country":
      return [...new Set(state.scenario.regions.map((r) => r.country))];
    case "factory":
      return state.factories.map((f) => f.hub);
    default:
      return ["world"];
  }
}

/** Machines left powered in a banned region are seized at the region's daily rate, lot by lot. */
function seize(state: GameState, caches: EngineCaches): void {
  trackBans(state);
  if (!state.world.regions.some((r) => r.policy === "banned" && r.seizureBpsPerDay > 0)) return;
  // The odds grow with the company's powered kW there and the days under the ban (grey.ts): summed
  // over every lot, so only once a lot is found running in a banned region (most days none is).
  let kwByOwner: Map<string, number> | null = null;
  const seized: Lot[] = [];
  const lots = state.lots;
  const table = lotTable(state, caches);
  for (let n = 0; n < lots.length; n++) {
    const lot = lots[n] as Lot;
    if (lot.status !== "installed" || !lot.powered) continue;
    table.sync(n);
    // -1 (not in a region, or an unknown one): nothing to seize there.
    const region = state.world.regions[table.region[n] as number];
    if (!region || region.policy !== "banned" || region.seizureBpsPerDay <= 0) continue;
    kwByOwner ??= poweredKwByOwner(state, caches);
    const bps = seizureBps(state, region, kwByOwner.get(`${lot.owner}|${region.id}`) ?? 0);
    if (nextFloat(state.rng.hazards) * 10_000 >= bps) continue;
    seized.push(lot);
    state.destroyedUnits[lot.model] = (state.destroyedUnits[lot.model] ?? 0) + lot.quantity;
    state.notices.push({
      day: state.day,
      company: lot.owner,
      kind: "seized",
      text: {
        en: `Authorities seized lot ${lot.id} (${lot.quantity} machines) running illegally in a banned region.`,
        zh: `当局没收了在禁令地区非法运行的批次 ${lot.id}（${lot.quantity} 台矿机）。`,
      },
      targets: [region.id],
    });
  }
  if (seized.length > 0) state.lots = state.lots.filter((l) => !seized.includes(l));
}
