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
import { landedAt, landingOf, type Landing } from "./econ.ts";
import { licenceOf, regionalUsedAskOf, regionalUsedBoundOf, usedFloorOf } from "./world.ts";

/** Units a bot prices a used lot for: the unit price rises along the curve, so a typical lot. */
const QUOTE_UNITS = 50;
/** Days a shipped used lot takes to arrive, clear and install, for the payback (sea or rail). */
const SHIPPED_WAIT_DAYS = 35;

/**
 * The cheapest landed used `model` for region `r` bought in another region's market and shipped, as an
 * offer with `from` set; null when no market holds it or it does not pay within `limit` days.
 * `marginCents` must be above 0 (a unit's margin in region r): the search stops at the first market whose
 * payback is too long, since every dearer one pays back later only for a positive margin.
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
  // so the best source is the cheapest ask, the lowest index on a tie. What each market's ask lands at
  // is known ever more closely (Known), each figure at most the ask's; the market with the lowest figure
  // is worked out further, until it is one whose ask is known: no other can land cheaper. The same offer
  // as quoting every market, for far fewer quotes (most markets never get past their floor or bound).
  const sources = sourcesOf(ctx, model, r, landing);
  for (;;) {
    const k = cheapestSource(sources);
    if (k < 0) return null;
    const s = sources.s[k] as number;
    const landed = sources.landed[k] as number;
    const days = landed / marginCents + SHIPPED_WAIT_DAYS + licenceMeanDays;
    const known = sources.known[k] as Known;
    if (known === "ask") {
      if (!(days <= limit)) return null;
      const unitCents = sources.unitCents[k] as number;
      return {
        model,
        r,
        factory: null,
        unitCents,
        landed,
        marginCents,
        payback: days,
        unitKw: model.powerW / 1000,
        from: s,
      };
    }
    // Every other market lands at least as dear, so pays back no sooner (for a margin above 0).
    if (marginCents > 0 && !(days <= limit)) return null;
    const unit =
      known === "floor"
        ? regionalUsedBoundOf(w, s, model, QUOTE_UNITS)
        : regionalUsedAskOf(w, s, model, QUOTE_UNITS);
    // The bound is null exactly where the ask is: the market gives no offer.
    if (unit === null) sources.known[k] = "none";
    else {
      sources.known[k] = known === "floor" ? "bound" : "ask";
      sources.landed[k] = landedAt(unit, landing);
      sources.unitCents[k] = unit;
    }
  }
}

/**
 * How closely a source market's landed cost is known: from its least ask (usedUnitFloorCents: it reads
 * no stock), from a lower bound on its ask (regionalUsedBoundOf: one power), or from the ask itself (a
 * quote: a power per slice). "none": the market gives no offer.
 */
type Known = "floor" | "bound" | "ask" | "none";

/** The markets a shipped offer may come from, by index, with what each lands at, as far as it is known. */
interface Sources {
  s: number[];
  known: Known[];
  /** Landed cost in region r at the figure known (landedAt), cents a unit. */
  landed: number[];
  /** The ask, once known. */
  unitCents: number[];
}

/** The markets other than `r`'s that are open and hold a quote's units of `model`, at their floors. */
function sourcesOf(ctx: Ctx, model: AsicModel, r: number, landing: Landing): Sources {
  const { state, world: w } = ctx;
  const sources: Sources = { s: [], known: [], landed: [], unitCents: [] };
  for (let s = 0; s < state.scenario.regions.length; s++) {
    if (s === r || w.closed[s] || stockUnits(state, s, model) < QUOTE_UNITS) continue;
    sources.s.push(s);
    sources.known.push("floor");
    sources.landed.push(landedAt(usedFloorOf(w, s, model), landing));
    sources.unitCents.push(NaN);
  }
  return sources;
}

/** The position in `sources` of the market landing cheapest at what is known, the lowest index on a tie; -1: none. */
function cheapestSource(sources: Sources): number {
  let best = -1;
  for (let k = 0; k < sources.s.length; k++) {
    if (sources.known[k] === "none") continue;
    // Markets are listed by index: a later one wins only when strictly cheaper.
    if (best < 0 || (sources.landed[k] as number) < (sources.landed[best] as number)) best = k;
  }
  return best;
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
