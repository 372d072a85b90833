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
import { currentStep, STEPS, waitsForAction } from "../../client/src/ui/tutorialSteps.ts";
import { companyView, gameView, lotView, privateView } from "../helpers/views.ts";

const lot = (over: Partial<LotView>): LotView => lotView(over);

function viewWith(priv: Partial<CompanyPrivateView>): GameView {
  return gameView({ companies: [companyView({ priv: privateView(priv) })] });
}

const at = (id: string) => STEPS.findIndex((s) => s.id === id);

describe("tutorial steps", () => {
  it("walk through hashprice, buying, leasing, shipping and installing in that order", () => {
    expect(STEPS.map((s) => s.id)).toEqual([
      "welcome",
      "hashprice",
      "buy",
      "lease",
      "ship",
      "install",
      "finish",
    ]);
    expect(waitsForAction(at("welcome"))).toBe(false);
    expect(waitsForAction(at("buy"))).toBe(true);
  });

  it("wait on 'buy' until the state shows a lot, then move on", () => {
    expect(currentStep(at("buy"), viewWith({}), "p1")).toBe(at("buy"));
    expect(currentStep(at("buy"), viewWith({ lots: [lot({})] }), "p1")).toBe(at("lease"));
  });

  it("pass over every step the player has already done", () => {
    const view = viewWith({
      lots: [lot({ status: "installed", placeKind: "region", placeId: "us-tx" })],
      leases: [{ region: "us-tx", kw: 500, renewable: false }],
    });
    expect(currentStep(at("buy"), view, "p1")).toBe(at("finish"));
  });

  it("count a lot on its way or arrived as shipped, and only an installed lot as installed", () => {
    const leased = { leases: [{ region: "us-tx", kw: 100, renewable: false }] };
    const moving = viewWith({
      ...leased,
      lots: [lot({ status: "inTransit", placeKind: "shipment", placeId: "s1" })],
    });
    expect(currentStep(at("ship"), moving, "p1")).toBe(at("install"));
    const stored = viewWith({
      ...leased,
      lots: [lot({ status: "stored", placeKind: "region", placeId: "us-tx" })],
    });
    expect(currentStep(at("install"), stored, "p1")).toBe(at("install"));
  });

  it("never advance on someone else's company or without a seat", () => {
    const view = viewWith({ lots: [lot({})] });
    expect(currentStep(at("buy"), view, "p2")).toBe(at("buy"));
    expect(currentStep(at("buy"), view, null)).toBe(at("buy"));
    expect(currentStep(at("buy"), null, "p1")).toBe(at("buy"));
  });

  it("have a title and text for every step and a definition for every term, in both languages", () => {
    for (const lang of ["en", "zh"] as const) {
      for (const s of STEPS) {
        expect(translate(lang, `tour.${s.id}.title` as never)).not.toMatch(/^tour\./);
        expect(translate(lang, `tour.${s.id}.text` as never)).not.toMatch(/^tour\./);
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
