/**
 * Hosting offers and contracts between companies (issue #13 §3): a site owner offers spare kW of its
 * own sites to another company for a term (months of 30 days) at a price per kW-month. Accepted, the kW
 * move from the host's lease to the guest's (as contract kW) and the guest pays the host every day.
 * What ends a contract, spelled out:
 * - the term is over: the kW go back to the host;
 * - a ban in the region (force majeure): the contract ends at once, nobody owes anything more;
 * - the guest defaults (goes bankrupt): its leases went back to the region, the host takes its kW back;
 * - the host goes bankrupt: its sites go to the region, and the guest keeps the space as an ordinary
 *   lease at the region's price of the day (the site's new operator honours the space, not the price).
 * When kW go back to the host, the guest's machines that no longer fit its lease come out of the racks
 * (switched off, stored where they stand), newest first.
 */
import { formatIsoDate } from "../math/calendar.ts";
import { roundHalfAway, usd } from "../math/money.ts";
import { refuse } from "../protocol/refusals/index.ts";
import type { RegionSpec } from "../scenario/types.ts";
import type { EngineCaches } from "./caches.ts";
import type { Rejection } from "./commands/errors.ts";
import type { Quoter } from "./commands/quote.ts";
import type { CommandOf } from "./commands/schema.ts";
import { lotKw, lotModel, usedLeaseKw } from "./fleet.ts";
import { addLeaseKw, hostingPriceCents, tellHosting } from "./hosting.ts";
import { hostingFeeOn, hostingFeeToday } from "./hostingFee.ts";
import type { HostingContract, HostingOffer } from "./hostingState.ts";
import { post } from "./ledger.ts";
import { regionIndex } from "./regions.ts";
import type { Company, GameState, Lot, RegionState } from "./state.ts";

export const DAYS_PER_MONTH = 30;

/**
 * The company's own kW in a region that no machine of its own uses and no open offer promises. `lots`
 * as for usedLeaseKw (speed only).
 */
export function spareOwnKw(
  state: GameState,
  company: Company,
  region: string,
  caches: EngineCaches,
  lots: readonly Lot[] = state.lots,
): number {
  const lease = company.leases.find((l) => l.region === region);
  if (!lease) return 0;
  let promised = 0;
  for (const o of state.hosting.offers)
    if (o.status === "open" && o.from === company.id && o.region === region) promised += o.kw;
  const unused = lease.kw - usedLeaseKw(state, company.id, region, caches, lots);
  return Math.max(0, Math.floor(Math.min(lease.ownKw ?? 0, unused) - promised));
}

export function validateOfferHosting(
  state: GameState,
  company: Company,
  cmd: CommandOf<"offerHosting">,
  caches: EngineCaches,
): Rejection | null {
  const i = regionIndex(state, cmd.region, caches);
  const spec = state.scenario.regions[i];
  if (!spec) return refuse("UNKNOWN_REGION", { region: cmd.region });
  if (cmd.to === company.id) return refuse("OFFER_TO_SELF");
  const guest = state.companies.find((c) => c.id === cmd.to);
  if (!guest) return refuse("OFFER_TO_NOBODY", { company: cmd.to });
  if (guest.bankrupt) return refuse("OFFER_TO_BANKRUPT", { company: guest.name });
  if ((state.world.regions[i] as RegionState).policy === "banned")
    return refuse("REGION_BANNED", { region: spec.name });
  const spare = spareOwnKw(state, company, cmd.region, caches);
  if (cmd.kw > spare)
    return refuse("HOSTING_NO_SPARE", { region: spec.name, spareKw: spare, askedKw: cmd.kw });
  return null;
}

export function applyOfferHosting(state: GameState, company: Company, cmd: CommandOf<"offerHosting">): void {
  const offer: HostingOffer = {
    id: `hosting-${state.nextId++}`,
    from: company.id,
    to: cmd.to,
    region: cmd.region,
    kw: cmd.kw,
    centsPerKwMonth: cmd.centsPerKwMonth,
    months: cmd.months,
    madeDay: state.day,
    expiresDay: state.day + cmd.days,
    status: "open",
  };
  state.hosting.offers.push(offer);
  const until = formatIsoDate(offer.expiresDay);
  const price = usd(cmd.centsPerKwMonth);
  tellHosting(
    state,
    cmd.to,
    "hostingOffered",
    cmd.region,
    `${company.name} offers to host ${cmd.kw} kW for you for ${cmd.months} months at ${price} per kW-month (offer ${offer.id}, open until ${until}).`,
    `${company.name} 提出为你托管 ${cmd.kw} 千瓦，为期 ${cmd.months} 个月，每千瓦每月 ${price}（报价 ${offer.id}，有效至 ${until}）。`,
  );
}

function findOffer(state: GameState, id: string, company: Company): HostingOffer | Rejection {
  const offer = state.hosting.offers.find((o) => o.id === id);
  if (!offer || (offer.from !== company.id && offer.to !== company.id))
    return refuse("UNKNOWN_OFFER", { offer: id });
  return offer;
}

