/**
 * Customs inspections: an international lot is inspected with its broker's odds and held for the
 * broker's inspection days, paying storage. Whether a shipment is inspected is drawn from its own stream
 * (the game's seed and the shipment's id) rather than from a shared one, so adding this rule left every other
 * random draw of a game where it was.
 */
import { createRng, nextFloat } from "../../math/rng.ts";
import type { GameState } from "../state.ts";
import type { Shipment } from "../tradeState.ts";
import { brokerSpec } from "./landed.ts";

/** Whether customs inspects this shipment (fixed for the shipment: the same answer every time asked). */
export function inspected(state: GameState, s: Shipment): boolean {
  const b = brokerSpec(state, s.broker);
  if (!s.international || b.inspectionBps <= 0 || b.inspectionDays <= 0) return false;
  return nextFloat(createRng(state.seed, `inspect:${s.id}`)) * 10_000 < b.inspectionBps;
}

/** Holds `s` for inspection if customs inspects it and has not yet; true when it now waits. */
export function startInspection(state: GameState, s: Shipment): boolean {
  if (s.inspectionDay !== null || !inspected(state, s)) return false;
  const days = brokerSpec(state, s.broker).inspectionDays;
  s.status = "held";
  s.holdReason = "inspection";
  s.inspectionDay = state.day + days;
  state.notices.push({
    day: state.day,
    company: s.owner,
    kind: "customsHeld",
    text: {
      en: `Customs inspects shipment ${s.id}: it waits about ${days} days at the port; storage is charged daily. A premium broker makes inspections rarer and shorter.`,
      zh: `海关查验货运 ${s.id}：将在港口等待约 ${days} 天，每日收取仓储费。高级报关行可减少查验次数并缩短查验时间。`,
    },
    targets: [s.to],
  });
  return true;
}
