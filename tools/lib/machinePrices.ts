/**
 * The machine price error table printed by `npm run simulate -- --scenario S` (node/machinePriceFit.ts):
 * each reference price the game's period covers beside the engine's list price that day, then the
 * mean |ln error| per efficiency tier and over all rows. Nothing when the period covers no reference date.
 */
import { machinePriceFit, type MachinePriceObservation, type TierFit } from "../../node/machinePriceFit.ts";
import { fixed, int, table } from "./format.ts";

function rowLines(observations: readonly MachinePriceObservation[]): string[] {
  const header = ["date", "model", "J/TH", "kind", "reference $/TH", "game $/TH", "ln(game/ref)", "estimate"];
  const rows = observations.map((o) => [
    o.ref.date,
    o.ref.model,
    String(o.ref.jPerTh),
    o.ref.kind,
    fixed(o.ref.usdPerTh, 2),
    fixed(o.simUsdPerTh, 2),
    `${o.lnError >= 0 ? "+" : ""}${fixed(o.lnError, 3)}`,
    o.ref.estimated.join("|"),
  ]);
  return table([header, ...rows], ["l", "l", "r", "l", "r", "r", "r", "l"]);
}

function tierLines(fits: readonly TierFit[]): string[] {
  const rows = fits.map((f) => [f.tier, int(f.rows), fixed(f.meanAbsLnError, 3)]);
  return table([["tier", "prices", "|ln err|"], ...rows], ["l", "r", "r"]);
}

export function machinePriceLines(observations: readonly MachinePriceObservation[]): string[] {
  if (observations.length === 0) return [];
  return [
    "Machine prices against reference (shared/data/machine-prices.csv; new-machine list price, $/TH)",
    ...rowLines(observations),
    ...tierLines(machinePriceFit(observations)),
  ];
}
