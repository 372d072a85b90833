/**
 * Issue #13 §4: shipping choices that cost time. Each mode is best (lowest landed cost, time included)
 * somewhere; air is scarce by weight; a customs broker trades its fee against licence days and
 * inspection holds; grey mining's seizure odds grow with size and days under the ban; a carbon levy is
 * charged and makes the renewable option the cheaper supply.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { applyCommand, step, type StepReport } from "../../shared/index.ts";
import { EngineCaches } from "../../shared/engine/caches.ts";
import { quoteFreight, type ShipmentQuote } from "../../shared/engine/logistics/quote.ts";
import { quoteShipment } from "../../shared/engine/logistics/ship.ts";
import { inspected } from "../../shared/engine/logistics/inspection.ts";
import { pointOf, routePath } from "../../shared/engine/logistics/geo.ts";
import { seizureBps, previewPower } from "../../shared/engine/grey.ts";
import { previewLease } from "../../shared/engine/commands/leaseCapacity.ts";
import type { GameState } from "../../shared/engine/state.ts";
import type { Shipment } from "../../shared/engine/tradeState.ts";
import { SHIPPING_MODES, type ShippingMode } from "../../shared/scenario/types.ts";
import { formatIsoDate } from "../../shared/math/calendar.ts";
import { newGame, player, stepUntil } from "../helpers/game.ts";

const caches = new EngineCaches();
const games = new Map<string, GameState>();

/** A game of `scenario` on `date` (one per pair, shared: the quotes only read it). */
function at(scenario: string, date: string): GameState {
  const key = `${scenario}@${date}`;
  let g = games.get(key);
  if (!g) {
    g = newGame(scenario, 1, 2);
    stepUntil(g, date);
    games.set(key, g);
  }
  return g;
}

/** Every mode's quote for `quantity` units of `model` from a hub (or a region) to a region, declared at $2,000 each. */
function quotes(
  g: GameState,
  model: string,
  quantity: number,
  hub: string,
  to: string,
): Map<ShippingMode, ShipmentQuote> {
  const m = g.scenario.asics.find((a) => a.id === model);
  if (!m) throw new Error(`no ${model}`);
  const out = new Map<ShippingMode, ShipmentQuote>();
  for (const mode of SHIPPING_MODES) {
    const q = quoteFreight(
      g,
      {
        model: m,
        quantity,
        origin: m.origin,
        declaredValueCents: 200_000 * quantity,
        from: g.scenario.hubs.some((h) => h.id === hub)
          ? { kind: "hub", hub }
          : { kind: "region", region: hub },
        to,
        mode,
        insured: false,
      },
      caches,
    );
    if (q.ok) out.set(mode, q.quote);
  }
  return out;
}

function cheapest(qs: Map<ShippingMode, ShipmentQuote>): ShippingMode {
  return [...qs.values()].sort((a, b) => a.landedCostCents - b.landedCostCents)[0]!.mode;
}

