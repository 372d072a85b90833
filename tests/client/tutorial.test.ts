/**
 * The tutorial's progress is judged from the server's state: a step that needs an action ends only when
 * the state shows it done, steps already done are passed over, every step's words and terms exist in
 * both languages, and the glossary has every term. Also the HUD's hashprice chart data.
 */
import { describe, expect, it } from "vitest";
import { translate } from "../../client/src/i18n/index.ts";
import type { CompanyPrivateView, GameView, LotView } from "../../client/src/net/view.ts";
import { TERMS } from "../../client/src/ui/glossary.ts";
import { sparkPath, SeriesBuffer } from "../../client/src/ui/spark.ts";
import {
  currentStep,
  isReady,
  STEPS,
  tourState,
  waitDay,
  waitsForAction,
} from "../../client/src/ui/tutorialSteps.ts";
import { companyView, gameView, lotView, privateView } from "../helpers/views.ts";

const lot = (over: Partial<LotView>): LotView => lotView(over);
const TX = { region: "us-texas", kw: 200, renewable: false };

function viewWith(priv: Partial<CompanyPrivateView>, phase: GameView["phase"] = "running"): GameView {
  return gameView({ phase, companies: [companyView({ priv: privateView(priv) })] });
}

/** currentStep judged on a view for a seat. */
const step = (from: number, view: GameView | null, seat: string | null) =>
  currentStep(from, tourState(view, seat));

const at = (id: string) => STEPS.findIndex((s) => s.id === id);

