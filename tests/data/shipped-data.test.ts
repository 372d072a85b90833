// Checks the real-world data the game ships in shared/data/: every row parses, daily series have no gaps,
// known historical facts hold, and (when the reference folder beside the repo exists) the shipped rows
// equal the reference rows they were copied from.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseCsv, records } from "../../shared/scenario/csv.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const DATA = path.resolve(here, "../../shared/data");
const REF = path.resolve(here, "../../../shared/reference");
const hasRef = existsSync(REF);

type Row = Record<string, string>;
interface Table {
  header: string[];
  rows: Row[];
}

/** Reads a CSV with the game's own reader (comment lines, quoted fields), as records by header name. */
function readCsv(file: string): Table {
  const table = parseCsv(readFileSync(file, "utf8"), file);
  return { header: table.header, rows: records(table) };
}

const shipped = (name: string): Table => readCsv(path.join(DATA, name));
const reference = (name: string): Table => readCsv(path.join(REF, name));

describe("shared/data files", () => {
  it("are LF-only and carry a provenance header", () => {
    const files = ["btc-usd-daily.csv", "btc-fees-daily.csv", "btc-hashrate-daily.csv", "btc-epochs.csv"];
    for (const f of [...files, "ccaf-countries-monthly.csv", "asics.csv"]) {
      const text = readFileSync(path.join(DATA, f), "utf8");
      expect(text.includes("\r"), f).toBe(false);
      expect(text.startsWith("# "), f).toBe(true);
      expect(text, f).toContain("Copied from Hashrate Atlas reference/");
    }
  });
});

const DAY_MS = 86_400_000;
function dayMs(date: string): number {
  expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const t = Date.parse(`${date}T00:00:00Z`);
  expect(Number.isFinite(t)).toBe(true);
  expect(new Date(t).toISOString().slice(0, 10)).toBe(date); // rejects 2021-02-30 and the like
  return t;
}
function positive(s: string | undefined): number {
  const x = Number(s);
  expect(s ?? "").toMatch(/^\d+(\.\d+)?$/);
  expect(Number.isFinite(x) && x > 0).toBe(true);
  return x;
}
function expectDailyNoGaps(rows: Row[]): void {
  let prev = -1;
  for (const r of rows) {
    const t = dayMs(r.date ?? "");
    if (prev >= 0) expect(t - prev, r.date).toBe(DAY_MS);
    prev = t;
  }
}
const byKey = (rows: Row[], key: string): Map<string, Row> => new Map(rows.map((r) => [r[key] ?? "", r]));

describe("btc-usd-daily.csv", () => {
  const t = shipped("btc-usd-daily.csv");
  it("has date,close_usd, every day from 2016-01-01 with a positive close", () => {
    expect(t.header).toEqual(["date", "close_usd"]);
    expect(t.rows[0]?.date).toBe("2016-01-01");
    expect(t.rows.length).toBeGreaterThan(3600);
    expectDailyNoGaps(t.rows);
    for (const r of t.rows) positive(r.close_usd);
  });
  it("holds known closes", () => {
    const m = byKey(t.rows, "date");
    expect(m.get("2016-01-01")?.close_usd).toBe("434.33");
    expect(m.get("2021-01-01")?.close_usd).toBe("29374.15");
    expect(m.get("2022-12-31")?.close_usd).toBe("16547.50");
    expect(m.get("2024-12-31")?.close_usd).toBe("93429.20");
  });
  it.skipIf(!hasRef)("equals the reference close on every row", () => {
    const ref = reference("btc_usd_daily_yahoo.csv").rows.filter((r) => (r.date ?? "") >= "2016-01-01");
    expect(t.rows.map((r) => [r.date, r.close_usd])).toEqual(ref.map((r) => [r.date, r.close_usd]));
  });
});

