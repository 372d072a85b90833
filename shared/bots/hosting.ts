/**
 * Bots and the hosting layer (issue #13 §3, §6). A bot whose profile names a bid queues for a full
 * region's space (bidding that much above the price to be served first) rather than giving up on it;
 * in a crunch a bot that builds sites breaks ground where it holds most space, if its cash covers the
 * capital several times over; it offers spare own kW to the rival with most cash at the market's price;
 * and it takes a hosting offer below the market's price where it has machines waiting for room.
 */
import { crunchOn, freeForNewLease, hostingPriceCents, hostingSpecOf } from "../engine/hosting.ts";
import { spareOwnKw } from "../engine/hostingOffers.ts";
import { siteCapexCents } from "../engine/sites.ts";
import { add, leaseAt, loadAt, orderedKw, reserveCents, spareKw, type Ctx } from "./common.ts";
import { queueLease } from "./hostingQueue.ts";

/** The weekly hosting review of a bot that builds sites: break ground, offer spare, (answers are daily). */
export function reviewHosting(ctx: Ctx): void {
  if (!ctx.profile.buildsSites) return;
  offerSpare(ctx);
  const { state, company } = ctx;
  if (!crunchOn(state) || state.hosting.sites.some((s) => s.owner === company.id && !s.built)) return;
  let best: { region: string; kw: number } | null = null;
  for (const lease of company.leases) if (!best || lease.kw > best.kw) best = lease;
  if (!best) return;
  const kw = Math.min(hostingSpecOf(state).siteMaxKw, Math.max(1000, Math.round(best.kw / 4000) * 1000));
  const r = state.scenario.regions.findIndex((s) => s.id === best.region);
  // Space for the next deliveries: the quick way is the queue (with the profile's bid) when it is full.
  // Only what machines on order, on their way or waiting will fill: more would be a lease nothing
  // fills, given back at the next review (releaseLeases) with its setup paid, week after week.
  const need = Math.min(kw, Math.ceil(pendingKw(ctx, r) - Math.max(0, spareKw(ctx, r))));
  if (need > 0 && freeForNewLease(state, r) < need)
    queueLease(ctx, r, need, leaseAt(ctx, best.region)?.renewable ?? false);
  // A hard bot builds only for machines that wait for room (levels.ts): a site built for none is capital
  // marked below its cost (score.ts), as the 1-2M ones it broke ground on in exodus-2021's last months.
  if (ctx.profile.buildsOnlyForWaiting && need <= 0) return;
  const capex = siteCapexCents(state, kw);
  if (ctx.cash - capex < reserveCents(ctx) + 2 * capex) return;
  add(ctx, { type: "buildSite", region: best.region, kw }, capex);
}

/** kW the company's machines will need in region `r`: waiting there or on their way, and all still on order. */
function pendingKw(ctx: Ctx, r: number): number {
  const l = loadAt(ctx, r);
  return l.stored + l.inbound + orderedKw(ctx);
}

function offerSpare(ctx: Ctx): void {
  const { state, company } = ctx;
  for (const lease of company.leases) {
    const r = state.scenario.regions.findIndex((s) => s.id === lease.region);
    // Own kW that today's commands do not fill (installs, purchases, deliveries on their way). The
    // spare kW first: under 100 the smaller of the two is too, and the own kW are a pass over the lots.
    const spare = Math.floor(spareKw(ctx, r));
    if (spare < 100) continue;
    const kw = Math.min(spareOwnKw(state, company, lease.region, ctx.caches, ctx.lots), spare);
    if (kw < 100) continue;
    let guest: string | null = null;
    let most = 0;
    for (const c of state.companies) {
      if (c.id === company.id || c.bankrupt || c.cashCents <= most) continue;
      guest = c.id;
      most = c.cashCents;
    }
    if (guest === null) continue;
    const price = hostingPriceCents(state, r);
    add(
      ctx,
      {
        type: "offerHosting",
        to: guest,
        region: lease.region,
        kw,
        centsPerKwMonth: price,
        months: 6,
        days: 5,
      },
      0,
    );
  }
}

/** Answers hosting offers: yes when cheaper than the market and machines wait for room there. */
export function respondHostingOffers(ctx: Ctx): void {
  const { state, company } = ctx;
  for (const offer of state.hosting.offers) {
    if (offer.to !== company.id || offer.status !== "open") continue;
    const r = state.scenario.regions.findIndex((s) => s.id === offer.region);
    const waiting = r >= 0 ? loadAt(ctx, r).stored : 0;
    const month = offer.kw * offer.centsPerKwMonth;
    const accept = waiting > 0 && offer.centsPerKwMonth <= hostingPriceCents(state, r) && month <= ctx.cash;
    add(ctx, { type: "respondHosting", offer: offer.id, accept }, accept ? month : 0);
  }
}
