/**
 * The gameplay panels' view-model: buttons enabled only on the engine's "ok" (with its reason
 * otherwise), inputs parsed, shop rows sorted, freight rows formatted, offers split, region history.
 */
import { describe, expect, it } from "vitest";
import type { PreviewReply, ShopModelQuote } from "../../shared/protocol/index.ts";
import { setLang, translate } from "../../client/src/i18n/index.ts";
import {
  cheapestMode,
  gateOf,
  kwFor,
  parseBtcSats,
  parseCount,
  parseUsdCents,
  pnl,
  quoteOf,
  regionHistory,
  shipGate,
  shipRows,
  sortModels,
  splitOffers,
  usdPerTh,
} from "../../client/src/ui/panelModel.ts";
import type { PreviewState } from "../../client/src/ui/previewer.ts";
import { parseIsoDate } from "../../shared/math/calendar.ts";

setLang("en");
const refused = { code: "INSUFFICIENT_CASH", message: { en: "Too dear.", zh: "太贵了。" } };
const done = (reply: PreviewReply): PreviewState => ({ status: "done", reply });

describe("gates from the engine's preview", () => {
  it("enable only on ok, and say why otherwise, in the chosen language", () => {
    expect(gateOf({ status: "idle" }, "en")).toEqual({ enabled: false, reason: null });
    expect(gateOf({ status: "pending" }, "en")).toEqual({
      enabled: false,
      reason: translate("en", "panels.checking"),
    });
    expect(gateOf(done({ ok: true }), "en")).toEqual({ enabled: true, reason: null });
    expect(gateOf(done({ ok: false, error: refused }), "en")).toEqual({
      enabled: false,
      reason: "Too dear.",
    });
    expect(gateOf(done({ ok: false, error: refused }), "zh").reason).toBe("太贵了。");
    const failed: PreviewState = {
      status: "failed",
      code: "SPECTATOR",
      reason: { en: "Watch.", zh: "观看。" },
    };
    expect(gateOf(failed, "en")).toEqual({ enabled: false, reason: "Watch." });
  });

  it("read a quote only of the kind asked for", () => {
    const sale = done({ ok: true, quote: { kind: "sale", unitCents: 100, totalCents: 300 } });
    expect(quoteOf(sale, "sale")?.totalCents).toBe(300);
    expect(quoteOf(sale, "used")).toBeNull();
    expect(quoteOf({ status: "pending" }, "sale")).toBeNull();
  });
});

describe("inputs", () => {
  it("take whole units within bounds, dollars as cents, BTC as satoshis", () => {
    expect(parseCount("12")).toBe(12);
    expect(parseCount(" 3 ", 3)).toBe(3);
    expect(parseCount("4", 3)).toBeNull();
    expect(parseCount("1.5")).toBeNull();
    expect(parseCount("")).toBeNull();
    expect(parseCount("0")).toBeNull();
    expect(parseUsdCents("$1,234.567")).toBe(123_457);
    expect(parseUsdCents("0")).toBe(0);
    expect(parseUsdCents("-1")).toBeNull();
    expect(parseBtcSats("0.5")).toBe(50_000_000);
    expect(parseBtcSats("0.000000001")).toBeNull();
    expect(parseBtcSats("x")).toBeNull();
  });
});

const model = (over: Partial<ShopModelQuote>): ShopModelQuote => ({
  id: "m",
  name: "M",
  manufacturer: "X",
  ths: 100,
  powerW: 3000,
  jPerTh: 30,
  releaseDate: "2020-01-01",
  onSale: true,
  factory: "shenzhen",
  unitCents: 200_000,
  leadDays: 30,
  breakevenMicroUsdPerKwh: 60_000,
  usedBidCents: 1,
  usedAskCents: 2,
  usedFromDate: "2020-04-01",
  usedOpen: true,
  madeUntil: null,
  ...over,
});

describe("the shop's rows", () => {
  const models = [
    model({ id: "old", jPerTh: 90, unitCents: 20_000, breakevenMicroUsdPerKwh: 20_000, ths: 14 }),
    model({ id: "soon", jPerTh: 15, onSale: false, unitCents: null }),
    model({ id: "new", jPerTh: 30, unitCents: 300_000, breakevenMicroUsdPerKwh: 60_000, ths: 110 }),
    model({ id: "mid", jPerTh: 40, unitCents: 100_000, breakevenMicroUsdPerKwh: 45_000, ths: 60 }),
  ];
  it("put models on sale first, then sort by the chosen key, best first", () => {
    expect(sortModels(models, "efficiency").map((m) => m.id)).toEqual(["new", "mid", "old", "soon"]);
    expect(sortModels(models, "price").map((m) => m.id)).toEqual(["old", "mid", "new", "soon"]);
    expect(sortModels(models, "breakeven").map((m) => m.id)).toEqual(["new", "mid", "old", "soon"]);
    expect(sortModels(models, "hashrate").map((m) => m.id)).toEqual(["new", "mid", "old", "soon"]);
  });

  it("compare machines by price per TH/s", () => {
    expect(usdPerTh(model({ unitCents: 250_000, ths: 100 }))).toBe(25);
    expect(usdPerTh(model({ unitCents: null }))).toBeNull();
  });
});

