/**
 * The gradient trade for bots (issue #13 §2): used machines are bought where they stand, so a bot that
 * wants them in a cheap-power region looks at every open region's used market, prices a lot there plus
 * shipping, duty by origin and the licence wait to the cheap region, and buys where the landed cost is
 * lowest. The lot waits in the source's warehouse with no lease there; the pipeline ships it on to
 * cheap power (pipeline.ts sends a used lot away from a region where the company leases nothing).
 */
import { stockUnits } from "../engine/usedMarket.ts";
import type { AsicModel } from "../scenario/types.ts";
import { unitMarginAt, type Offer, type Survey } from "./buy.ts";
import { hostingPriceAt, type Ctx } from "./common.ts";
import { dutyOf } from "./duties.ts";
import { landedAt, landingOf, type Arrival, type Landing } from "./econ.ts";
import { licenceOf, regionalUsedAskOf, regionalUsedBoundOf, usedFloorOf } from "./world.ts";

/** Units a bot prices a used lot for: the unit price rises along the curve, so a typical lot. */
const QUOTE_UNITS = 50;
/** Days a shipped used lot takes to arrive, clear and install, for the payback (sea or rail). */
const SHIPPED_WAIT_DAYS = 35;

/**
 * The cheapest landed used `model` for region `r` bought in another region's market and shipped, as an
 * offer with `from` set; null when no market holds it or it does not pay within `limit` days.
 */
export function usedShippedOffer(
  ctx: Ctx,
  model: AsicModel,
  r: number,
  marginCents: number,
  limit: number,
): Offer | null {
  const { state } = ctx;
  const w = ctx.world;
  const duty = dutyOf(w, r, model.origin);
  const licenceMeanDays = licenceOf(w, r);
  const arrival = { shipped: true as const, duty, licenceMeanDays };
  const landing = landingOf(state, r, model, arrival, hostingPriceAt(ctx, r));
  // The landed cost rises with the unit price (the same duty, licence and lease whatever the source),
  // so the best source is the cheapest ask, the lowest index on a tie. Markets are visited cheapest
  // floor first, and one whose floor (usedUnitFloorCents) cannot beat the best ask found is not quoted:
  // the same offer as quoting every market in index order, for far fewer quotes.
  const sources: { s: number; floor: number }[] = [];
  for (let s = 0; s < state.scenario.regions.length; s++) {
    if (s === r || w.closed[s] || stockUnits(state, s, model) < QUOTE_UNITS) continue;
    sources.push({
      s,
      floor: landedAt(usedFloorOf(w, s, model), landing),
    });
  }
  sources.sort((a, b) => a.floor - b.floor || a.s - b.s);
  let best: Offer | null = null;
  for (const { s, floor } of sources) {
    if (best && (floor > best.landed || (floor === best.landed && s > (best.from as number)))) break;
    if (cannotWin(ctx, { model, s, arrival, landing, marginCents, limit }, best)) continue;
    const unitCents = regionalUsedAskOf(w, s, model, QUOTE_UNITS);
    if (unitCents === null) continue;
    const landed = landedAt(unitCents, landing);
    const payback = landed / marginCents + SHIPPED_WAIT_DAYS + licenceMeanDays;
    if (!(payback <= limit)) continue;
    if (best && (best.landed < landed || (best.landed === landed && (best.from as number) < s))) continue;
    best = {
      model,
      r,
      factory: null,
      unitCents,
      landed,
      marginCents,
      payback,
      unitKw: model.powerW / 1000,
      from: s,
    };
  }
  return best;
}

/** A source market `s` for a shipped used offer of `model` to region `r` (usedShippedOffer's terms). */
interface Source {
  model: AsicModel;
  s: number;
  arrival: Extract<Arrival, { shipped: true }>;
  /** The landing in region r (landingOf), the same for every source. */
  landing: Landing;
  marginCents: number;
  limit: number;
}

/**
 * Whether market `s` surely gives no offer that usedShippedOffer would take in place of `best`, from a
 * lower bound on its ask (regionalUsedBoundOf: one power rather than a quote). Its landed cost and
 * payback rise with the ask, so a bound that already lands dearer than the best (or as dear, from a
 * higher index), or pays back too late, rules the ask out; skipping the quote then changes nothing.
 */
function cannotWin(ctx: Ctx, o: Source, best: Offer | null): boolean {
  const bound = regionalUsedBoundOf(ctx.world, o.s, o.model, QUOTE_UNITS);
  if (bound === null) return true;
  const landed = landedAt(bound, o.landing);
  if (best && (landed > best.landed || (landed === best.landed && o.s > (best.from as number)))) return true;
  if (!(o.marginCents > 0)) return false;
  return landed / o.marginCents + SHIPPED_WAIT_DAYS + o.arrival.licenceMeanDays > o.limit;
}

/**
 * The gradient trade's offers: each of `models` bought used where it sells cheapest and shipped to each
 * of `sites` (region indices, in order) where a unit earns a margin, handed to `consider`. One loop for
 * the strategies that work the trade to their sites (efficiency, cheap-power, cautious).
 */
export function shippedUsedOffers(
  ctx: Ctx,
  sv: Survey,
  models: readonly AsicModel[],
  sites: readonly number[],
  limit: number,
  consider: (offer: Offer | null) => void,
): void {
  for (const r of sites) {
    for (const model of models) {
      const margin = unitMarginAt(ctx, sv, model, r);
      if (margin !== null && margin > 0) consider(usedShippedOffer(ctx, model, r, margin, limit));
    }
  }
}
