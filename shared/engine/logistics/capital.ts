/**
 * The annual rate at which capital tied up in a shipment is charged in its quote's time cost. One
 * function so that it can be pointed at the finance rules' risk-free rate (shared/engine/rates.ts,
 * riskFreeAnnualBps) once they land; until then the logistics catalog's stand-in figure.
 */
import type { GameState } from "../state.ts";

export function capitalAnnualBps(state: GameState): number {
  return state.scenario.logistics.trade.capitalAnnualBps;
}
