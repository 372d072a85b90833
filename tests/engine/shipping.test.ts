/**
 * Shipping and customs: the quote is what is charged, modes go only where they can, duty is the rate in
 * force on the day customs clears the lot (by country of manufacture), holds cost storage, losses and
 * breakage destroy machines and insurance pays for them.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { applyCommand, stateHash, step } from "../../shared/index.ts";
import { quoteShipment } from "../../shared/engine/logistics/ship.ts";
import type { GameState } from "../../shared/engine/state.ts";
import { formatIsoDate } from "../../shared/math/calendar.ts";
import { newGame, player, stepUntil } from "../helpers/game.ts";
import { EngineCaches } from "../../shared/engine/caches.ts";

/** The engine's caches for the look-ups and quotes these tests make outside commands and steps. */
const caches = new EngineCaches();

let g: GameState;

/** A game on tariffs-2025 with a delivered lot of `quantity` S21s at Shenzhen (or another factory). */
function withLot(date: string, quantity = 20, factory?: string): string {
  g = newGame("tariffs-2025", 4, 2);
  stepUntil(g, date);
  const cmd = { type: "orderMachines" as const, model: "s21", quantity, ...(factory ? { factory } : {}) };
  expect(applyCommand(g, player(1), cmd)).toEqual({ ok: true });
  const lot = g.lots.at(-1);
  if (!lot) throw new Error("no lot");
  stepUntil(g, formatIsoDate(lot.readyDay));
  return lot.id;
}

function ship(
  lot: string,
  to: string,
  mode: "air" | "sea" | "rail" | "truck",
  insured = true,
  quantity?: number,
) {
  return applyCommand(g, player(1), {
    type: "shipLot",
    lot,
    to,
    mode,
    insured,
    ...(quantity ? { quantity } : {}),
  });
}

function runUntilSettled(id: string): void {
  const s = () => g.shipments.find((x) => x.id === id);
  while (["inTransit", "atCustoms"].includes(s()?.status ?? "") && !g.finished) step(g);
}

describe("quotes and charges", () => {
  beforeEach(() => void withLot("2024-03-01"));

  it("charges freight and insurance exactly as quoted, and the lot travels", () => {
    const lot = g.lots.at(-1)!;
    const quote = quoteShipment(g, { lotId: lot.id, to: "us-texas", mode: "sea", insured: true }, caches);
    if (!quote.ok) throw new Error(quote.error.message.en);
    const cash = g.companies[0]!.cashCents;
    expect(ship(lot.id, "us-texas", "sea")).toEqual({ ok: true });
    expect(g.companies[0]!.cashCents).toBe(cash - quote.quote.payNowCents);
    expect(quote.quote.freightCents).toBeGreaterThan(0);
    expect(quote.quote.insuranceCents).toBe(Math.round(quote.quote.declaredValueCents / 100)); // 1%
    expect(lot.status).toBe("inTransit");
    expect(applyCommand(g, player(1), { type: "installLot", lot: lot.id, region: "us-texas" })).toMatchObject(
      {
        ok: false,
        error: { code: "LOT_BUSY" },
      },
    );
    const shipment = g.shipments.at(-1)!;
    expect(shipment.customsDay).toBe(quote.quote.customsDay);
    expect(shipment.path.length).toBeGreaterThanOrEqual(3); // factory, ports, region
  });

  it("prices air about $9.4/kg from Shenzhen to the US East Coast (the sourced 2021 rate)", () => {
    const lot = g.lots.at(-1)!;
    const q = quoteShipment(g, { lotId: lot.id, to: "us-newyork", mode: "air", insured: false }, caches);
    if (!q.ok) throw new Error(q.error.message.en);
    const perKg = q.quote.freightCents / 100 / q.quote.weightKg;
    expect(perKg).toBeGreaterThan(8.5);
    expect(perKg).toBeLessThan(10.5);
    expect(q.quote.days).toBeLessThan(10);
  });

  it("sends each mode only where it can go", () => {
    const lot = g.lots.at(-1)!.id;
    expect(ship(lot, "us-texas", "truck")).toMatchObject({ ok: false, error: { code: "NO_ROUTE" } });
    expect(ship(lot, "us-texas", "rail")).toMatchObject({ ok: false, error: { code: "NO_ROUTE" } });
    const before = stateHash(g);
    expect(ship(lot, "is-iceland", "truck")).toMatchObject({ ok: false });
    expect(stateHash(g)).toBe(before);
    expect(ship(lot, "kz-ekibastuz", "rail")).toEqual({ ok: true });
  });

  it("splits a lot to ship part of it", () => {
    const lot = g.lots.at(-1)!;
    expect(ship(lot.id, "kz-ekibastuz", "rail", false, 5)).toEqual({ ok: true });
    expect(lot.quantity).toBe(15);
    const part = g.lots.at(-1)!;
    expect(part.quantity).toBe(5);
    expect(part.status).toBe("inTransit");
    expect(lot.costCents + part.costCents).toBe(g.companies[0]!.totals.machinePurchase * -1);
  });
});