const shipQuote = (mode: "air" | "sea", payNowCents: number, total: number) => ({
  mode,
  km: 1000,
  days: mode === "air" ? 5 : 20,
  arriveDate: "2020-02-01",
  customsDate: "2020-02-04",
  weightKg: 100,
  freightCents: payNowCents,
  insuranceCents: 0,
  declaredValueCents: 100_000,
  international: true,
  tariffBps: 2500,
  tariffCents: 25_000,
  vatBps: 1000,
  vatCents: 12_500,
  licenceMeanDays: 0,
  lossBps: 10,
  damageBps: 30,
  payNowCents,
  expectedTotalCents: total,
  warnings: [{ en: "Careful.", zh: "小心。" }],
  broker: "standard" as const,
  brokerFeeCents: 0,
  licenceFeeCents: 0,
  departures: 1,
  expectedHoldDays: 0,
  expectedStorageCents: 0,
  timeCostPerDayCents: 1_000,
  timeCostCents: 1_000 * (mode === "air" ? 7 : 22),
  landedCostCents: total + 1_000 * (mode === "air" ? 7 : 22),
});

describe("the ship dialog's rows", () => {
  const reply: PreviewReply = {
    ok: true,
    quote: {
      kind: "ship",
      modes: [
        { mode: "air", ok: true, quote: shipQuote("air", 50_000, 87_500) },
        { mode: "sea", ok: true, quote: shipQuote("sea", 10_000, 47_500) },
        {
          mode: "rail",
          ok: false,
          error: { code: "NO_ROUTE", message: { en: "No railway.", zh: "无铁路。" } },
        },
        { mode: "truck", ok: false, error: refused },
      ],
    },
  };

  it("show cost, days, duty and VAT, risk and warnings per mode, and the engine's reason", () => {
    const rows = shipRows(reply, "en");
    expect(rows.map((r) => r.mode)).toEqual(["air", "sea", "rail", "truck"]);
    expect(rows[0]).toMatchObject({ ok: true, reason: null, cost: "$500", warnings: ["Careful."] });
    expect(rows[0]?.days).toBe("5 days · customs 4 Feb 2020");
    expect(rows[0]?.duties).toBe("duty 25% + VAT 10% ≈ $375");
    expect(rows[0]?.risk).toBe("loss 0.1% · damage 0.3%");
    expect(rows[2]).toMatchObject({ ok: false, reason: "No railway.", cost: "–" });
    expect(shipRows(null, "en")).toEqual([]);
  });

  it("preselect the cheapest accepted mode and gate Send on the chosen mode's verdict", () => {
    expect(cheapestMode(reply)).toBe("sea");
    expect(shipGate(done(reply), "sea", "en")).toEqual({ enabled: true, reason: null });
    expect(shipGate(done(reply), "truck", "en")).toEqual({ enabled: false, reason: "Too dear." });
    expect(shipGate(done(reply), null, "en").enabled).toBe(false);
    expect(shipGate({ status: "pending" }, "sea", "en").enabled).toBe(false);
    const notMine = done({
      ok: false,
      error: { code: "NOT_OWNER", message: { en: "Not yours.", zh: "不是你的。" } },
    });
    expect(shipGate(notMine, "air", "en")).toEqual({ enabled: false, reason: "Not yours." });
  });
});

describe("fleet and market helpers", () => {
  it("asks for at least one kW", () => {
    expect(kwFor({ kw: 10.47 })).toBe(11);
    expect(kwFor({ kw: 0 })).toBe(1);
  });

  it("sign daily profit and tone it", () => {
    expect(pnl(2995.1, "en")).toEqual({ text: "+$29.95", tone: "gain" });
    expect(pnl(-400, "en")).toEqual({ text: "-$4", tone: "loss" });
    expect(pnl(0.1, "en").tone).toBe("flat");
  });

  it("split offers into mine to answer and mine to withdraw, soonest first", () => {
    const offer = (id: string, from: string, to: string, expires: string) => ({
      id,
      from,
      to,
      lot: "l",
      model: "s9",
      quantity: 1,
      priceCents: 100,
      expiresDay: parseIsoDate(expires),
    });
    const p = {
      offers: [
        offer("o2", "p2", "p1", "2020-03-01"),
        offer("o1", "p3", "p1", "2020-02-01"),
        offer("o3", "p1", "p2", "2020-01-09"),
      ],
    };
    const { incoming, outgoing } = splitOffers(p, "p1");
    expect(incoming.map((o) => o.id)).toEqual(["o1", "o2"]);
    expect(outgoing.map((o) => o.id)).toEqual(["o3"]);
    expect(splitOffers(null, "p1")).toEqual({ incoming: [], outgoing: [] });
  });

  it("show a region's own history newest first, else the ticker's news naming it or its country", () => {
    const news = (day: number, kind: string, targets: string[]) => ({
      day,
      kind,
      en: `n${day}`,
      zh: "",
      targets,
    });
    const base = {
      id: "cn-sichuan",
      country: "CN",
      policy: "allowed" as const,
      banPending: false,
      offline: false,
      powerMicroUsdPerKwh: 30000,
      freeKw: 1000,
      restOfWorldThs: 1000000,
      shareBps: 100,
      history: [],
    };
    const own = {
      ...base,
      history: [news(1, "ban", ["CN"]), news(1, "explanation", ["CN"]), news(5, "tariff", ["cn-sichuan"])],
    };
    expect(regionHistory(own, []).map((n) => n.day)).toEqual([5, 1]);
    const ticker = [news(2, "ban", ["CN"]), news(3, "x", ["US"]), news(4, "y", ["cn-sichuan"])];
    expect(regionHistory(base, ticker).map((n) => n.day)).toEqual([4, 2]);
    expect(regionHistory(undefined, ticker)).toEqual([]);
  });
});