/** A month of the contract, cents. */
export function monthCents(offer: Pick<HostingOffer, "kw" | "centsPerKwMonth">): number {
  return roundHalfAway(offer.kw * offer.centsPerKwMonth);
}

export function validateRespondHosting(
  state: GameState,
  company: Company,
  cmd: CommandOf<"respondHosting">,
  caches: EngineCaches,
): Rejection | null {
  const offer = findOffer(state, cmd.offer, company);
  if ("code" in offer) return offer;
  const host = state.companies.find((c) => c.id === offer.from) as Company;
  if (offer.to !== company.id) return refuse("NOT_YOURS_TO_ANSWER", { offer: offer.id, to: offer.to });
  if (offer.status !== "open" || state.day > offer.expiresDay)
    return refuse("OFFER_CLOSED", { offer: offer.id, status: offer.status });
  if (!cmd.accept) return null;
  if (host.bankrupt) return refuse("PARTY_BANKRUPT", { company: host.name });
  const i = regionIndex(state, offer.region, caches);
  const spec = state.scenario.regions[i] as RegionSpec;
  if ((state.world.regions[i] as RegionState).policy === "banned")
    return refuse("REGION_BANNED", { region: spec.name });
  // The offer's own kW are promised: what is spare besides them must still cover it.
  const spare = spareOwnKw(state, host, offer.region, caches) + offer.kw;
  const free = Math.min(spare, Math.floor(ownUnusedKw(state, host, offer.region, caches)));
  if (offer.kw > free)
    return refuse("HOSTING_NO_SPARE", { region: spec.name, spareKw: free, askedKw: offer.kw });
  const hostLease = host.leases.find((l) => l.region === offer.region);
  const mine = company.leases.find((l) => l.region === offer.region);
  if (mine && hostLease && mine.renewable !== hostLease.renewable)
    return refuse("LEASE_POWER_DIFFERS", { region: spec.name, renewable: mine.renewable });
  if (monthCents(offer) > company.cashCents) return refuse("HOSTING_UNPAID", { cents: monthCents(offer) });
  return null;
}

function ownUnusedKw(state: GameState, host: Company, region: string, caches: EngineCaches): number {
  const lease = host.leases.find((l) => l.region === region);
  if (!lease) return 0;
  return Math.min(lease.ownKw ?? 0, lease.kw - usedLeaseKw(state, host.id, region, caches));
}

export function applyRespondHosting(
  state: GameState,
  company: Company,
  cmd: CommandOf<"respondHosting">,
  caches: EngineCaches,
): void {
  const offer = findOffer(state, cmd.offer, company);
  if ("code" in offer) throw new Error("respondHosting applied without validation");
  const host = state.companies.find((c) => c.id === offer.from) as Company;
  if (!cmd.accept) {
    offer.status = "declined";
    tellHosting(
      state,
      host.id,
      "hostingDeclined",
      offer.region,
      `${company.name} declined hosting offer ${offer.id}.`,
      `${company.name} 拒绝了托管报价 ${offer.id}。`,
    );
    return;
  }
  offer.status = "accepted";
  const spec = state.scenario.regions[regionIndex(state, offer.region, caches)] as RegionSpec;
  const hostLease = host.leases.find((l) => l.region === offer.region);
  const renewable = hostLease?.renewable ?? false;
  moveOwnKw(host, offer.region, -offer.kw);
  const lease = addLeaseKw(company, offer.region, renewable, 0, 0, hostingFeeOn(spec, state.day));
  lease.kw += offer.kw;
  lease.contractKw = (lease.contractKw ?? 0) + offer.kw;
  const contract: HostingContract = {
    id: offer.id,
    host: host.id,
    guest: company.id,
    region: offer.region,
    kw: offer.kw,
    centsPerKwMonth: offer.centsPerKwMonth,
    startDay: state.day,
    endDay: state.day + offer.months * DAYS_PER_MONTH,
  };
  state.hosting.contracts.push(contract);
  const until = formatIsoDate(contract.endDay);
  tellHosting(
    state,
    host.id,
    "hostingAccepted",
    offer.region,
    `${company.name} accepted hosting offer ${offer.id}: ${offer.kw} kW until ${until}.`,
    `${company.name} 接受了托管报价 ${offer.id}：${offer.kw} 千瓦，至 ${until}。`,
  );
}

/** Adds (or with a negative `kw`, takes) own kW to the host's lease in a region. */
function moveOwnKw(host: Company, region: string, kw: number): void {
  let lease = host.leases.find((l) => l.region === region);
  if (!lease) {
    lease = { region, kw: 0, renewable: false };
    host.leases.push(lease);
  }
  lease.kw += kw;
  lease.ownKw = (lease.ownKw ?? 0) + kw;
  if (lease.kw <= 0) host.leases = host.leases.filter((l) => l !== lease);
}