describe("each mode is best somewhere, by landed cost with time counted", () => {
  it("air: a small lot in the 2021 boom (every day not hashing costs more than the airfare)", () => {
    const qs = quotes(at("exodus-2021", "2021-05-01"), "s19-pro", 10, "cn-shenzhen", "us-texas");
    expect(cheapest(qs)).toBe("air");
    // Sea's freight is cheaper: it is the time that makes air win.
    expect(qs.get("sea")!.freightCents).toBeLessThan(qs.get("air")!.freightCents);
    expect(qs.get("sea")!.timeCostCents).toBeGreaterThan(qs.get("air")!.timeCostCents);
  });

  it("sea: a large lot at 2024's hashprice (air would need five aircraft, each dearer and later)", () => {
    const qs = quotes(at("sandbox", "2024-06-01"), "s21", 1000, "cn-shenzhen", "us-texas");
    expect(cheapest(qs)).toBe("sea");
    expect(qs.get("air")!.departures).toBeGreaterThan(4);
  });

  it("rail: a heavy lot overland to Kazakhstan (the terminal's fixed cost spread over many kg, faster than sea)", () => {
    const qs = quotes(at("exodus-2021", "2022-09-01"), "s19-pro", 500, "cn-shenzhen", "kz-ekibastuz");
    expect(cheapest(qs)).toBe("rail");
    expect(qs.get("sea")!.customsDay - qs.get("rail")!.customsDay).toBeGreaterThan(10);
    // Beyond a truck's 4,000 km range: Shenzhen to Ekibastuz is about 3,700 km of great circle only.
    expect(qs.has("truck")).toBe(qs.get("rail")!.km <= 4000);
  });

  it("rail: cheaper than a truck per tonne-km on a long overland leg both can run (Sichuan to Kazakhstan)", () => {
    const qs = quotes(at("exodus-2021", "2022-09-01"), "s19-pro", 500, "cn-sichuan", "kz-ekibastuz");
    const rail = qs.get("rail")!;
    const truck = qs.get("truck")!;
    expect(rail.km).toBeGreaterThan(2500);
    expect(rail.freightCents / rail.weightKg).toBeLessThan((truck.freightCents / truck.weightKg) * 0.7);
    expect(cheapest(qs)).toBe("rail");
  });

  it("rail: China to Iran (Yiwu-Tehran, 14 days) and to Germany's terminals beats the ship on time and cost", () => {
    const g = at("sandbox", "2024-06-01");
    for (const to of ["ir-iran", "de-germany"]) {
      const qs = quotes(g, "s21", 200, "cn-shenzhen", to);
      expect(cheapest(qs), to).toBe("rail");
      const rail = qs.get("rail")!;
      expect(qs.get("sea")!.customsDay - rail.customsDay, to).toBeGreaterThan(5);
      expect(rail.days, to).toBeLessThanOrEqual(20); // China-Europe 13-20 days (catalog source)
    }
  });

  it("rail runs only between rail countries: none from Malaysia, none to Bhutan", () => {
    const g = at("sandbox", "2024-06-01");
    expect(quotes(g, "s21", 200, "my-factory", "ir-iran").has("rail")).toBe(false);
    expect(quotes(g, "s21", 200, "cn-shenzhen", "bt-bhutan").has("rail")).toBe(false);
  });

  it("a train's map path passes the Khorgos gateway only when it is on the way", () => {
    const g = at("sandbox", "2024-06-01");
    const hub = (id: string) => pointOf(g, { kind: "hub", hub: id }, caches)!;
    const region = (id: string) => pointOf(g, { kind: "region", region: id }, caches)!;
    const khorgos = hub("kz-khorgos");
    const passes = (path: [number, number][]) =>
      path.some(([lon, lat]) => lon === khorgos.lon && lat === khorgos.lat);
    expect(passes(routePath(g, hub("cn-shenzhen"), region("kz-ekibastuz"), "rail"))).toBe(true);
    expect(passes(routePath(g, hub("cn-shenzhen"), region("ir-iran"), "rail"))).toBe(true);
    expect(passes(routePath(g, hub("cn-shenzhen"), region("cn-sichuan"), "rail"))).toBe(false);
    expect(passes(routePath(g, region("kz-ekibastuz"), region("ir-iran"), "rail"))).toBe(false);
  });

  it("truck: a short leg from the Texas factory, and a short border crossing (Xinjiang to Kazakhstan)", () => {
    expect(cheapest(quotes(at("tariffs-2025", "2025-01-10"), "s21", 50, "us-factory", "us-texas"))).toBe(
      "truck",
    );
    const g = at("sandbox", "2024-06-01");
    const border = quotes(g, "s21", 20, "cn-north", "kz-ekibastuz");
    expect(cheapest(border)).toBe("truck");
    expect(border.get("truck")!.freightCents).toBeLessThan(border.get("rail")!.freightCents);
    // A truck has a range: Shenzhen to Iran (about 5,900 km) is rail, sea or air.
    expect(quotes(g, "s21", 20, "cn-shenzhen", "ir-iran").has("truck")).toBe(false);
  });

  it("counts time as days to customs and expected holds × (margin not earned + capital at the rate)", () => {
    const q = quotes(at("sandbox", "2024-06-01"), "s21", 100, "cn-shenzhen", "us-texas").get("sea")!;
    const days = q.customsDay - q.departDay + q.expectedHoldDays;
    expect(Math.abs(q.timeCostCents - q.timeCostPerDayCents * days)).toBeLessThan(days);
    expect(q.landedCostCents).toBe(
      q.expectedTotalCents + q.brokerFeeCents + q.licenceFeeCents + q.expectedStorageCents + q.timeCostCents,
    );
  });

  it("a heavy air lot needs more aircraft: dearer per kg and later than a light one", () => {
    const g = at("sandbox", "2024-06-01");
    const light = quotes(g, "s21", 100, "cn-shenzhen", "us-texas").get("air")!;
    const heavy = quotes(g, "s21", 600, "cn-shenzhen", "us-texas").get("air")!;
    expect(light.departures).toBe(1);
    expect(heavy.departures).toBeGreaterThan(1);
    expect(heavy.freightCents / heavy.weightKg).toBeGreaterThan((light.freightCents / light.weightKg) * 1.4);
    expect(heavy.days).toBeGreaterThan(light.days);
  });
});

