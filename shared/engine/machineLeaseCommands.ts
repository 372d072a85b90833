/**
 * The commands of machines as a service (machineLease.ts has the rules): the owner of a lot offers its
 * hashrate to another company for a term and fees (offerMachineLease); the other accepts or declines,
 * and the owner may withdraw an offer not yet answered (answerMachineLease). Validation never mutates.
 */
import { refuse } from "../protocol/refusals/index.ts";
import type { EngineCaches } from "./caches.ts";
import type { Rejection } from "./commands/errors.ts";
import { ownedLot, type Quoter } from "./commands/quote.ts";
import type { CommandOf } from "./commands/schema.ts";
import { post } from "./ledger.ts";
import { lotById } from "./lotFacts.ts";
import {
  leaseOfLot,
  MAX_OPEN_LEASE_OFFERS,
  quoteMachineLease,
  tellLease,
  type MachineLease,
} from "./machineLease.ts";
import { reservedUnits } from "./offers.ts";
import type { Company, GameState } from "./state.ts";

type Offer = CommandOf<"offerMachineLease">;
type Answer = CommandOf<"answerMachineLease">;

export function validateOfferLease(
  state: GameState,
  company: Company,
  cmd: Offer,
  caches: EngineCaches,
): Rejection | null {
  const lot = lotById(state, cmd.lot, caches);
  if (!lot || lot.owner !== company.id) return refuse("UNKNOWN_LOT", { lot: cmd.lot });
  if (cmd.to === company.id) return refuse("OFFER_TO_SELF");
  const lessee = state.companies.find((c) => c.id === cmd.to);
  if (!lessee) return refuse("NO_SUCH_COMPANY", { company: cmd.to });
  if (lessee.bankrupt) return refuse("PARTY_BANKRUPT", { company: lessee.name });
  if (leaseOfLot(state, lot.id)) return refuse("LOT_ALREADY_LEASED", { lot: lot.id });
  if (reservedUnits(state, lot.id) > 0) return refuse("LEASE_LOT_PROMISED", { lot: lot.id });
  const open = state.machineLeases.filter((l) => l.from === company.id && l.status === "open").length;
  if (open >= MAX_OPEN_LEASE_OFFERS) return refuse("LEASE_OFFERS_TOO_MANY", { max: MAX_OPEN_LEASE_OFFERS });
  return null;
}

export function applyOfferLease(state: GameState, company: Company, cmd: Offer, caches: EngineCaches): void {
  const lot = lotById(state, cmd.lot, caches);
  if (!lot) throw new Error("offerMachineLease applied without validation");
  const lease: MachineLease = {
    id: `ml-${state.nextId++}`,
    lot: lot.id,
    units: lot.quantity,
    from: company.id,
    to: cmd.to,
    termDays: cmd.termDays,
    upfrontCents: cmd.upfrontCents,
    dailyCents: cmd.dailyCents,
    madeDay: state.day,
    expiresDay: state.day + cmd.days - 1,
    status: "open",
    startDay: -1,
    endDay: -1,
    paidCents: 0,
    deliveredDays: 0,
    endedBy: null,
  };
  state.machineLeases.push(lease);
  tellLease(
    state,
    lease,
    "machineLeaseOffered",
    `${company.name} offers the hashrate of lot ${lot.id} (${lot.quantity} machines) for ${cmd.termDays} days (lease ${lease.id}).`,
    `${company.name} 出租批次 ${lot.id}（${lot.quantity} 台矿机）的算力，租期 ${cmd.termDays} 天（租赁 ${lease.id}）。`,
  );
}

export function validateAnswerLease(
  state: GameState,
  company: Company,
  cmd: Answer,
  caches: EngineCaches,
): Rejection | null {
  const lease = state.machineLeases.find((l) => l.id === cmd.lease);
  if (!lease) return refuse("UNKNOWN_LEASE", { lease: cmd.lease });
  const mine = lease.to === company.id;
  // The owner may only withdraw; only the company it is made to may accept or decline.
  if (!mine && !(lease.from === company.id && !cmd.accept))
    return refuse("NOT_YOUR_LEASE", { lease: lease.id });
  if (lease.status !== "open" || state.day > lease.expiresDay)
    return refuse("LEASE_CLOSED", { lease: lease.id });
  if (!cmd.accept) return null;
  const lot = lotById(state, lease.lot, caches);
  if (!lot || lot.owner !== lease.from || lot.quantity < lease.units)
    return refuse("LEASE_LOT_GONE", { lease: lease.id });
  const owner = state.companies.find((c) => c.id === lease.from);
  if (!owner || owner.bankrupt) return refuse("PARTY_BANKRUPT", { company: owner?.name ?? lease.from });
  if (company.cashCents < lease.upfrontCents) {
    return refuse("LEASE_UNAFFORDABLE", { lease: lease.id, cents: lease.upfrontCents });
  }
  return null;
}

export function applyAnswerLease(
  state: GameState,
  company: Company,
  cmd: Answer,
  _caches: EngineCaches,
): void {
  const lease = state.machineLeases.find((l) => l.id === cmd.lease);
  if (!lease) throw new Error("answerMachineLease applied without validation");
  if (!cmd.accept) {
    lease.status = lease.to === company.id ? "declined" : "withdrawn";
    const verb =
      lease.status === "declined" ? { en: "declined", zh: "被拒绝" } : { en: "withdrawn", zh: "被撤回" };
    tellLease(
      state,
      lease,
      "machineLeaseAnswered",
      `Lease offer ${lease.id} was ${verb.en}.`,
      `租赁报价 ${lease.id} 已${verb.zh}。`,
    );
    return;
  }
  const owner = state.companies.find((c) => c.id === lease.from) as Company;
  post(company, state.day, "machineLease", -lease.upfrontCents, 0, lease.id);
  post(owner, state.day, "machineLease", lease.upfrontCents, 0, lease.id);
  lease.paidCents = lease.upfrontCents;
  lease.status = "active";
  lease.startDay = state.day;
  lease.endDay = state.day + lease.termDays;
  tellLease(
    state,
    lease,
    "machineLeaseStarted",
    `${company.name} leases the hashrate of lot ${lease.lot} for ${lease.termDays} days (lease ${lease.id}): the BTC is theirs, the power the owner's.`,
    `${company.name} 租用批次 ${lease.lot} 的算力 ${lease.termDays} 天（租赁 ${lease.id}）：比特币归承租方，电费由机主承担。`,
  );
}

/** The quote of a lease offer: both sides at today's hashprice and power price (the owner's own lot only). */
export const previewMachineLease: Quoter<"offerMachineLease"> = (q, cmd) => {
  const lot = ownedLot(q, cmd.lot);
  if (!lot) return undefined;
  return { kind: "machineLease", ...quoteMachineLease(q.state, lot, cmd, q.caches) };
};
