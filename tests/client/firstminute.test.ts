/**
 * The first minute's pure parts (issue #12 §5–6): count fields that say their limits, lots ready at the
 * factory, the equity-drop judgement, shipments named for people, the ship dialog's default
 * destination, the finance panel's quiet settings, Play now's game, and the refusals' number formats.
 */
import { describe, expect, it, vi } from "vitest";
import { companyView, gameView, lotView, privateView } from "../helpers/views.ts";

vi.mock("virtual:atlas-catalog", () => ({
  default: {
    scenarios: [],
    regions: [{ id: "us-tx", name: { en: "Texas", zh: "得州" }, lon: -97.7, lat: 31 }],
    hubs: [{ id: "shenzhen", kind: "factory", name: { en: "Shenzhen", zh: "深圳" }, lon: 114, lat: 22.5 }],
  },
}));

const { setLang } = await import("../../client/src/i18n/index.ts");
const { countProblem } = await import("../../client/src/ui/fields.ts");
const { readyAtFactory, readyText } = await import("../../client/src/ui/readyLots.ts");
const { dropAfterPurchase, markOf } = await import("../../client/src/ui/equityHint.ts");
const { plainIds, shipmentName } = await import("../../client/src/ui/shipmentName.ts");
const { leasedRegion } = await import("../../client/src/ui/ship.ts");
const { settingGate } = await import("../../client/src/ui/finance.ts");
const { playNowGame, playNowName } = await import("../../client/src/ui/playNow.ts");
const { btcOfSats, grouped, kwEn, kwZh, numberOf } = await import("../../shared/protocol/refusals/kit.ts");

describe("count fields say the actual limit", () => {
  it("for units: at least 1, at most the lot or the shop's ceiling, whole numbers", () => {
    setLang("en");
    expect(countProblem("0", 20, "units")).toBe("Enter at least 1 unit.");
    expect(countProblem("-5", 20, "units")).toBe("Enter at least 1 unit.");
    expect(countProblem("1000000", 100_000, "units")).toBe("At most 100,000 units here.");
    expect(countProblem("2.5", 20, "units")).toBe(
      "Units are whole machines: enter a whole number from 1 to 20.",
    );
    expect(countProblem("", 20, "units")).toBe("Enter a number of units from 1 to 20.");
    expect(countProblem("20", 20, "units")).toBeNull();
  });

  it("for kW: the kW field says kW, in both languages", () => {
    setLang("en");
    expect(countProblem("0", 1_000_000, "kw")).toBe("Enter at least 1 kW.");
    expect(countProblem("2000000", 1_000_000, "kw")).toBe("At most 1,000,000 kW.");
    setLang("zh");
    expect(countProblem("0", 1_000_000, "kw")).toBe("至少输入 1 千瓦。");
    expect(countProblem("30", 20, "units")).toBe("这里最多 20 台。");
    setLang("en");
  });
});

describe("lots ready at the factory", () => {
  const lots = [
    lotView({ id: "lot-1", canShip: true, status: "stored", placeKind: "factory", quantity: 20 }),
    lotView({ id: "lot-2", canShip: false, status: "onOrder" }),
    lotView({ id: "lot-3", canShip: true, status: "stored", placeKind: "region", placeId: "us-tx" }),
  ];
  const view = gameView({ companies: [companyView({ seat: "p1", priv: privateView({ lots }) })] });

  it("are my lots waiting at a factory that can leave, nothing else", () => {
    expect(readyAtFactory(view, "p1").map((l) => l.id)).toEqual(["lot-1"]);
    expect(readyAtFactory(view, "p2")).toEqual([]);
    expect(readyAtFactory(view, null)).toEqual([]);
  });

  it("are announced by model, units and factory", () => {
    setLang("en");
    expect(readyText(lots[0]!)).toBe("20 × S19 are ready to leave Shenzhen.");
  });
});

describe("why equity dropped", () => {
  const mark = (units: number, equityCents: number, rank: number) => ({ units, equityCents, rank });

  it("is told after a purchase that cost equity or rank, not otherwise", () => {
    expect(dropAfterPurchase(mark(0, 100_000, 1), mark(20, 90_000, 1))).toBe(true);
    expect(dropAfterPurchase(mark(0, 100_000, 1), mark(20, 100_000, 4))).toBe(true);
    expect(dropAfterPurchase(mark(20, 100_000, 1), mark(20, 90_000, 4))).toBe(false); // no purchase
    expect(dropAfterPurchase(mark(0, 100_000, 2), mark(20, 110_000, 1))).toBe(false); // no drop
    expect(dropAfterPurchase(null, mark(20, 90_000, 4))).toBe(false);
  });

  it("counts my machines, equity and rank from the view", () => {
    const priv = privateView({ lots: [lotView({ quantity: 5 }), lotView({ quantity: 7 })] });
    const view = gameView({ companies: [companyView({ seat: "p1", equityCents: 42, rank: 3, priv })] });
    expect(markOf(view, "p1")).toEqual({ units: 12, equityCents: 42, rank: 3 });
    expect(markOf(view, "p2")).toBeNull();
  });
});

