/**
 * Machines as a service (issue #13 §3, from the seeds): a company leases the hashrate of one of its lots
 * to another for a term and a fee, through an offer the other answers. The rules, in one place:
 * - The owner (lessor) keeps the machines: they stay its lot, in its racks, counted in its equity and its
 *   fleet; it operates them and pays their power and hosting. The lessee gets the BTC: each day the lot
 *   hashes, its running TH/s are paid out to the lessee (pool or solo, as the lessee's payout is set).
 * - Fees: an upfront fee when the lessee accepts, and a daily fee for each day the lot delivers hashrate
 *   (installed, powered, in a region that is neither banned nor switched off). Both are cash, lessee to
 *   owner, so the score counts them where they end up.
 * - A ban: the lot cannot run in a banned region, so the lessee gets nothing and owes no daily fee; the
 *   term runs on. If the owner keeps it powered and it is seized, or sells or gives the lot away, the
 *   lease ends at once (no refund of the upfront fee: the lessee carried that risk).
 * - A default: a lessee that cannot pay a day's fee has defaulted; the lease ends and the machines'
 *   hashrate goes back to the owner the same day.
 * - The term: the lease runs from the day it is accepted for `termDays` days, then the hashrate returns.
 * One call in step.ts (advanceMachineLeases), after the fleets run and before blocks are mined.
 */
import { energyCostCents, roundHalfAway } from "../math/money.ts";
import type { EngineCaches } from "./caches.ts";
import type { CompanyDay } from "./companies.ts";
import { lotKw, lotModel, lotThs } from "./fleet.ts";
import { post } from "./ledger.ts";
import { lotById } from "./lotFacts.ts";
import { powerPriceToday, regionIndex, uptimeToday } from "./regions.ts";
import type { Company, GameState, Lot } from "./state.ts";

export type MachineLeaseStatus = "open" | "active" | "declined" | "withdrawn" | "expired" | "ended";

/** Why a running lease ended. */
export type MachineLeaseEnd = "term" | "default" | "lotGone" | "bankrupt";

export interface MachineLease {
  id: string;
  /** The lot whose hashrate is leased (the whole lot). */
  lot: string;
  /** Machines in the lot when offered: the lease ends if the lot shrinks below them. */
  units: number;
  /** The owner (lessor): operates the machines and pays their power. */
  from: string;
  /** The lessee: gets the machines' BTC, pays the fees. */
  to: string;
  termDays: number;
  upfrontCents: number;
  dailyCents: number;
  madeDay: number;
  /** Last day the offer can be accepted. */
  expiresDay: number;
  status: MachineLeaseStatus;
  /** Day the lease started (accepted), or -1. */
  startDay: number;
  /** First day after the term, or -1. */
  endDay: number;
  /** Fees the lessee has paid so far, cents. */
  paidCents: number;
  /** Days the lot delivered hashrate to the lessee. */
  deliveredDays: number;
  endedBy: MachineLeaseEnd | null;
}

/** Most lease offers a company may have open at once (bounds the state; the schema caps a term at 365 days). */
export const MAX_OPEN_LEASE_OFFERS = 12;

/** The lease (open or running) that holds a lot, if any: a lot is leased to one company at a time. */
export function leaseOfLot(state: GameState, lotId: string): MachineLease | undefined {
  return state.machineLeases.find((l) => l.lot === lotId && (l.status === "open" || l.status === "active"));
}

/** Running TH/s a lot delivers today (0 when it does not hash: stored, off, banned, switched off). */
export function lotRunningThs(state: GameState, lot: Lot, caches: EngineCaches): number {
  if (lot.status !== "installed" || !lot.powered || lot.location.kind !== "region") return 0;
  const r = regionIndex(state, lot.location.region, caches);
  const region = state.world.regions[r];
  if (!region || region.policy === "banned" || region.offlineUntil > state.day) return 0;
  return lotThs(lotModel(state, lot, caches), lot.quantity) * uptimeToday(state, r, caches);
}

function companyOf(state: GameState, id: string): Company | undefined {
  return state.companies.find((c) => c.id === id);
}

