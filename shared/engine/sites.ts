/**
 * Own sites (issue #13 §3): a company pays the capital of a site now and owns its kW when the months of
 * construction are over (the seed's data centres racing to add space). A built site adds its kW to the
 * region's capacity and to the owner's lease there as own kW: no hosting fee, its upkeep instead, power
 * at the region's price. A moratorium holds the connection until it ends; a ban leaves the site standing
 * idle (upkeep goes on); a bankrupt owner's unfinished site is abandoned, a finished one goes back to the
 * region as ordinary capacity (companies.ts returns its leases).
 */
import { formatIsoDate } from "../math/calendar.ts";
import { roundHalfAway } from "../math/money.ts";
import { refuse } from "../protocol/refusals/index.ts";
import type { RegionSpec } from "../scenario/types.ts";
import type { EngineCaches } from "./caches.ts";
import type { Rejection } from "./commands/errors.ts";
import type { Quoter } from "./commands/quote.ts";
import type { CommandOf } from "./commands/schema.ts";
import { addLeaseKw, hostingPriceCents, hostingSpecOf, tellHosting } from "./hosting.ts";
import { hostingFeeOn } from "./hostingFee.ts";
import type { Site } from "./hostingState.ts";
import { post } from "./ledger.ts";
import { regionIndex } from "./regions.ts";
import type { Company, GameState, RegionState } from "./state.ts";

/** What building `kw` costs now, cents. */
export function siteCapexCents(state: GameState, kw: number): number {
  return roundHalfAway(kw * hostingSpecOf(state).siteCapexCentsPerKw);
}

export function validateBuildSite(
  state: GameState,
  company: Company,
  cmd: CommandOf<"buildSite">,
  caches: EngineCaches,
): Rejection | null {
  const i = regionIndex(state, cmd.region, caches);
  const spec = state.scenario.regions[i];
  if (!spec) return refuse("UNKNOWN_REGION", { region: cmd.region });
  if ((state.world.regions[i] as RegionState).policy === "banned")
    return refuse("REGION_BANNED", { region: spec.name });
  const maxKw = hostingSpecOf(state).siteMaxKw;
  if (cmd.kw > maxKw) return refuse("SITE_TOO_BIG", { region: spec.name, maxKw });
  const cents = siteCapexCents(state, cmd.kw);
  if (cents > company.cashCents) return refuse("SITE_UNAFFORDABLE", { cents });
  return null;
}

export function applyBuildSite(
  state: GameState,
  company: Company,
  cmd: CommandOf<"buildSite">,
  caches: EngineCaches,
): void {
  if (regionIndex(state, cmd.region, caches) < 0) throw new Error("buildSite applied without validation");
  const site: Site = {
    id: `site-${state.nextId++}`,
    owner: company.id,
    region: cmd.region,
    kw: cmd.kw,
    startDay: state.day,
    readyDay: state.day + hostingSpecOf(state).siteBuildDays,
    built: false,
  };
  post(company, state.day, "siteBuild", -siteCapexCents(state, cmd.kw), 0, site.id);
  state.hosting.sites.push(site);
}

/** The site's quote: capital, months of building, upkeep, and the hosting it saves at today's price. */
export const previewBuildSite: Quoter<"buildSite"> = ({ state, caches }, cmd) => {
  const i = regionIndex(state, cmd.region, caches);
  if (i < 0) return undefined;
  const h = hostingSpecOf(state);
  return {
    kind: "site",
    region: cmd.region,
    kw: cmd.kw,
    capexCents: siteCapexCents(state, cmd.kw),
    buildDays: h.siteBuildDays,
    readyDate: formatIsoDate(state.day + h.siteBuildDays),
    upkeepCentsPerMonth: roundHalfAway(cmd.kw * h.siteUpkeepCentsPerKwMonth),
    hostingSavedCentsPerMonth: roundHalfAway(cmd.kw * hostingPriceCents(state, i)),
    maxKw: h.siteMaxKw,
  };
};

/** The day's pass over sites: finished ones connect, built ones cost their upkeep. */
export function advanceSites(state: GameState): void {
  const upkeep = hostingSpecOf(state).siteUpkeepCentsPerKwMonth;
  state.hosting.sites = state.hosting.sites.filter((site) => {
    const owner = state.companies.find((c) => c.id === site.owner);
    if (!owner || owner.bankrupt) return false;
    if (!site.built) finish(state, owner, site);
    else post(owner, state.day, "siteUpkeep", -roundHalfAway((site.kw * upkeep) / 30), 0, site.id);
    return true;
  });
}

function finish(state: GameState, owner: Company, site: Site): void {
  const index = state.scenario.regions.findIndex((s) => s.id === site.region);
  const region = state.world.regions[index] as RegionState;
  const spec = state.scenario.regions[index] as RegionSpec;
  // No new load connects under a moratorium: the site waits for it to end.
  if (site.readyDay > state.day || region.moratoriumUntil > state.day) return;
  site.built = true;
  region.capacityKw += site.kw;
  region.leasedKw += site.kw;
  const lease = owner.leases.find((l) => l.region === site.region);
  const renewable = lease?.renewable ?? false;
  const own = addLeaseKw(owner, site.region, renewable, 0, 0, hostingFeeOn(spec, state.day));
  own.kw += site.kw;
  own.ownKw = (own.ownKw ?? 0) + site.kw;
  tellHosting(
    state,
    owner.id,
    "siteBuilt",
    site.region,
    `Your ${site.kw} kW site in ${spec.name.en} is finished: its space is yours, with no hosting fee.`,
    `你在${spec.name.zh}的 ${site.kw} 千瓦自建矿场已建成：空间归你所有，无需托管费。`,
  );
}
