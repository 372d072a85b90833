/**
 * The shipped data (shared/data/*.csv) parsed into typed series. Pure: callers hand in the file texts
 * (Node reads them from disk, the client bundles them), so the engine never touches a file.
 */
import { parseIsoDate, parseIsoTimestamp, type EpochDay } from "../math/calendar.ts";
import type { AsicModel } from "./types.ts";
import { parseCsv, records } from "./csv.ts";

export const DATASET_FILES = {
  price: "btc-usd-daily.csv",
  fees: "btc-fees-daily.csv",
  hashrate: "btc-hashrate-daily.csv",
  epochs: "btc-epochs.csv",
  ccaf: "ccaf-countries-monthly.csv",
  asics: "asics.csv",
} as const;

export type DatasetTexts = Record<keyof typeof DATASET_FILES, string>;

export interface Epoch {
  height: number;
  startTime: number;
  /** Null where no real header was found (estimated epochs). */
  bits: number | null;
  difficulty: number;
  exact: boolean;
}

export interface Datasets {
  /** Close in USD by epoch day. */
  priceUsd: Map<EpochDay, number>;
  /** Total fees in BTC by epoch day. */
  feesBtc: Map<EpochDay, number>;
  hashrateEhs: Map<EpochDay, number>;
  epochs: Epoch[];
  /** CCAF share of hashrate in percent, by "YYYY-MM" then country. */
  ccaf: Map<string, Map<string, number>>;
  asics: AsicModel[];
}

function num(value: string, what: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n)) throw new Error(`${what}: "${value}" is not a number`);
  return n;
}

function dailySeries(text: string, file: string, column: string): Map<EpochDay, number> {
  const out = new Map<EpochDay, number>();
  for (const r of records(parseCsv(text, file))) {
    out.set(parseIsoDate(r.date as string), num(r[column] as string, `${file} ${r.date} ${column}`));
  }
  return out;
}

export function parseDatasets(texts: DatasetTexts): Datasets {
  const epochs = records(parseCsv(texts.epochs, DATASET_FILES.epochs)).map((r) => ({
    height: num(r.epoch_start_height as string, "epoch height"),
    startTime: parseIsoTimestamp(r.start_time_utc as string),
    bits: r.bits ? Number.parseInt(r.bits as string, 16) : null,
    difficulty: num(r.difficulty as string, "epoch difficulty"),
    exact: r.time_precision === "second",
  }));
  const ccaf = new Map<string, Map<string, number>>();
  for (const r of records(parseCsv(texts.ccaf, DATASET_FILES.ccaf))) {
    const month = r.month as string;
    if (!ccaf.has(month)) ccaf.set(month, new Map());
    ccaf.get(month)?.set(r.country as string, num(r.share_pct as string, "ccaf share"));
  }
  return {
    priceUsd: dailySeries(texts.price, DATASET_FILES.price, "close_usd"),
    feesBtc: dailySeries(texts.fees, DATASET_FILES.fees, "fees_btc"),
    hashrateEhs: dailySeries(texts.hashrate, DATASET_FILES.hashrate, "hashrate_ehs"),
    epochs,
    ccaf,
    asics: records(parseCsv(texts.asics, DATASET_FILES.asics)).map(parseAsic),
  };
}

function parseAsic(r: Record<string, string>): AsicModel {
  const id = r.id as string;
  const ths = num(r.hashrate_ths as string, `asic ${id} hashrate`);
  const watts = num(r.power_w as string, `asic ${id} power`);
  return {
    id,
    manufacturer: r.manufacturer as string,
    name: r.model as string,
    releaseDay: parseIsoDate(`${r.release}-01`),
    hashrateGhs: Math.round(ths * 1000),
    powerW: Math.round(watts),
    efficiencyJPerTh: Math.round((watts / ths) * 10) / 10,
    weightG: Math.round(num(r.weight_kg as string, `asic ${id} weight`) * 1000),
    origin: r.origin as string,
    launchPriceCents: r.launch_price_usd
      ? Math.round(num(r.launch_price_usd, `asic ${id} price`) * 100)
      : null,
  };
}