/** The hosting offer's quote: what the month and the term bring, and the market's price to compare. */
export const previewOfferHosting: Quoter<"offerHosting"> = ({ state, companyId, caches }, cmd) => {
  const i = regionIndex(state, cmd.region, caches);
  const company = state.companies.find((c) => c.id === companyId);
  if (i < 0 || !company) return undefined;
  const month = monthCents(cmd);
  return {
    kind: "hostingOffer",
    region: cmd.region,
    kw: cmd.kw,
    spareKw: spareOwnKw(state, company, cmd.region, caches),
    monthCents: month,
    totalCents: month * cmd.months,
    marketCentsPerKwMonth: hostingPriceCents(state, i),
  };
};

/** The day's pass: offers expire, contracts end or convert, and the rest are paid for the day. */
export function advanceHostingContracts(state: GameState, caches: EngineCaches): void {
  for (const offer of state.hosting.offers)
    if (offer.status === "open" && state.day > offer.expiresDay) offer.status = "expired";
  state.hosting.offers = state.hosting.offers.filter(
    (o) => o.status === "open" || o.madeDay >= state.day - DAYS_PER_MONTH,
  );
  state.hosting.contracts = state.hosting.contracts.filter((c) => {
    const ended = endingOf(state, c);
    if (ended) {
      endContract(state, c, ended, caches);
      return false;
    }
    payDay(state, c);
    return true;
  });
}

type Ending = "term" | "banned" | "guestBankrupt" | "hostBankrupt";

function endingOf(state: GameState, c: HostingContract): Ending | null {
  const guest = state.companies.find((x) => x.id === c.guest);
  const host = state.companies.find((x) => x.id === c.host);
  if (!host || host.bankrupt) return "hostBankrupt";
  if (!guest || guest.bankrupt) return "guestBankrupt";
  if (state.world.regions.find((r) => r.id === c.region)?.policy === "banned") return "banned";
  if (state.day >= c.endDay) return "term";
  return null;
}

function payDay(state: GameState, c: HostingContract): void {
  const cents = roundHalfAway((c.kw * c.centsPerKwMonth) / DAYS_PER_MONTH);
  post(
    state.companies.find((x) => x.id === c.guest) as Company,
    state.day,
    "hostingContract",
    -cents,
    0,
    c.id,
  );
  post(state.companies.find((x) => x.id === c.host) as Company, state.day, "hostingContract", cents, 0, c.id);
}

const ENDINGS: Record<Ending, { en: string; zh: string }> = {
  term: { en: "its term is over", zh: "合同期满" },
  banned: { en: "mining is banned in the region (force majeure)", zh: "该地区禁止挖矿（不可抗力）" },
  guestBankrupt: { en: "the guest defaulted", zh: "托管方违约破产" },
  hostBankrupt: {
    en: "the host went bankrupt; the space stays at the region's price",
    zh: "场地方破产；空间按地区价格保留",
  },
};

function endContract(state: GameState, c: HostingContract, why: Ending, caches: EngineCaches): void {
  const index = regionIndex(state, c.region, caches);
  const region = state.world.regions[index] as RegionState;
  const guest = state.companies.find((x) => x.id === c.guest) as Company;
  const host = state.companies.find((x) => x.id === c.host) as Company;
  const lease = guest.leases.find((l) => l.region === c.region);
  if (why === "hostBankrupt") {
    // The space becomes an ordinary lease of the guest's, at today's price (the host's leases were returned).
    if (lease) {
      const price = hostingPriceCents(state, index);
      const base = hostingFeeToday(state, index);
      lease.contractKw = Math.max(0, (lease.contractKw ?? 0) - c.kw);
      lease.kw -= c.kw;
      addLeaseKw(guest, c.region, lease.renewable, c.kw, price, base);
    }
  } else {
    if (why === "guestBankrupt")
      region.leasedKw += c.kw; // the guest's leases went back: take the kW again
    else if (lease) takeBack(state, guest, lease, c.kw, caches);
    moveOwnKw(host, c.region, c.kw);
  }
  for (const party of [host.id, guest.id])
    tellHosting(
      state,
      party,
      "hostingEnded",
      c.region,
      `Hosting contract ${c.id} (${c.kw} kW) ends: ${ENDINGS[why].en}.`,
      `托管合同 ${c.id}（${c.kw} 千瓦）终止：${ENDINGS[why].zh}。`,
    );
}

/** The guest's lease gives the kW back; machines that no longer fit come out of the racks, newest first. */
function takeBack(
  state: GameState,
  guest: Company,
  lease: Company["leases"][number],
  kw: number,
  caches: EngineCaches,
): void {
  lease.kw -= kw;
  lease.contractKw = Math.max(0, (lease.contractKw ?? 0) - kw);
  const installed = state.lots.filter(
    (l) =>
      l.owner === guest.id &&
      l.status === "installed" &&
      l.location.kind === "region" &&
      l.location.region === lease.region,
  );
  let used = usedLeaseKw(state, guest.id, lease.region, caches);
  for (let k = installed.length - 1; k >= 0 && used > lease.kw + 1e-9; k--) {
    const lot = installed[k] as (typeof installed)[number];
    lot.status = "stored";
    lot.powered = false;
    used -= lotKw(lotModel(state, lot, caches), lot.quantity);
  }
  if (lease.kw <= 0) guest.leases = guest.leases.filter((l) => l !== lease);
}
