/**
 * Which shipping modes can carry goods from a place to each region. That is geometry (distance, landmass,
 * railway countries) and the scenario's mode limits only, so it never changes during a game: a pure cache
 * per scenario (in the bots' caches), kept so that route choice asks the engine for quotes only of modes that can run (a quote
 * of a mode that cannot would be refused for NO_ROUTE by the same check, modeRejection).
 */
import { modeRejection, type ShipmentQuote } from "../engine/logistics/quote.ts";
import { quoteShipment } from "../engine/logistics/ship.ts";
import type { Lot } from "../engine/state.ts";
import type { RegionSpec, ShippingMode } from "../scenario/types.ts";
import type { Ctx } from "./common.ts";
import { pointOf } from "../engine/logistics/geo.ts";
import type { EngineCaches } from "../engine/caches.ts";
import type { GameState } from "../engine/state.ts";
import type { Place } from "../engine/tradeState.ts";
import { SHIPPING_MODES } from "../scenario/types.ts";
import { botScenarioIndex, type BotCaches } from "./caches.ts";

/**
 * Bit `i` set when SHIPPING_MODES[i] can carry goods from `from` to region `r`. Kept per scenario in the
 * bots' caches: place key → per region index, a bit per mode.
 */
export function modeMask(state: GameState, from: Place, r: number, bots: BotCaches): number {
  const byPlace = botScenarioIndex(state.scenario, bots).modeMasks;
  const key = from.kind === "hub" ? `h:${from.hub}` : `r:${from.region}`;
  let row = byPlace.get(key);
  if (!row) byPlace.set(key, (row = placeMasks(state, from, bots.engine)));
  return row[r] ?? 0;
}

function placeMasks(state: GameState, from: Place, caches: EngineCaches): number[] {
  const a = pointOf(state, from, caches);
  return state.scenario.regions.map((spec) => {
    const b = pointOf(state, { kind: "region", region: spec.id }, caches);
    if (!a || !b) return 0;
    let mask = 0;
    SHIPPING_MODES.forEach((mode, i) => {
      if (modeRejection(state, a, b, mode) === null) mask |= 1 << i;
    });
    return mask;
  });
}

/**
 * The mode (and broker) to send `quantity` units of `lot` to region `r` by: among the modes that clear
 * customs within the profile's limit, the lowest landed cost (freight, duty, fees, expected holds and
 * time: the engine's quote); else the fastest. A premium broker is taken where its quote lands cheaper
 * (licences, inspections). Null when no mode can go, or every quote warns of a ban ahead.
 */
export function pickMode(
  ctx: Ctx,
  lot: Lot,
  quantity: number,
  from: Place,
  r: number,
  bansAhead: (q: ShipmentQuote) => boolean,
): ShipmentQuote | null {
  const { state, profile } = ctx;
  const to = (state.scenario.regions[r] as RegionSpec).id;
  let pick: ShipmentQuote | null = null;
  let pickDays = 0;
  const mask = modeMask(state, from, r, ctx.world.bots);
  for (let i = 0; i < SHIPPING_MODES.length; i++) {
    // Modes that cannot run between the two places are not quoted (the engine would refuse them).
    if (!(mask & (1 << i))) continue;
    const mode = SHIPPING_MODES[i] as ShippingMode;
    const q = quoteShipment(state, { lotId: lot.id, to, mode, insured: false, quantity }, ctx.caches);
    if (!q.ok || bansAhead(q.quote)) continue;
    const days = q.quote.customsDay - state.day;
    const inTime = days <= profile.maxShipDays;
    const pickInTime = pick !== null && pickDays <= profile.maxShipDays;
    if (
      !pick ||
      (inTime && (!pickInTime || q.quote.landedCostCents < pick.landedCostCents)) ||
      (!inTime && !pickInTime && days < pickDays)
    ) {
      pick = q.quote;
      pickDays = days;
    }
  }
  if (!pick || !pick.international) return pick;
  const premium = quoteShipment(
    state,
    { lotId: lot.id, to, mode: pick.mode, insured: false, quantity, broker: "premium" },
    ctx.caches,
  );
  return premium.ok && premium.quote.landedCostCents < pick.landedCostCents ? premium.quote : pick;
}
