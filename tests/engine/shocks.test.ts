/**
 * Shocks: every template can be injected by the host, says what it does in English and Chinese, changes
 * what it should, and (if temporary) undoes it when its days are over. Bad requests change nothing.
 */
import { describe, expect, it } from "vitest";
import { applyCommand, stateHash, step } from "../../shared/index.ts";
import { TEMPLATES } from "../../shared/engine/shocks/templates.ts";
import type { GameState } from "../../shared/engine/state.ts";
import { formatIsoDate } from "../../shared/math/calendar.ts";
import { newGame, player, stepUntil } from "../helpers/game.ts";

const HOST = { kind: "host" as const };
const TARGET = { region: "us-texas", country: "US", factory: "cn-shenzhen", world: "world" } as const;

function game(): GameState {
  const g = newGame("tariffs-2025", 8, 2);
  stepUntil(g, "2024-03-01");
  return g;
}

function inject(
  g: GameState,
  template: string,
  params: Record<string, number | string> = {},
  targets?: string[],
) {
  const kind = TEMPLATES.find((t) => t.id === template)?.target ?? "region";
  return applyCommand(g, HOST, { type: "injectEvent", template, targets: targets ?? [TARGET[kind]], params });
}

const texas = (g: GameState) => g.world.regions.find((r) => r.id === "us-texas")!;
const us = (g: GameState) => g.countries.find((c) => c.country === "US")!;
const shenzhen = (g: GameState) => g.factories.find((f) => f.hub === "cn-shenzhen")!;

