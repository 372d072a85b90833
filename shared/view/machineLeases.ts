/**
 * The view of machine leases (shared/engine/machineLease.ts): each company sees the leases it offered
 * or was offered, open or running, with the engine's quote of both sides at today's figures, so that
 * the client shows what a lease brings without working out any rule itself.
 */
import type { EngineCaches } from "../engine/caches.ts";
import { quoteMachineLease } from "../engine/machineLease.ts";
import type { GameState } from "../engine/state.ts";

export interface MachineLeaseView {
  id: string;
  lot: string;
  /** The lot's model name. */
  model: string;
  units: number;
  /** The owner (operates the machines, pays the power). */
  from: string;
  /** The lessee (gets the BTC, pays the fees). */
  to: string;
  termDays: number;
  upfrontCents: number;
  dailyCents: number;
  status: "open" | "active";
  /** Last day to accept an open offer. */
  expiresDay: number;
  /** First day after the term of a running lease (0 while open). */
  endDay: number;
  paidCents: number;
  /** Today's BTC a day to the lessee, after the pool's fee, cents (engine quote). */
  valuePerDayCents: number;
  /** Today's power a day for the owner, cents (engine quote). */
  powerPerDayCents: number;
}

/** The open and running leases `companyId` is a party to. */
export function machineLeasesOf(
  state: GameState,
  companyId: string,
  caches: EngineCaches,
): MachineLeaseView[] {
  const out: MachineLeaseView[] = [];
  for (const l of state.machineLeases ?? []) {
    if (l.status !== "open" && l.status !== "active") continue;
    if (l.from !== companyId && l.to !== companyId) continue;
    const lot = state.lots.find((x) => x.id === l.lot);
    const q = lot ? quoteMachineLease(state, lot, l, caches) : null;
    out.push({
      id: l.id,
      lot: l.lot,
      model: lot?.model ?? "",
      units: l.units,
      from: l.from,
      to: l.to,
      termDays: l.termDays,
      upfrontCents: l.upfrontCents,
      dailyCents: l.dailyCents,
      status: l.status,
      expiresDay: l.expiresDay,
      endDay: Math.max(0, l.endDay),
      paidCents: l.paidCents,
      valuePerDayCents: q?.valuePerDayCents ?? 0,
      powerPerDayCents: q?.powerPerDayCents ?? 0,
    });
  }
  return out;
}