describe("shipments for people", () => {
  const shipment = {
    id: "ship-4",
    owner: "p1",
    mode: "sea" as const,
    status: "moving" as never,
    fromId: "shenzhen",
    toId: "us-tx",
    progress: 0.5,
    path: [114, 22.5, 80, 10, -97.7, 31],
  };

  it("are 'Shipment 4 · Shenzhen → Texas', never 'ship-4'", () => {
    setLang("en");
    expect(shipmentName("ship-4", [shipment])).toBe("Shipment 4 · Shenzhen → Texas");
    expect(shipmentName("ship-4", [])).toBe("Shipment 4");
    expect(shipmentName("lot-4", [shipment])).toBeNull();
    setLang("zh");
    expect(shipmentName("ship-4", [shipment])).toBe("第 4 批货运 · 深圳 → 得州");
    setLang("en");
  });

  it("and in the engine's notices, ids read as numbers", () => {
    expect(plainIds("Shipment ship-4 (20 machines) was lost in transit.")).toBe(
      "Shipment 4 (20 machines) was lost in transit.",
    );
    expect(plainIds("当局没收了批次 lot-12（5 台矿机）。")).toBe("当局没收了批次 12（5 台矿机）。");
    expect(plainIds("Worship-4ever")).toBe("Worship-4ever");
  });
});

describe("the ship dialog's destination", () => {
  it("is where the lot's owner leases the most power, not where the lot already is", () => {
    const lot = lotView({ id: "lot-1", placeId: "shenzhen" });
    const priv = privateView({
      lots: [lot],
      leases: [
        { region: "us-ga", kw: 100, renewable: false },
        { region: "us-tx", kw: 900, renewable: false },
      ],
    });
    const view = gameView({ companies: [companyView({ seat: "p1", priv })] });
    expect(leasedRegion(lot, view)).toBe("us-tx");
    expect(leasedRegion({ id: "lot-1", placeId: "us-tx" }, view)).toBe("us-ga");
    expect(leasedRegion(lotView({ id: "other" }), view)).toBe("");
  });
});

describe("the finance panel's normal state", () => {
  it("shows no reason for a setting that is already so, nor while checking", () => {
    const already = {
      status: "done" as const,
      reply: {
        ok: false,
        error: { code: "ALREADY_SO", message: { en: "Your sell ratio is already 0%.", zh: "…" } },
      },
    };
    expect(settingGate(already as never, "en")).toEqual({ enabled: false, reason: null });
    expect(settingGate({ status: "pending" } as never, "en")).toEqual({ enabled: false, reason: null });
    const broke = {
      status: "done" as const,
      reply: { ok: false, error: { code: "BANKRUPT", message: { en: "Bankrupt.", zh: "破产。" } } },
    };
    expect(settingGate(broke as never, "en")).toEqual({ enabled: false, reason: "Bankrupt." });
  });
});

describe("Play now", () => {
  it("makes a small private game against bots, hosted and played by the player", () => {
    setLang("en");
    expect(playNowGame("Ann", "en")).toMatchObject({
      scenario: "halving-2020",
      seats: 4,
      fillWithBots: true,
      visibility: "private",
      classroom: false,
      hostPlays: true,
      name: "Ann's game",
    });
    expect(playNowName("  ")).toBe("Player");
    expect(playNowName(" Mei ")).toBe("Mei");
  });
});

describe("refusal reasons' numbers", () => {
  it("group thousands and carry units", () => {
    expect(grouped(1_234_567)).toBe("1,234,567");
    expect(grouped(-1200)).toBe("-1,200");
    expect(kwEn(12_500)).toBe("12,500 kW");
    expect(kwZh(12_500)).toBe("12,500 千瓦");
    expect(btcOfSats(150_000_000)).toBe("1.5 BTC");
    expect(btcOfSats(123_456_700_000_000)).toBe("1,234,567 BTC");
    expect(numberOf("lot-7")).toBe("7");
  });
});
