/**
 * The hosting layer's candidate commands for legalCommands (commands/legal.ts filters them through
 * validate): queue or bid for a full region's space, build a site, offer spare own kW to a rival, and
 * answer a hosting offer. Quantities are representative, as legal.ts's own are.
 */
import type { EngineCaches } from "./caches.ts";
import type { Command } from "./commands/schema.ts";
import { lotKw, lotModel } from "./fleet.ts";
import { hostingPriceCents, hostingSpecOf } from "./hosting.ts";
import { spareOwnKw } from "./hostingOffers.ts";
import type { Company, GameState } from "./state.ts";

/** A representative site: a tenth of the largest, 1 MW at least. */
function siteKw(state: GameState): number {
  return Math.max(1000, Math.round(hostingSpecOf(state).siteMaxKw / 10));
}

export function hostingCandidates(state: GameState, company: Company, caches: EngineCaches): Command[] {
  const out: Command[] = [];
  const regions = new Set(company.leases.map((l) => l.region));
  for (const lot of state.lots) {
    if (lot.owner !== company.id || lot.location.kind !== "region") continue;
    const region = lot.location.region;
    regions.add(region);
    const i = state.scenario.regions.findIndex((r) => r.id === region);
    const kw = Math.ceil(lotKw(lotModel(state, lot, caches), lot.quantity));
    const bid = Math.round(hostingPriceCents(state, i) * 1.2);
    out.push({ type: "leaseCapacity", region, kw, queue: true });
    out.push({ type: "leaseCapacity", region, kw, queue: true, bidCentsPerKwMonth: bid });
  }
  if (regions.size === 0)
    for (const r of state.world.regions.filter((x) => x.policy !== "banned").slice(0, 3)) regions.add(r.id);
  for (const region of regions) out.push({ type: "buildSite", region, kw: siteKw(state) });
  for (const lease of company.leases) {
    const kw = spareOwnKw(state, company, lease.region, caches);
    if (kw <= 0) continue;
    const i = state.scenario.regions.findIndex((r) => r.id === lease.region);
    for (const other of state.companies) {
      if (other.id === company.id || other.bankrupt) continue;
      const price = hostingPriceCents(state, i);
      out.push({
        type: "offerHosting",
        to: other.id,
        region: lease.region,
        kw,
        centsPerKwMonth: price,
        months: 6,
        days: 7,
      });
    }
  }
  for (const r of state.hosting.queue)
    if (r.company === company.id) out.push({ type: "leaveQueue", region: r.region });
  for (const offer of state.hosting.offers) {
    if (offer.status !== "open" || offer.to !== company.id) continue;
    out.push(
      { type: "respondHosting", offer: offer.id, accept: true },
      { type: "respondHosting", offer: offer.id, accept: false },
    );
  }
  return out;
}
