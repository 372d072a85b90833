/**
 * Offers between players: every bot answers the offers made to it (yes when the price is under what the
 * machines are worth to it where they stand, no otherwise, so the seller is not left waiting), and a
 * bot that wants to sell can offer a lot to another company at the used index, between the market's
 * bid and ask: better for both than the used market.
 */
import { quoteBuyUsed } from "../engine/commands/usedMachines.ts";
import { lotKw, lotModel } from "../engine/fleet.ts";
import { usedValueUnitCents } from "../engine/market.ts";
import { regionIndex } from "../engine/regions.ts";
import { offerUnavailable } from "../engine/offers.ts";
import type { Lot } from "../engine/state.ts";
import { roomKw, survey } from "./buy.ts";
import { add, spendable, type Ctx } from "./common.ts";
import { marginOf, paysItsWay, thDay } from "./econ.ts";

/** What `quantity` units of a lot standing in a region are worth to this company, cents (0: not wanted). */
function worth(ctx: Ctx, lot: Lot, quantity: number, paybackDays: number): number {
  const { state } = ctx;
  if (lot.location.kind !== "region") return 0;
  const region = lot.location.region;
  const r = regionIndex(state, region, ctx.caches);
  const sv = survey(ctx);
  const site = r < 0 ? null : sv.sites[r];
  if (!site) return 0;
  const model = lotModel(state, lot, ctx.caches);
  if (roomKw(ctx, r) < lotKw(model, quantity)) return 0;
  const d = thDay(state, site, model.efficiencyJPerTh, sv.hashprice);
  if (!paysItsWay(d, ctx.profile.maxCostShare)) return 0;
  // Safe at the planning hashprice; earns, over the payback, what a purchase is valued on (buy.ts survey).
  const margin = marginOf(thDay(state, site, model.efficiencyJPerTh, sv.earning));
  const earn = ((Math.max(0, margin) * model.hashrateGhs) / 1000 / 10_000) * paybackDays;
  const ask =
    quoteBuyUsed(state, { type: "buyUsed", model: model.id, quantity: 1, region }, ctx.caches)?.unitCents ??
    0;
  return Math.floor(Math.min(earn, ask) * quantity);
}

/** Answers every open offer made to the company. */
export function respondOffers(ctx: Ctx, paybackDays: number): void {
  const { state, company } = ctx;
  for (const offer of state.offers) {
    if (offer.to !== company.id || offer.status !== "open") continue;
    const lot = state.lots.find((l) => l.id === offer.lot);
    let accept = false;
    if (lot && offerUnavailable(state, offer, ctx.caches) === null) {
      const value = worth(ctx, lot, offer.quantity, paybackDays);
      accept = value > 0 && offer.priceCents <= value && offer.priceCents <= spendable(ctx);
    }
    // An offer that cannot be taken today but may be later (its lot in transit) is left open.
    if (!accept && lot && lot.status === "inTransit") continue;
    add(ctx, { type: "respondOffer", offer: offer.id, accept }, accept ? offer.priceCents : 0);
  }
}

/** Offers a lot to the company with the most cash at the used index, for a few days. */
export function offerToPeer(ctx: Ctx, lot: Lot): boolean {
  const { state, company } = ctx;
  const price = usedValueUnitCents(state, lotModel(state, lot, ctx.caches)) * lot.quantity;
  let buyer: string | null = null;
  let most = price;
  for (const c of state.companies) {
    if (c.id === company.id || c.bankrupt || c.cashCents < most) continue;
    buyer = c.id;
    most = c.cashCents;
  }
  if (buyer === null || state.offers.some((o) => o.lot === lot.id && o.status === "open")) return false;
  const cmd = {
    type: "offerLot" as const,
    lot: lot.id,
    quantity: lot.quantity,
    to: buyer,
    priceCents: price,
    days: 5,
  };
  if (!add(ctx, cmd, 0)) return false;
  ctx.touched.add(lot.id);
  return true;
}
