/**
 * The tutorial's progress is judged from the server's state: a step that needs an action ends only when
 * the state shows it done, steps already done are passed over, and the glossary has every term in both
 * languages. Also the HUD's hashprice chart data.
 */
import { describe, expect, it } from "vitest";
import { translate } from "../../client/src/i18n/index.ts";
import type { CompanyPrivateView, GameView, LotView } from "../../client/src/net/view.ts";
import { TERMS } from "../../client/src/ui/glossary.ts";
import { sparkPath, SeriesBuffer } from "../../client/src/ui/spark.ts";
import {
  currentStep,
  isReady,
  SPARK,
  STEPS,
  tourState,
  waitDay,
  waitsForAction,
} from "../../client/src/ui/tutorialSteps.ts";
import { companyView, gameView, lotView, privateView } from "../helpers/views.ts";

const lot = (over: Partial<LotView>): LotView => lotView(over);

function viewWith(priv: Partial<CompanyPrivateView>, phase: GameView["phase"] = "running"): GameView {
  return gameView({ phase, companies: [companyView({ priv: privateView(priv) })] });
}

/** currentStep judged on a view for a seat, on a page that shows `shown` selectors. */
const step = (from: number, view: GameView | null, seat: string | null, shown: string[] = []) =>
  currentStep(
    from,
    tourState(view, seat, (sel) => shown.includes(sel)),
  );

const at = (id: string) => STEPS.findIndex((s) => s.id === id);

describe("tutorial steps", () => {
  it("start at Start, then buying, hashprice, leasing, shipping and installing in that order", () => {
    expect(STEPS.map((s) => s.id)).toEqual([
      "welcome",
      "buy",
      "hashprice",
      "lease",
      "ship",
      "install",
      "finish",
    ]);
    expect(STEPS[0]?.targets).toEqual(["@start"]);
    expect(waitsForAction(at("welcome"))).toBe(true);
    expect(waitsForAction(at("buy"))).toBe(true);
  });

  it("wait at Start while the game is in its lobby, for host and guest alike; move on once it runs", () => {
    expect(step(0, viewWith({}, "lobby"), "p1")).toBe(at("welcome"));
    expect(step(0, viewWith({}, "lobby"), null)).toBe(at("welcome"));
    expect(step(0, viewWith({}, "running"), "p1")).toBe(at("buy"));
    expect(step(0, viewWith({}, "paused"), null)).toBe(at("buy"));
  });

  it("never send a newcomer to the shop before the game runs: 'buy' waits for it", () => {
    const lobby = tourState(viewWith({}, "lobby"), "p1");
    expect(isReady(at("buy"), lobby)).toBe(false);
    expect(isReady(at("buy"), tourState(viewWith({}), "p1"))).toBe(true);
    expect(STEPS[at("buy")]?.waitTargets).toEqual(["@start"]);
  });

  it("speak of hashprice's chart only once the chart is on the page", () => {
    const view = viewWith({});
    expect(
      isReady(
        at("hashprice"),
        tourState(view, "p1", () => false),
      ),
    ).toBe(false);
    expect(
      isReady(
        at("hashprice"),
        tourState(view, "p1", (sel) => sel === SPARK),
      ),
    ).toBe(true);
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

  it("wait on 'buy' until the state shows a lot, then move on", () => {
    expect(step(at("buy"), viewWith({}), "p1")).toBe(at("buy"));
    expect(step(at("buy"), viewWith({ lots: [lot({})] }), "p1")).toBe(at("hashprice"));
  });

  it("pass over every step the player has already done", () => {
    const view = viewWith({
      lots: [lot({ status: "installed", placeKind: "region", placeId: "us-tx" })],
      leases: [{ region: "us-tx", kw: 500, renewable: false }],
    });
    expect(step(at("lease"), view, "p1")).toBe(at("finish"));
  });

  it("count a lot on its way or arrived as shipped, and only an installed lot as installed", () => {
    const leased = { leases: [{ region: "us-tx", kw: 100, renewable: false }] };
    const moving = viewWith({
      ...leased,
      lots: [lot({ status: "inTransit", placeKind: "shipment", placeId: "s1" })],
    });
    expect(step(at("ship"), moving, "p1")).toBe(at("install"));
    const stored = viewWith({
      ...leased,
      lots: [lot({ status: "stored", placeKind: "region", placeId: "us-tx" })],
    });
    expect(step(at("install"), stored, "p1")).toBe(at("install"));
  });

  it("never advance on someone else's company or without a seat", () => {
    const view = viewWith({ lots: [lot({})] });
    expect(step(at("buy"), view, "p2")).toBe(at("buy"));
    expect(step(at("buy"), view, null)).toBe(at("buy"));
    expect(step(at("buy"), null, "p1")).toBe(at("buy"));
  });

  it("have a title and text for every step and a definition for every term, in both languages", () => {
    for (const lang of ["en", "zh"] as const) {
      for (const s of STEPS) {
        expect(translate(lang, `tour.${s.id}.title` as never)).not.toMatch(/^tour\./);
        expect(translate(lang, `tour.${s.id}.text` as never)).not.toMatch(/^tour\./);
        if (s.ready) expect(translate(lang, `tour.${s.id}.wait` as never)).toBeTruthy();
      }
      for (const term of TERMS) expect(translate(lang, `term.${term}.text` as never)).toBeTruthy();
    }
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
