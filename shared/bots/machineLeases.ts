/**
 * Machines as a service for the bots (shared/engine/machineLease.ts): the trader offers the hashrate of
 * a running lot it holds for a month at a fee a little under what it earns today (cash now, whatever the
 * hashprice does); every bot takes lease offers made to it whose fees are well under the BTC they bring,
 * and declines the others so that the owner is not left waiting.
 */
import {
  leaseOfLot,
  quoteMachineLease,
  suggestedDailyCents,
  type MachineLease,
} from "../engine/machineLease.ts";
import { add, spendable, type Ctx } from "./common.ts";

/** The trader's asking fee, a share of today's value a day, and the most it pays as a lessee. */
const ASK_SHARE_BPS = 8_800;
const TAKE_SHARE_BPS = 9_200;
const TERM_DAYS = 30;
/** A lease must bring the owner at least this multiple of the lot's power bill. */
const POWER_COVER = 1.2;

/** Whether an open lease offer made to this company is worth taking. */
function worthTaking(ctx: Ctx, lease: MachineLease): boolean {
  const lot = ctx.state.lots.find((l) => l.id === lease.lot);
  if (!lot || lot.status !== "installed" || !lot.powered) return false;
  const q = quoteMachineLease(ctx.state, lot, lease, ctx.caches);
  const fees = lease.upfrontCents + lease.dailyCents * lease.termDays;
  return (
    fees <= (q.valuePerDayCents * lease.termDays * TAKE_SHARE_BPS) / 10_000 &&
    lease.upfrontCents <= spendable(ctx)
  );
}

/** Answers every open lease offer made to the company: yes when good, no otherwise. */
export function answerMachineLeases(ctx: Ctx): void {
  for (const lease of ctx.state.machineLeases) {
    if (lease.to !== ctx.company.id || lease.status !== "open") continue;
    const accept = worthTaking(ctx, lease);
    add(ctx, { type: "answerMachineLease", lease: lease.id, accept }, accept ? lease.upfrontCents : 0);
  }
}

/** Offers one running lot's hashrate for a month to the company with the most cash, if none is open. */
export function offerMachineLeases(ctx: Ctx): void {
  const { state, company } = ctx;
  if (state.machineLeases.some((l) => l.from === company.id && l.status === "open")) return;
  const lessee = state.companies
    .filter((c) => c.id !== company.id && !c.bankrupt)
    .sort((a, b) => b.cashCents - a.cashCents)[0];
  if (!lessee) return;
  for (const lot of ctx.lots) {
    if (ctx.touched.has(lot.id) || lot.status !== "installed" || !lot.powered || leaseOfLot(state, lot.id))
      continue;
    const terms = { termDays: TERM_DAYS, upfrontCents: 0, dailyCents: 0 };
    const q = quoteMachineLease(state, lot, terms, ctx.caches);
    terms.dailyCents = suggestedDailyCents(q, ASK_SHARE_BPS);
    if (terms.dailyCents < q.powerPerDayCents * POWER_COVER) continue;
    const cmd = { type: "offerMachineLease" as const, lot: lot.id, to: lessee.id, ...terms, days: 5 };
    if (add(ctx, cmd, 0)) {
      ctx.touched.add(lot.id);
      return;
    }
  }
}