describe("btc-fees-daily.csv", () => {
  const t = shipped("btc-fees-daily.csv");
  it("has every day from 2016-01-01, positive fees, estimated 0/1", () => {
    expect(t.header).toEqual(["date", "fees_btc", "estimated"]);
    expect(t.rows[0]?.date).toBe("2016-01-01");
    expectDailyNoGaps(t.rows);
    for (const r of t.rows) {
      positive(r.fees_btc);
      expect(["0", "1"]).toContain(r.estimated);
    }
  });
  it("marks exactly the 2025-11-13..15 gap as estimated, interpolated between its neighbours", () => {
    const est = t.rows.filter((r) => r.estimated === "1").map((r) => r.date);
    expect(est).toEqual(["2025-11-13", "2025-11-14", "2025-11-15"]);
    const m = byKey(t.rows, "date");
    const a = Number(m.get("2025-11-12")?.fees_btc);
    const b = Number(m.get("2025-11-16")?.fees_btc);
    expect(Number(m.get("2025-11-14")?.fees_btc)).toBeCloseTo((a + b) / 2, 7);
  });
  it("holds known daily fees", () => {
    const m = byKey(t.rows, "date");
    expect(Number(m.get("2017-12-22")?.fees_btc)).toBeCloseTo(1495.9, 0);
    expect(Number(m.get("2024-04-20")?.fees_btc)).toBeCloseTo(1257.7, 0);
  });
  it.skipIf(!hasRef)("equals the reference fees on every non-estimated row", () => {
    const ref = reference("btc_network_daily.csv").rows;
    expect(t.rows.map((r) => r.date)).toEqual(ref.map((r) => r.date));
    ref.forEach((r, i) => {
      const s = t.rows[i];
      if (s?.estimated === "1") expect(r.fees_btc).toBe("");
      else expect(s?.fees_btc, r.date).toBe(r.fees_btc);
    });
  });
});

describe("btc-hashrate-daily.csv", () => {
  const t = shipped("btc-hashrate-daily.csv");
  it("is daily from 2016-01-01 without gaps, positive, sources in order bv -> bc -> epoch", () => {
    expect(t.header).toEqual(["date", "hashrate_ehs", "source"]);
    expect(t.rows[0]?.date).toBe("2016-01-01");
    expectDailyNoGaps(t.rows);
    const order = ["bv", "bc", "epoch"];
    let stage = 0;
    for (const r of t.rows) {
      positive(r.hashrate_ehs);
      const k = order.indexOf(r.source ?? "");
      expect(k, r.date).toBeGreaterThanOrEqual(stage);
      stage = k;
    }
    const first = (s: string): string | undefined => t.rows.find((r) => r.source === s)?.date;
    expect(first("bc")).toBe("2020-04-11");
    expect(first("epoch")).toBe("2025-04-09");
  });
  it.skipIf(!hasRef)("matches the reference columns it was taken from", () => {
    const net = byKey(reference("btc_network_daily.csv").rows, "date");
    const epochs = reference("btc_difficulty_epochs.csv").rows;
    const realized = new Set(epochs.map((e) => e.realized_hashrate_ehs));
    for (const r of t.rows) {
      const n = net.get(r.date ?? "");
      if (r.source === "bc") expect(r.hashrate_ehs).toBe(n?.hashrate_ehs_blockchaincom);
      else if (r.source === "bv") expect(r.hashrate_ehs).toBe(n?.hashrate_ehs_bitcoinvisuals);
      else expect(realized.has(r.hashrate_ehs ?? "")).toBe(true);
    }
  });
});

/** difficulty = 0xffff * 2^208 / target, with target decoded from compact nBits. */
function difficultyFromBits(bits: string): number {
  const n = Number.parseInt(bits, 16);
  const exponent = n >>> 24;
  const mantissa = BigInt(n & 0x007fffff);
  const target =
    exponent <= 3 ? mantissa >> BigInt(8 * (3 - exponent)) : mantissa << BigInt(8 * (exponent - 3));
  const num = 0xffffn << 208n;
  const scale = 10n ** 6n;
  return Number((num * scale) / target) / 1e6;
}

