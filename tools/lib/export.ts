/** A recorded game as files: a JSON document for programs, a CSV of the daily rows for spreadsheets. */
import type { HistoryReport } from "../../node/historyFit.ts";
import type { DayRow, HalvingRow, Recording, RetargetRow } from "../../node/recorder.ts";

export interface SimulationDocument {
  scenario: string;
  scenarioHash: string;
  seed: number;
  engineVersion: string;
  players: number;
  countries: Record<string, string>;
  days: DayRow[];
  retargets: RetargetRow[];
  halvings: HalvingRow[];
  history: HistoryReport;
  /** The world whose supply the scenario was played on as a window (simulate --world), if any. */
  world?: string;
}

export function simulationDocument(
  rec: Recording,
  history: HistoryReport,
  world?: string,
): SimulationDocument {
  return {
    scenario: rec.scenario,
    ...(world ? { world } : {}),
    scenarioHash: rec.scenarioHash,
    seed: rec.seed,
    engineVersion: rec.engineVersion,
    players: rec.players,
    countries: rec.countryNames,
    days: rec.days,
    retargets: rec.retargets,
    halvings: rec.halvings,
    history,
  };
}

const FIXED_COLUMNS = [
  "date",
  "height",
  "bits",
  "difficulty",
  "network_ehs",
  "player_ehs",
  "price_usd",
  "hashprice_usd_per_th_day",
] as const;

/** Daily rows, one column per country share ("share_CN", …, in the recording's country order). */
export function simulationCsv(rec: Recording): string {
  const header = [...FIXED_COLUMNS, ...rec.countries.map((c) => `share_${c}`)];
  const lines = [header.join(",")];
  for (const r of rec.days) {
    const fixed = [
      r.date,
      r.height,
      r.bits,
      r.difficulty,
      r.networkEhs,
      r.playerEhs,
      r.priceUsd,
      r.hashpriceUsdPerThDay,
    ];
    // Full precision (String of a double round-trips), so the CSV agrees with the JSON to the bit.
    const shares = rec.countries.map((c) => r.sharesByCountry[c] ?? 0);
    lines.push([...fixed, ...shares].map(String).join(","));
  }
  return `${lines.join("\n")}\n`;
}