describe("duty on arrival, by origin", () => {
  /** Ships by air so that customs clears on `clearDate`; returns the shipment. */
  function clearOn(clearDate: string, factory?: string) {
    const lotId = withLot("2025-05-01", 10, factory);
    const q = quoteShipment(g, { lotId, to: "us-texas", mode: "air", insured: false }, caches);
    if (!q.ok) throw new Error(q.error.message.en);
    const travel = q.quote.customsDay - g.day;
    stepUntil(g, formatIsoDate(Date.parse(clearDate) / 86_400_000 - travel));
    expect(ship(lotId, "us-texas", "air", false)).toEqual({ ok: true });
    const s = g.shipments.at(-1)!;
    expect(formatIsoDate(s.customsDay)).toBe(clearDate);
    runUntilSettled(s.id);
    return s;
  }

  it("a China-made lot clearing the day before the August 2025 change pays 152.6%", () => {
    const s = clearOn("2025-08-06");
    expect(s.status).toBe("released");
    expect(s.tariffCents).toBe(Math.round(s.declaredValueCents * 1.526));
  });

  it("a China-made lot clearing the day after it pays the new 57.6%, and is told why it differs from its quote", () => {
    const s = clearOn("2025-08-08");
    expect(s.quotedTariffBps).toBe(15_260);
    expect(s.tariffCents).toBe(Math.round(s.declaredValueCents * 0.576));
    // The notice comes on the day customs clears it, in both languages, naming both rates.
    const notice = g.notices.find((n) => n.kind === "lawChanged" && n.company === "p1");
    expect(notice?.text.en).toContain("57.6% duty");
    expect(notice?.text.en).toContain("152.6% duty");
    expect(notice?.text.zh).toContain("57.6%");
  });

  it("a Thai lot clearing the day before the August 2025 increase pays 12.6%, the day after 21.6%", () => {
    const before = clearOn("2025-08-06", "th-factory");
    expect(before.tariffCents).toBe(Math.round(before.declaredValueCents * 0.126));
    const after = clearOn("2025-08-08", "th-factory");
    expect(after.quotedTariffBps).toBe(1_260);
    expect(after.tariffCents).toBe(Math.round(after.declaredValueCents * 0.216));
  });

  it("a lot made in Thailand pays Thailand's rate, 21.6%", () => {
    const s = clearOn("2025-08-20", "th-factory");
    expect(s.origin).toBe("TH");
    expect(s.tariffCents).toBe(Math.round(s.declaredValueCents * 0.216));
  });
});

describe("holds, bans, losses and restrictions", () => {
  it("holds a lot for an import licence, charging storage each day until it is granted", () => {
    const lotId = withLot("2024-03-01", 10);
    g.countries.find((c) => c.country === "US")!.licenceMeanDays = 20;
    expect(ship(lotId, "us-texas", "air")).toEqual({ ok: true });
    const s = g.shipments.at(-1)!;
    runUntilSettled(s.id);
    expect(s.status).toBe("held");
    expect(s.holdReason).toBe("licence");
    const wait = (s.licenceDay ?? 0) - s.customsDay;
    expect(wait).toBeGreaterThanOrEqual(10); // half to one and a half of the mean
    expect(wait).toBeLessThanOrEqual(30);
    while (s.status === "held") step(g);
    expect(s.status).toBe("released");
    // $15 per unit per day, 10 units, every held day after the decision day.
    expect(s.storageCents).toBe(15_00 * 10 * wait);
    expect(g.companies[0]!.totals.storage).toBe(-s.storageCents);
  });

  it("holds a lot bound for a banned region; re-exporting it sends it on", () => {
    const lotId = withLot("2024-03-01", 10);
    g.world.regions.find((r) => r.id === "ir-iran")!.policy = "banned";
    const q = quoteShipment(g, { lotId, to: "ir-iran", mode: "air", insured: true }, caches);
    expect(q.ok && q.quote.warnings.some((w) => w.en.includes("banned"))).toBe(true);
    expect(ship(lotId, "ir-iran", "air")).toEqual({ ok: true });
    const s = g.shipments.at(-1)!;
    runUntilSettled(s.id);
    expect(s.status).toBe("held");
    expect(s.holdReason).toBe("ban");
    expect(ship(lotId, "ae-abudhabi", "truck")).toEqual({ ok: true });
    expect(s.status).toBe("refused");
    const next = g.shipments.at(-1)!;
    expect(next.from).toEqual({ kind: "region", region: "ir-iran" });
    runUntilSettled(next.id);
    expect(g.lots.find((l) => l.id === lotId)?.location).toEqual({ kind: "region", region: "ae-abudhabi" });
  });

  it("loses a shipment at the mode's rate; insurance pays its declared value; units are destroyed", () => {
    const lotId = withLot("2024-03-01", 10);
    const modes = {
      ...g.scenario.logistics.modes,
      air: { ...g.scenario.logistics.modes.air, lossBps: 10_000 },
    };
    g.scenario = { ...g.scenario, logistics: { ...g.scenario.logistics, modes } };
    expect(ship(lotId, "us-texas", "air", true)).toEqual({ ok: true });
    const s = g.shipments.at(-1)!;
    runUntilSettled(s.id);
    expect(s.status).toBe("lost");
    expect(g.lots.find((l) => l.id === lotId)).toBeUndefined();
    expect(g.destroyedUnits.s21).toBe(10);
    expect(g.companies[0]!.totals.insurancePayout).toBe(s.declaredValueCents);
  });

  it("stops exports from a restricted factory, but not deliveries within its country", () => {
    const lotId = withLot("2025-01-15", 10, "us-factory");
    expect(
      applyCommand(
        g,
        { kind: "host" },
        { type: "injectEvent", template: "exportRestriction", targets: ["us-factory"], params: { days: 30 } },
      ),
    ).toEqual({ ok: true });
    expect(ship(lotId, "ca-quebec", "truck")).toMatchObject({ ok: false, error: { code: "EXPORT_BLOCKED" } });
    expect(ship(lotId, "us-texas", "truck")).toEqual({ ok: true });
    const s = g.shipments.at(-1)!;
    expect(s.international).toBe(false);
    runUntilSettled(s.id);
    expect(s.tariffCents).toBe(0); // made in the US, for the US
  });
});