describe("tutorial steps", () => {
  it("teach the core loop: machines, power, money, score, then shipping and installing", () => {
    expect(STEPS.map((s) => s.id)).toEqual([
      "welcome",
      "order",
      "lease",
      "money",
      "score",
      "ship",
      "install",
      "finish",
    ]);
    expect(STEPS[0]?.targets).toEqual(["@start"]);
    expect(waitsForAction(at("welcome"))).toBe(true);
    expect(waitsForAction(at("order"))).toBe(true);
    // Reading steps wait for Next: nothing in the state says the player has read them.
    expect(waitsForAction(at("money"))).toBe(false);
    expect(waitsForAction(at("score"))).toBe(false);
  });

  it("point at the real controls: the bid, the used market, the lease form, the rates, the score's line", () => {
    expect(STEPS[at("order")]?.targets.slice(0, 2)).toEqual([
      '[data-testid="shop-premium"]',
      '[data-testid="used-here"]',
    ]);
    expect(STEPS[at("lease")]?.targets[0]).toBe('[data-testid="lease-form"]');
    expect(STEPS[at("money")]?.targets[0]).toBe('[data-testid="finance-rates"]');
    expect(STEPS[at("score")]?.targets[0]).toBe('[data-testid="score-breakdown"]');
    expect(STEPS[at("ship")]?.targets[0]).toBe('[data-testid^="ship-landed-"]');
  });

  it("wait at Start while the game is in its lobby, for host and guest alike; move on once it runs", () => {
    expect(step(0, viewWith({}, "lobby"), "p1")).toBe(at("welcome"));
    expect(step(0, viewWith({}, "lobby"), null)).toBe(at("welcome"));
    expect(step(0, viewWith({}, "running"), "p1")).toBe(at("order"));
    expect(step(0, viewWith({}, "paused"), null)).toBe(at("order"));
  });

  it("never send a newcomer to the shop before the game runs: 'order' waits for it", () => {
    const lobby = tourState(viewWith({}, "lobby"), "p1");
    expect(isReady(at("order"), lobby)).toBe(false);
    expect(isReady(at("order"), tourState(viewWith({}), "p1"))).toBe(true);
    expect(STEPS[at("order")]?.waitTargets).toEqual(["@start"]);
  });

  it("end 'order' on a lot (used or new) or a pre-order the server holds, then ask for a lease", () => {
    expect(step(at("order"), viewWith({}), "p1")).toBe(at("order"));
    expect(step(at("order"), viewWith({ lots: [lot({})] }), "p1")).toBe(at("lease"));
    const pre = viewWith({ preorders: [{ id: "po1" } as CompanyPrivateView["preorders"][number]] });
    expect(step(at("order"), pre, "p1")).toBe(at("lease"));
  });

  it("count nothing the scenario gave on day 0 (exodus-2021's farms in China): only what I bought and leased", () => {
    const farm = lot({ status: "installed", placeKind: "region", placeId: "cn-north", kw: 300, given: true });
    const farmLease = { region: "cn-north", kw: 300, renewable: false };
    const given = viewWith({ lots: [farm], leases: [farmLease] });
    expect(step(at("order"), given, "p1")).toBe(at("order"));
    const bought = viewWith({ lots: [farm, lot({})], leases: [farmLease] });
    expect(step(at("order"), bought, "p1")).toBe(at("lease"));
    // Leasing more where the farm stands teaches nothing new (its kW also drift as machines fail): Texas.
    const more = viewWith({ lots: [farm, lot({})], leases: [{ ...farmLease, kw: 500 }] });
    expect(step(at("order"), more, "p1")).toBe(at("lease"));
    const texas = viewWith({ lots: [farm, lot({})], leases: [farmLease, TX] });
    expect(step(at("order"), texas, "p1")).toBe(at("money"));
  });

  it("stop at money and score after a lease, even with the machines already moving", () => {
    const view = viewWith({ leases: [TX], lots: [lot({ status: "inTransit", placeKind: "shipment" })] });
    expect(step(at("order"), view, "p1")).toBe(at("money"));
    expect(step(at("score"), view, "p1")).toBe(at("score"));
    expect(step(at("score") + 1, view, "p1")).toBe(at("install"));
  });

  it("wait on 'ship' until a lot can leave the factory, naming the day it will", () => {
    const building = viewWith({ lots: [lot({ status: "onOrder", canShip: false, untilDay: 18_400 })] });
    const s = tourState(building, "p1");
    expect(isReady(at("ship"), s)).toBe(false);
    expect(waitDay("ship", s)).toBe(18_400);
    const ready = viewWith({ lots: [lot({ status: "stored", placeKind: "factory", canShip: true })] });
    expect(isReady(at("ship"), tourState(ready, "p1"))).toBe(true);
    expect(waitDay("ship", tourState(ready, "p1"))).toBeNull();
  });

  it("make a used lot bought in another region's market travel; one bought where I lease is placed", () => {
    const elsewhere = lot({ status: "stored", placeKind: "region", placeId: "kz-ekibastuz", canShip: true });
    const there = viewWith({ leases: [TX], lots: [elsewhere] });
    expect(isReady(at("ship"), tourState(there, "p1"))).toBe(true);
    expect(step(at("ship"), there, "p1")).toBe(at("ship"));
    const here = viewWith({
      leases: [TX],
      lots: [lot({ status: "stored", placeKind: "region", placeId: "us-texas", canInstall: true })],
    });
    expect(step(at("ship"), here, "p1")).toBe(at("install"));
  });

  it("pass over every step the player has already done, but not the reading ones", () => {
    const view = viewWith({
      lots: [lot({ status: "installed", placeKind: "region", placeId: "us-texas" })],
      leases: [TX],
    });
    expect(step(at("lease"), view, "p1")).toBe(at("money"));
    expect(step(at("ship"), view, "p1")).toBe(at("finish"));
  });

  it("count a lot on its way as shipped, and only an installed lot as installed", () => {
    const moving = viewWith({
      leases: [TX],
      lots: [lot({ status: "inTransit", placeKind: "shipment", placeId: "s1" })],
    });
    expect(step(at("ship"), moving, "p1")).toBe(at("install"));
    const stored = viewWith({
      leases: [TX],
      lots: [lot({ status: "stored", placeKind: "region", placeId: "us-texas" })],
    });
    expect(step(at("install"), stored, "p1")).toBe(at("install"));
  });

  it("never advance on someone else's company or without a seat", () => {
    const view = viewWith({ lots: [lot({})] });
    expect(step(at("order"), view, "p2")).toBe(at("order"));
    expect(step(at("order"), view, null)).toBe(at("order"));
    expect(step(at("order"), null, "p1")).toBe(at("order"));
  });

  it("have a title, text and terms for every step and a definition for every term, in both languages", () => {
    for (const lang of ["en", "zh"] as const) {
      for (const s of STEPS) {
        expect(translate(lang, `tour.${s.id}.title` as never)).not.toMatch(/^tour\./);
        expect(translate(lang, `tour.${s.id}.text` as never)).not.toMatch(/^tour\./);
        if (s.ready) expect(translate(lang, `tour.${s.id}.wait` as never)).not.toMatch(/^tour\./);
        for (const term of s.terms ?? []) expect(TERMS).toContain(term);
      }
      for (const term of TERMS) expect(translate(lang, `term.${term}.text` as never)).toBeTruthy();
    }
  });

  it("read in under two minutes: at most 360 English words, 700 Chinese characters, in all its cards", () => {
    // About 230 words or 400 characters a minute for a first reading: some 90–100 s of text, leaving
    // the rest of two minutes for the clicks. A card grown past this should be cut, not the bound raised.
    const words = (lang: "en" | "zh") =>
      STEPS.map(
        (s) =>
          `${translate(lang, `tour.${s.id}.title` as never)} ${translate(lang, `tour.${s.id}.text` as never)}`,
      ).join(" ");
    expect(words("en").split(/\s+/).length).toBeLessThanOrEqual(360);
    expect(words("zh").replace(/[\s\d.,，。：；、（）“”$+−×?]/g, "").length).toBeLessThanOrEqual(700);
  });

  it("name the new mechanics' glossary terms on their steps", () => {
    const terms = (id: string) => STEPS[at(id)]?.terms ?? [];
    expect(terms("order")).toEqual(expect.arrayContaining(["preorder", "factoryQueue", "usedMarket"]));
    expect(terms("money")).toEqual(expect.arrayContaining(["riskFree", "loan", "marginCall"]));
    expect(terms("ship")).toContain("landed");
    expect(terms("score")).toContain("equity");
  });
});

describe("hashprice chart", () => {
  it("keeps the latest value per day, the last N days, in day order", () => {
    const b = new SeriesBuffer(3);
    b.put(2, 20);
    b.put(1, 10);
    b.put(2, 21);
    b.put(3, 30);
    b.put(4, 40);
    b.put(5, Number.NaN);
    expect(b.values()).toEqual([21, 30, 40]);
  });

  it("draws higher values higher up, across the whole width", () => {
    expect(sparkPath([1], 100, 20)).toBeNull();
    expect(sparkPath([0, 10], 100, 20)).toBe("M0.0,19.0L100.0,1.0");
    expect(sparkPath([5, 5], 10, 20)).toBe("M0.0,10.0L10.0,10.0");
  });
});