describe.each(TEMPLATES.map((t) => [t.id]))("template %s", (id) => {
  it("can be injected with its defaults and explains itself in both languages", () => {
    const g = game();
    expect(inject(g, id)).toEqual({ ok: true });
    const news = g.notices.filter((n) => n.company === null);
    expect(news).toHaveLength(2); // headline and explanation
    for (const n of news) {
      expect(n.text.en.length).toBeGreaterThan(10);
      expect(n.text.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe("what shocks do", () => {
  it("a ban with grace: announced, then in force; players' powered machines risk seizure", () => {
    const g = game();
    expect(inject(g, "ban", { graceDays: 10, seizurePctPerDay: 100 })).toEqual({ ok: true });
    expect(texas(g).policy).toBe("allowed");
    expect(texas(g).banPendingDay).toBe(g.day + 10);
    stepUntil(g, formatIsoDate(g.day + 11));
    expect(texas(g).policy).toBe("banned");
    expect(texas(g).seizureBpsPerDay).toBe(10_000);
    expect(applyCommand(g, player(1), { type: "leaseCapacity", region: "us-texas", kw: 10 })).toMatchObject({
      ok: false,
      error: { code: "REGION_BANNED" },
    });
  });

  it("legalise lifts a ban", () => {
    const g = game();
    inject(g, "ban");
    inject(g, "legalise");
    expect(texas(g).policy).toBe("allowed");
  });

  it("a tariff sets the rate for its origin; a licence regime and congestion last their days", () => {
    const g = game();
    inject(g, "tariff", { origin: "CN", ratePct: 60 });
    expect(us(g).tariffBps.CN).toBe(6_000);
    inject(g, "licence", { meanDays: 30, days: 5 });
    inject(g, "portCongestion", { days: 5, extraDays: 7 });
    expect(us(g).licenceMeanDays).toBe(30);
    expect(us(g).congestionDays).toBe(7);
    stepUntil(g, formatIsoDate(g.day + 6));
    expect(us(g).licenceMeanDays).toBe(0);
    expect(us(g).congestionDays).toBe(0);
  });

  it("power prices move and come back; carbon taxes stay", () => {
    const g = game();
    inject(g, "powerPrice", { changePct: 50, days: 3 });
    expect(texas(g).powerMultiplierBps).toBe(15_000);
    inject(g, "carbonTax", { usdPerTonne: 40 });
    expect(us(g).carbonTaxCentsPerTonne).toBe(4_000);
    stepUntil(g, formatIsoDate(g.day + 4));
    expect(texas(g).powerMultiplierBps).toBe(10_000);
    expect(us(g).carbonTaxCentsPerTonne).toBe(4_000);
  });

  it("a blackout takes the rest of the world's machines there offline while it lasts", () => {
    const g = game();
    const i = g.scenario.regions.findIndex((r) => r.id === "us-texas");
    inject(g, "blackout", { days: 3 });
    const during = step(g);
    expect(during.restOfWorldThsByRegion[i]).toBe(0);
    stepUntil(g, formatIsoDate(g.day + 3));
    expect(step(g).restOfWorldThsByRegion[i]).toBeGreaterThan(0);
  });

  it("a curtailment switches machines off and sets a demand-response credit, both ending together", () => {
    const g = game();
    inject(g, "curtailment", { days: 2, creditUsdPerMwh: 75 });
    expect(texas(g).offlineUntil).toBe(g.day + 2);
    expect(texas(g).demandResponseCentsPerMwh).toBe(7_500);
    stepUntil(g, formatIsoDate(g.day + 3));
    expect(texas(g).demandResponseCentsPerMwh).toBe(0);
  });

  it("a moratorium blocks new leases and capacity; new capacity adds MW", () => {
    const g = game();
    const before = texas(g).capacityKw;
    inject(g, "newCapacity", { mw: 100 });
    expect(texas(g).capacityKw).toBe(before + 100_000);
    inject(g, "moratorium", { days: 30 });
    expect(applyCommand(g, player(1), { type: "leaseCapacity", region: "us-texas", kw: 10 })).toMatchObject({
      ok: false,
      error: { code: "MORATORIUM" },
    });
    const cap = texas(g).capacityKw;
    step(g);
    expect(texas(g).capacityKw).toBe(cap);
  });

  it("a chip shortage slows and dears orders, then passes", () => {
    const g = game();
    inject(g, "chipShortage", { days: 5, leadDays: 30, pricePct: 20 });
    expect(shenzhen(g).leadExtraDays).toBe(30);
    expect(shenzhen(g).priceMultiplierBps).toBe(12_000);
    stepUntil(g, formatIsoDate(g.day + 6));
    expect(shenzhen(g).leadExtraDays).toBe(0);
    expect(shenzhen(g).priceMultiplierBps).toBe(10_000);
  });

  it("freight and fee spikes multiply and return to normal", () => {
    const g = game();
    inject(g, "freightSpike", { days: 2, pct: 300 });
    inject(g, "feeSpike", { days: 2, pct: 100 });
    expect(g.freightMultiplierBps).toBe(40_000);
    expect(g.feeMultiplierBps).toBe(20_000);
    stepUntil(g, formatIsoDate(g.day + 3));
    expect(g.freightMultiplierBps).toBe(10_000);
    expect(g.feeMultiplierBps).toBe(10_000);
  });
});

describe("bad requests", () => {
  it.each([
    ["nuke", {}, ["us-texas"], "UNKNOWN_TEMPLATE"],
    ["ban", {}, ["atlantis"], "BAD_TARGET"],
    ["tariff", {}, ["us-texas"], "BAD_TARGET"],
    ["tariff", { ratePct: -5 }, ["US"], "BAD_PARAMS"],
    ["blackout", { days: "forever" }, ["us-texas"], "BAD_PARAMS"],
  ])("%s %j on %j is refused (%s), changing nothing", (template, params, targets, code) => {
    const g = game();
    const before = stateHash(g);
    const r = applyCommand(g, HOST, { type: "injectEvent", template, targets, params });
    expect(r).toMatchObject({ ok: false, error: { code } });
    expect(stateHash(g)).toBe(before);
  });

  it("only the host may inject", () => {
    const g = game();
    const r = applyCommand(g, player(1), {
      type: "injectEvent",
      template: "blackout",
      targets: ["us-texas"],
      params: {},
    });
    expect(r).toMatchObject({ ok: false, error: { code: "NOT_HOST" } });
  });
});

describe("hazards", () => {
  it("strike the sandbox now and then, the same way for the same seed", () => {
    const run = (seed: number) => {
      const g = newGame("sandbox", seed, 0);
      const kinds: string[] = [];
      for (let i = 0; i < 365; i++)
        for (const n of step(g).notices) if (n.kind.startsWith("shock:")) kinds.push(n.kind);
      return kinds;
    };
    const a = run(5);
    expect(a.length).toBeGreaterThan(3); // about 13 a year by the scenario's rates
    expect(run(5)).toEqual(a);
    expect(run(6)).not.toEqual(a);
  });
});