describe("btc-epochs.csv", () => {
  const t = shipped("btc-epochs.csv");
  it("steps by 2016 blocks with increasing start times and bits consistent with difficulty", () => {
    expect(t.header).toEqual([
      "epoch_start_height",
      "start_time_utc",
      "bits",
      "difficulty",
      "time_precision",
    ]);
    expect(t.rows[0]?.epoch_start_height).toBe("391104");
    let prevH = -1;
    let prevT = -1;
    for (const r of t.rows) {
      const h = Number(r.epoch_start_height);
      expect(h % 2016).toBe(0);
      if (prevH >= 0) expect(h - prevH).toBe(2016);
      expect(r.start_time_utc).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      const time = Date.parse(r.start_time_utc ?? "");
      expect(time).toBeGreaterThan(prevT);
      const d = positive(r.difficulty);
      expect(["second", "estimated"]).toContain(r.time_precision);
      if (r.time_precision === "second") {
        expect(r.bits).toMatch(/^0x[0-9a-f]{8}$/);
        expect(Math.abs(difficultyFromBits(r.bits ?? "") / d - 1)).toBeLessThan(1e-9);
      } else expect(r.bits).toBe("");
      prevH = h;
      prevT = time;
    }
  });
  it("holds the July 2021 retarget after the China ban", () => {
    const e = byKey(t.rows, "epoch_start_height").get("689472");
    expect(e?.bits).toBe("0x171398ce");
    expect(e?.start_time_utc).toBe("2021-07-03T06:34:06Z");
    expect(Number(e?.difficulty) / 1e12).toBeCloseTo(14.363, 3);
  });
  it.skipIf(!hasRef)("equals the reference epoch rows", () => {
    const cols = ["epoch_start_height", "start_time_utc", "bits", "difficulty", "time_precision"];
    const pick = (r: Row): string[] => cols.map((c) => r[c] ?? "");
    expect(t.rows.map(pick)).toEqual(reference("btc_difficulty_epochs.csv").rows.map(pick));
  });
});

describe("ccaf-countries-monthly.csv", () => {
  const t = shipped("ccaf-countries-monthly.csv");
  it("has valid months, non-negative numbers and shares summing to 100 each month", () => {
    expect(t.header).toEqual(["month", "country", "share_pct", "hashrate_ehs"]);
    const sums = new Map<string, number>();
    for (const r of t.rows) {
      expect(r.month).toMatch(/^20(19|2[0-2])-(0[1-9]|1[0-2])$/);
      const s = Number(r.share_pct);
      expect(Number.isFinite(s) && s >= 0 && Number.isFinite(Number(r.hashrate_ehs))).toBe(true);
      sums.set(r.month ?? "", (sums.get(r.month ?? "") ?? 0) + s);
    }
    expect(sums.size).toBe(29);
    for (const [month, sum] of sums) expect(Math.abs(sum - 100), month).toBeLessThanOrEqual(0.05);
  });
  it("holds the China share before and after the 2021 ban", () => {
    const china = (m: string): string | undefined =>
      t.rows.find((r) => r.month === m && r.country === "Mainland China")?.share_pct;
    expect(china("2019-09")).toBe("75.53");
    expect(Number(china("2021-07"))).toBe(0);
    expect(t.rows.some((r) => r.country === "Iran, Islamic Rep.")).toBe(true);
  });
  it.skipIf(!hasRef)("equals the reference rows", () => {
    const ref = reference("ccaf_mining_countries_monthly.csv").rows;
    expect(t.rows).toEqual(
      ref.map((r) => ({
        month: (r.date ?? "").slice(0, 7),
        country: r.country,
        share_pct: r.share_pct,
        hashrate_ehs: r.hashrate_ehs,
      })),
    );
  });
});