describe("customs brokers and licences", () => {
  let g: GameState;
  let lotId: string;
  beforeAll(() => {
    g = newGame("tariffs-2025", 4, 2);
    stepUntil(g, "2024-03-01");
    expect(applyCommand(g, player(1), { type: "orderMachines", model: "s21", quantity: 100 })).toEqual({
      ok: true,
    });
    const lot = g.lots.at(-1)!;
    lotId = lot.id;
    stepUntil(g, formatIsoDate(lot.readyDay));
    g.countries.find((c) => c.country === "US")!.licenceMeanDays = 40;
  });

  it("premium costs a fee now and halves the expected licence wait; standard is free but slower", () => {
    const trip = { lotId, to: "us-texas", mode: "sea" as const, insured: false };
    const std = quoteShipment(g, trip, caches);
    const pre = quoteShipment(g, { ...trip, broker: "premium" }, caches);
    if (!std.ok || !pre.ok) throw new Error("no quote");
    expect(std.quote.brokerFeeCents).toBe(0);
    expect(pre.quote.brokerFeeCents).toBeGreaterThan(0);
    expect(pre.quote.payNowCents - std.quote.payNowCents).toBe(pre.quote.brokerFeeCents);
    expect(pre.quote.expectedHoldDays).toBeLessThan(std.quote.expectedHoldDays / 2 + 1);
    expect(std.quote.licenceFeeCents).toBeGreaterThan(0);
    // For 100 new machines at 2024's margins, the days saved are worth more than the fee.
    expect(pre.quote.landedCostCents).toBeLessThan(std.quote.landedCostCents);
  });

  it("premium pays off for a big lot into strict customs (a licence regime), not for the same lot into lenient ones", () => {
    const trip = { lotId, to: "us-texas", mode: "sea" as const, insured: false };
    const landed = (state: GameState, broker: "standard" | "premium") => {
      const q = quoteShipment(state, { ...trip, broker }, caches);
      if (!q.ok) throw new Error(q.error.message.en);
      return q.quote.landedCostCents;
    };
    expect(landed(g, "premium")).toBeLessThan(landed(g, "standard"));
    const lenient = structuredClone(g);
    lenient.countries.find((c) => c.country === "US")!.licenceMeanDays = 0;
    // Only the inspection odds differ then: two days' expected hold do not repay the flat fee for 100 units.
    expect(landed(lenient, "standard")).toBeLessThan(landed(lenient, "premium"));
  });

  it("premium's flat fee is repaid by a big lot's saved days, not by a small one's (no licence either way)", () => {
    const h = at("sandbox", "2024-06-01");
    const m = h.scenario.asics.find((a) => a.id === "s19-pro")!;
    const landed = (quantity: number, broker: "standard" | "premium") => {
      const q = quoteFreight(
        h,
        {
          model: m,
          quantity,
          origin: m.origin,
          declaredValueCents: 40_000 * quantity, // used machines at $400 each
          from: { kind: "hub", hub: "cn-shenzhen" },
          to: "ir-iran",
          mode: "rail",
          insured: false,
          broker,
        },
        caches,
      );
      if (!q.ok) throw new Error(q.error.message.en);
      return q.quote.landedCostCents;
    };
    expect(landed(50, "standard")).toBeLessThan(landed(50, "premium"));
    expect(landed(2000, "premium")).toBeLessThan(landed(2000, "standard"));
  });

  it("a small lot with no licence to wait for lands cheaper with the standard broker", () => {
    const h = at("sandbox", "2024-06-01");
    const m = h.scenario.asics.find((a) => a.id === "s21")!;
    const input = {
      model: m,
      quantity: 10,
      origin: m.origin,
      declaredValueCents: 2_000_000,
      from: { kind: "hub" as const, hub: "cn-shenzhen" },
      to: "us-texas",
      mode: "air" as const,
      insured: false,
    };
    const std = quoteFreight(h, input, caches);
    const pre = quoteFreight(h, { ...input, broker: "premium" }, caches);
    if (!std.ok || !pre.ok) throw new Error("no quote");
    expect(std.quote.licenceFeeCents).toBe(0);
    expect(std.quote.landedCostCents).toBeLessThan(pre.quote.landedCostCents);
  });

  it("charges the fee and the licence fee, and the premium broker gets the licence sooner", () => {
    const waits: Record<string, number> = {};
    for (const broker of ["standard", "premium"] as const) {
      const h = structuredClone(g);
      const before = h.companies[0]!.totals.customsFees;
      const cmd = {
        type: "shipLot" as const,
        lot: lotId,
        to: "us-texas",
        mode: "sea" as const,
        insured: false,
        broker,
      };
      expect(applyCommand(h, player(1), cmd)).toEqual({ ok: true });
      const s = h.shipments.at(-1)!;
      expect(s.broker).toBe(broker);
      while (s.status === "inTransit" || s.status === "atCustoms") step(h);
      expect(s.holdReason).toBe("licence");
      waits[broker] = (s.licenceDay ?? 0) - s.customsDay;
      const fees = before - h.companies[0]!.totals.customsFees;
      const p = h.scenario.logistics.trade.brokers.premium;
      const fee =
        broker === "premium" ? p.feeCents + Math.round((s.declaredValueCents * p.feeBps) / 10_000) : 0;
      expect(fees).toBe(fee + h.scenario.logistics.trade.licenceFeeCents);
    }
    // Same draw for the spread (same seed, same day): premium files in half the mean.
    expect(waits.premium!).toBeLessThan(waits.standard!);
  });

  it("inspects about one shipment in ten with a standard broker, one in fifty with a premium one", () => {
    const count = (broker: "standard" | "premium") => {
      let n = 0;
      for (let i = 0; i < 2000; i++) {
        const s = { id: `ship-${i}`, international: true, broker } as Shipment;
        if (inspected(g, s)) n++;
      }
      return n / 2000;
    };
    expect(count("standard")).toBeGreaterThan(0.07);
    expect(count("standard")).toBeLessThan(0.13);
    expect(count("premium")).toBeGreaterThan(0.005);
    expect(count("premium")).toBeLessThan(0.04);
  });
});