/** Tells both parties about a lease. */
export function tellLease(state: GameState, lease: MachineLease, kind: string, en: string, zh: string): void {
  const lot = state.lots.find((l) => l.id === lease.lot);
  const targets = lot?.location.kind === "region" ? [lot.location.region] : [];
  for (const company of [lease.from, lease.to]) {
    state.notices.push({ day: state.day, company, kind, text: { en, zh }, targets });
  }
}

function end(state: GameState, lease: MachineLease, why: MachineLeaseEnd): void {
  lease.status = "ended";
  lease.endedBy = why;
  const text = END_TEXT[why];
  tellLease(
    state,
    lease,
    "machineLeaseEnded",
    `Machine lease ${lease.id} (lot ${lease.lot}) has ended: ${text.en}`,
    `矿机租赁 ${lease.id}（批次 ${lease.lot}）已结束：${text.zh}`,
  );
}

const END_TEXT: Record<MachineLeaseEnd, { en: string; zh: string }> = {
  term: { en: "its term is over; the hashrate returns to the owner.", zh: "租期已满，算力归还机主。" },
  default: {
    en: "the lessee could not pay the day's fee (default); the machines return to the owner.",
    zh: "承租方无力支付当日租金（违约），矿机归还机主。",
  },
  lotGone: {
    en: "the machines are no longer the owner's (seized, sold or given away).",
    zh: "矿机已不属于机主（被没收、售出或转让）。",
  },
  bankrupt: { en: "a party is bankrupt.", zh: "一方已破产。" },
};

/** Why a running lease must end before today's hashrate is routed, or null. */
function endReason(state: GameState, lease: MachineLease, caches: EngineCaches): MachineLeaseEnd | null {
  if (state.day >= lease.endDay) return "term";
  const lot = lotById(state, lease.lot, caches);
  if (!lot || lot.owner !== lease.from || lot.quantity < lease.units) return "lotGone";
  if (companyOf(state, lease.from)?.bankrupt || companyOf(state, lease.to)?.bankrupt) return "bankrupt";
  return null;
}

/**
 * The day's pass over machine leases, after the fleets have run (`fleets`: each company's running TH/s)
 * and before blocks are mined: offers past their last day expire; running leases end (term, default, a
 * lot gone, a party bankrupt) or hand the lot's hashrate today to the lessee for the daily fee.
 */
export function advanceMachineLeases(state: GameState, fleets: CompanyDay[], caches: EngineCaches): void {
  if (state.machineLeases.length === 0) return;
  for (const lease of state.machineLeases) {
    if (lease.status === "open" && state.day > lease.expiresDay) {
      lease.status = "expired";
      tellLease(
        state,
        lease,
        "machineLeaseExpired",
        `Lease offer ${lease.id} expired unanswered.`,
        `租赁报价 ${lease.id} 已过期，未获答复。`,
      );
    }
    if (lease.status !== "active") continue;
    const why = endReason(state, lease, caches);
    if (why) end(state, lease, why);
    else deliver(state, lease, fleets, caches);
  }
  // Closed leases are history: keep a month of it.
  state.machineLeases = state.machineLeases.filter(
    (l) => l.status === "open" || l.status === "active" || Math.max(l.madeDay, l.endDay) >= state.day - 30,
  );
}

/** Moves the lot's running TH/s today from the owner to the lessee, who pays the daily fee for it. */
function deliver(state: GameState, lease: MachineLease, fleets: CompanyDay[], caches: EngineCaches): void {
  const lot = lotById(state, lease.lot, caches) as Lot;
  const ths = lotRunningThs(state, lot, caches);
  if (!(ths > 0)) return; // no hashrate delivered (a ban, switched off, not installed): no fee due
  const owner = state.companies.findIndex((c) => c.id === lease.from);
  const lessee = state.companies.findIndex((c) => c.id === lease.to);
  const payer = state.companies[lessee] as Company;
  if (payer.cashCents < lease.dailyCents) {
    end(state, lease, "default");
    return;
  }
  post(payer, state.day, "machineLease", -lease.dailyCents, 0, lease.id);
  post(state.companies[owner] as Company, state.day, "machineLease", lease.dailyCents, 0, lease.id);
  lease.paidCents += lease.dailyCents;
  lease.deliveredDays++;
  const from = fleets[owner];
  const to = fleets[lessee];
  if (!from || !to) return;
  const moved = Math.min(ths, from.ths);
  from.ths -= moved;
  to.ths += moved;
}

