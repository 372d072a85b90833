/**
 * How often each strategy ships by sea, rail, truck and air (issue #13 §4: each mode should be chosen
 * somewhere). Counted from the shipLot commands the engine accepted in a Monte-Carlo run, per company,
 * then summed per strategy over the runs and printed as shares.
 */
import type { Command } from "../../shared/index.ts";
import { SHIPPING_MODES } from "../../shared/scenario/types.ts";
import type { CompanyResult, RunResult } from "./montecarlo.ts";
import { table } from "./format.ts";

/** Counts an accepted command toward its company's modes (only shipLot counts). */
export function countShipment(tally: CompanyResult, command: Command): void {
  if (command.type !== "shipLot") return;
  const modes = (tally.shipModes ??= {});
  modes[command.mode] = (modes[command.mode] ?? 0) + 1;
  if (command.broker === "premium") modes.premiumBroker = (modes.premiumBroker ?? 0) + 1;
}

/** Shipments by mode per strategy over all runs: counts, and each mode's share of the strategy's shipments. */
export function modeShares(results: readonly RunResult[]): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const run of results)
    for (const c of run.companies) {
      const sum = out.get(c.strategy) ?? {};
      for (const [mode, n] of Object.entries(c.shipModes ?? {})) sum[mode] = (sum[mode] ?? 0) + n;
      out.set(c.strategy, sum);
    }
  return out;
}

const pct = (n: number, of: number) => (of > 0 ? `${((100 * n) / of).toFixed(0)}%` : "-");

export function modeShareLines(results: readonly RunResult[]): string[] {
  const rows = [...modeShares(results)].map(([strategy, m]) => {
    const total = SHIPPING_MODES.reduce((s, mode) => s + (m[mode] ?? 0), 0);
    return [
      strategy,
      String(total),
      ...SHIPPING_MODES.map((mode) => pct(m[mode] ?? 0, total)),
      pct(m.premiumBroker ?? 0, total),
    ];
  });
  const header = ["strategy", "shipments", ...SHIPPING_MODES, "premium broker"];
  return [
    "Shipping modes chosen (accepted shipLot commands over all runs)",
    ...table([header, ...rows], ["l", "r", "r", "r", "r", "r", "r"]),
  ];
}