describe("grey mining", () => {
  it("seizure odds grow with the kW left on and with the days under the ban, up to a ceiling", () => {
    const g = structuredClone(at("sandbox", "2024-06-01"));
    const region = g.world.regions.find((r) => r.id === "ir-iran")!;
    region.policy = "banned";
    region.seizureBpsPerDay = 50;
    region.bannedSinceDay = g.day;
    const small = seizureBps(g, region, 30);
    const big = seizureBps(g, region, 900);
    expect(small).toBe(55); // 50 × (1 + 30/300)
    expect(big).toBe(200); // 50 × (1 + 900/300)
    region.bannedSinceDay = g.day - 120;
    expect(seizureBps(g, region, 30)).toBe(165); // × (1 + 120/60)
    region.bannedSinceDay = g.day - 2000;
    expect(seizureBps(g, region, 900)).toBe(g.scenario.logistics.trade.grey.maxBpsPerDay);
    region.policy = "allowed";
    expect(seizureBps(g, region, 900)).toBe(0);
  });

  it("the daily step dates each ban, and the power quote states the odds for the company's size", () => {
    const g = newGame("sandbox", 2, 2);
    stepUntil(g, "2024-03-01");
    expect(
      applyCommand(g, player(1), { type: "buyUsed", model: "s19-pro", quantity: 30, region: "ir-iran" }),
    ).toEqual({ ok: true });
    const lot = g.lots.at(-1)!;
    expect(applyCommand(g, player(1), { type: "leaseCapacity", region: "ir-iran", kw: 100 })).toEqual({
      ok: true,
    });
    expect(applyCommand(g, player(1), { type: "installLot", lot: lot.id, region: "ir-iran" })).toEqual({
      ok: true,
    });
    const region = g.world.regions.find((r) => r.id === "ir-iran")!;
    region.policy = "banned";
    region.seizureBpsPerDay = 30;
    const banDay = g.day;
    step(g);
    expect(region.bannedSinceDay).toBe(banDay);
    const q = previewPower(
      { state: g, companyId: "p1", caches, judge: () => null },
      { type: "powerLot", lot: lot.id, on: true },
    );
    expect(q).toMatchObject({ kind: "grey", banned: true, region: "ir-iran" });
    if (q?.kind !== "grey") throw new Error("no grey quote");
    expect(q.kw).toBeCloseTo(lot.quantity * 3.25, 6);
    expect(q.seizureBpsPerDay).toBe(seizureBps(g, region, q.kw));
    expect(q.seizureBpsPerDay).toBeGreaterThan(30);
  });
});