/** What a lease of a lot would bring each side today, at today's hashprice and power price. */
export interface MachineLeaseQuote {
  /** The lot's nameplate TH/s. */
  ths: number;
  /** The BTC the lessee would get a day at today's hashprice, after the pool's fee, in cents. */
  valuePerDayCents: number;
  /** The owner's power bill for the lot a day where it stands (0 if not in a region), cents. */
  powerPerDayCents: number;
  /** Over the whole term at today's figures: lessee's BTC value less all fees, cents. */
  lesseeNetCents: number;
  /** Over the whole term: all fees less the owner's power, cents. */
  ownerNetCents: number;
}

export function quoteMachineLease(
  state: GameState,
  lot: Lot,
  terms: { termDays: number; upfrontCents: number; dailyCents: number },
  caches: EngineCaches,
): MachineLeaseQuote {
  const model = lotModel(state, lot, caches);
  const ths = lotThs(model, lot.quantity);
  const keep = 1 - state.scenario.poolFeeBps / 10_000;
  const valuePerDayCents = Math.floor((state.market.hashpriceMicroUsd * ths * keep) / 10_000);
  let powerPerDayCents = 0;
  if (lot.location.kind === "region") {
    const r = regionIndex(state, lot.location.region, caches);
    if (r >= 0)
      powerPerDayCents = energyCostCents(lotKw(model, lot.quantity) * 24, powerPriceToday(state, r, caches));
  }
  const fees = terms.upfrontCents + terms.dailyCents * terms.termDays;
  return {
    ths,
    valuePerDayCents,
    powerPerDayCents,
    lesseeNetCents: valuePerDayCents * terms.termDays - fees,
    ownerNetCents: fees - powerPerDayCents * terms.termDays,
  };
}

/** Fair terms a bot (or the client, as a suggestion) proposes: a daily fee at a share of today's value. */
export function suggestedDailyCents(quote: MachineLeaseQuote, shareBps: number): number {
  return Math.max(0, roundHalfAway((quote.valuePerDayCents * shareBps) / 10_000));
}

/**
 * Candidate machine-lease commands for legalCommands: for each lot of the company not already leased,
 * a 30-day lease to each other company at 90% of today's value a day; an answer to each open lease
 * offer made to it, and the withdrawal of each of its own.
 */
export function machineLeaseCandidates(state: GameState, companyId: string, caches: EngineCaches) {
  const out: (
    | {
        type: "offerMachineLease";
        lot: string;
        to: string;
        termDays: number;
        upfrontCents: number;
        dailyCents: number;
        days: number;
      }
    | { type: "answerMachineLease"; lease: string; accept: boolean }
  )[] = [];
  for (const lot of state.lots) {
    if (lot.owner !== companyId || lot.status === "onOrder" || leaseOfLot(state, lot.id)) continue;
    const terms = { termDays: 30, upfrontCents: 0, dailyCents: 0 };
    terms.dailyCents = suggestedDailyCents(quoteMachineLease(state, lot, terms, caches), 9_000);
    for (const other of state.companies) {
      if (other.id === companyId || other.bankrupt) continue;
      out.push({ type: "offerMachineLease", lot: lot.id, to: other.id, ...terms, days: 5 });
    }
  }
  for (const lease of state.machineLeases) {
    if (lease.status !== "open") continue;
    if (lease.to === companyId) out.push({ type: "answerMachineLease", lease: lease.id, accept: true });
    if (lease.to === companyId || lease.from === companyId)
      out.push({ type: "answerMachineLease", lease: lease.id, accept: false });
  }
  return out;
}