describe("asics.csv", () => {
  const t = shipped("asics.csv");
  const COLS = [
    "id",
    "manufacturer",
    "model",
    "release",
    "hashrate_ths",
    "power_w",
    "efficiency_j_per_th",
    "launch_price_usd",
    "weight_kg",
    "origin",
    "estimated",
    "source",
  ];
  it("has unique slug ids, valid release months and positive numbers", () => {
    expect(t.header).toEqual(COLS);
    const ids = t.rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of t.rows) {
      expect(r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(r.release).toMatch(/^20(1[4-9]|2\d)-(0[1-9]|1[0-2])$/);
      for (const c of ["hashrate_ths", "power_w", "efficiency_j_per_th", "weight_kg"]) positive(r[c]);
      if (r.launch_price_usd !== "") positive(r.launch_price_usd);
      expect(r.origin).toMatch(/^[A-Z]{2}$/);
      expect(r.manufacturer).not.toBe("");
      expect(r.source).not.toBe("");
    }
  });
  it("lists only real columns in estimated, and power = TH x J/TH within 3% unless estimated", () => {
    for (const r of t.rows) {
      const est = r.estimated === "" ? [] : (r.estimated ?? "").split("|");
      for (const f of est) expect(COLS, r.id).toContain(f);
      const th = Number(r.hashrate_ths);
      const w = Number(r.power_w);
      const ratio = Math.abs((th * Number(r.efficiency_j_per_th)) / w - 1);
      const derived = est.some((f) => ["hashrate_ths", "power_w", "efficiency_j_per_th"].includes(f));
      expect(ratio < 0.03 || derived, r.id).toBe(true);
      expect(ratio, r.id).toBeLessThan(0.05);
    }
  });
  it("holds known machines", () => {
    const m = byKey(t.rows, "id");
    expect(m.get("s9")?.release).toBe("2016-06");
    expect(m.get("s19-pro")).toMatchObject({ hashrate_ths: "110", power_w: "3250", weight_kg: "13.2" });
    expect(m.get("s21-xp")?.weight_kg).toBe("18.7");
    expect(m.get("s19j-pro")?.origin).toBe("MY");
  });
  it.skipIf(!hasRef)("keeps every catalog model except those the header lists as dropped", () => {
    const header = readFileSync(path.join(DATA, "asics.csv"), "utf8")
      .split("\n")
      .filter((l) => l.startsWith("#"))
      .join("\n");
    const models = new Set(t.rows.map((r) => r.model));
    for (const r of reference("asics.csv").rows) {
      if (!models.has(r.model ?? "")) expect(header, r.model).toContain(`${r.model} (`);
    }
  });
});

describe("ccaf-china-provinces-monthly.csv", () => {
  const t = shipped("ccaf-china-provinces-monthly.csv");
  it("carries a provenance header and holds Sichuan's 2020 wet season (seasonal migration)", () => {
    const text = readFileSync(path.join(DATA, "ccaf-china-provinces-monthly.csv"), "utf8");
    expect(text.startsWith("# ")).toBe(true);
    expect(text).toContain("Copied from Hashrate Atlas reference/");
    expect(t.header).toEqual(["month", "province", "share_of_china_pct"]);
    expect(t.rows).toHaveLength(46);
    const sichuan = (m: string) =>
      t.rows.find((r) => r.month === m && r.province === "Sichuan")?.share_of_china_pct;
    expect(sichuan("2020-04")).toBe("14.91");
    expect(sichuan("2020-09")).toBe("61.10");
  });
  it.skipIf(!hasRef)("equals the reference's Sichuan and Yunnan rows", () => {
    const ref = reference("ccaf_china_provinces_monthly.csv").rows.filter(
      (r) => r.province === "Sichuan" || r.province === "Yunnan",
    );
    expect(t.rows).toEqual(
      ref.map((r) => ({
        month: (r.date ?? "").slice(0, 7),
        province: r.province,
        share_of_china_pct: r.share_of_china_pct,
      })),
    );
  });
});