describe("a carbon levy (the sandbox's what-if)", () => {
  const sum = (r: StepReport, kinds: string[]) =>
    r.ledgers
      .find((l) => l.company === "p1")!
      .entries.filter((e) => kinds.includes(e.kind))
      .reduce((s, e) => s + e.cents, 0);

  function day(renewable: boolean): { report: StepReport; g: GameState } {
    const g = structuredClone(at("sandbox", "2024-06-01"));
    const ok = (c: Parameters<typeof applyCommand>[2]) =>
      expect(applyCommand(g, player(1), c)).toEqual({ ok: true });
    ok({ type: "buyUsed", model: "s19-pro", quantity: 10, region: "kz-ekibastuz" });
    ok({ type: "leaseCapacity", region: "kz-ekibastuz", kw: 33, renewable });
    ok({ type: "installLot", lot: g.lots.at(-1)!.id, region: "kz-ekibastuz" });
    return { report: step(g), g };
  }

  it("is charged in Kazakhstan, shown in the lease quote, and makes renewable power the cheaper supply", () => {
    const grid = day(false);
    const green = day(true);
    const ctx = { state: grid.g, companyId: "p1", caches, judge: () => null };
    const lease = (renewable: boolean) =>
      previewLease(ctx, { type: "leaseCapacity", region: "kz-ekibastuz", kw: 10, renewable });
    const [plain, clean] = [lease(false), lease(true)];
    if (plain?.kind !== "lease" || clean?.kind !== "lease") throw new Error("no lease quote");
    expect(plain.carbonTaxCentsPerTonne).toBe(4_000);
    // 650 g/kWh × $40/t = 2.6 ¢/kWh; the renewable supply's 30 g/kWh pays 0.12 ¢.
    expect(plain.carbonLevyMicroUsdPerKwh).toBe(26_000);
    expect(clean.carbonLevyMicroUsdPerKwh).toBe(1_200);
    expect(clean.powerMicroUsdPerKwh + clean.carbonLevyMicroUsdPerKwh).toBeLessThan(
      plain.powerMicroUsdPerKwh + plain.carbonLevyMicroUsdPerKwh,
    );
    expect(sum(grid.report, ["carbonTax"])).toBeLessThan(0);
    expect(sum(green.report, ["carbonTax"])).toBeGreaterThan(sum(grid.report, ["carbonTax"]));
    // Power and levy together: the renewable premium is more than paid back.
    expect(sum(green.report, ["power", "carbonTax"])).toBeGreaterThan(
      sum(grid.report, ["power", "carbonTax"]),
    );
  });
});
