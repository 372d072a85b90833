import { describe, expect, it } from "vitest";
import {
  computeOverlay,
  css,
  legendValues,
  markerRadius,
  POLICY_COLORS,
  scaleColor,
  shareTop,
} from "../../client/src/map/overlays.ts";
import { regionView } from "../helpers/views.ts";

const region = regionView;

describe("overlay colours", () => {
  it("interpolate between stops and clamp outside [0, 1]", () => {
    const stops = [0x000000, 0xffffff];
    expect(scaleColor(stops, 0)).toBe(0x000000);
    expect(scaleColor(stops, 1)).toBe(0xffffff);
    expect(scaleColor(stops, 0.5)).toBe(0x808080);
    expect(scaleColor(stops, -3)).toBe(0x000000);
    expect(scaleColor(stops, 9)).toBe(0xffffff);
    expect(scaleColor(stops, Number.NaN)).toBe(0x000000);
    expect(css(0x1a9850)).toBe("#1a9850");
    expect(css(0xff)).toBe("#0000ff");
  });

  it("colour cheap power green and dear power red, with a five-step legend", () => {
    const { colors, legend } = computeOverlay("power", [
      region("cheap", { powerMicroUsdPerKwh: 10000 }),
      region("dear", { powerMicroUsdPerKwh: 200000 }),
    ]);
    expect(css(colors.get("cheap") ?? 0)).toBe("#1a9850");
    expect(css(colors.get("dear") ?? 0)).toBe("#d73027");
    expect(legend.map((e) => e.value)).toEqual([0.02, 0.04, 0.06, 0.08, 0.1]);
    expect(legend[0]?.color).toBe(colors.get("cheap"));
  });

  it("scale shares to a readable top", () => {
    expect(shareTop([region("a", { shareBps: 300 })])).toBe(5);
    expect(shareTop([region("a", { shareBps: 2100 })])).toBe(25);
    expect(shareTop([region("a", { shareBps: 6500 })])).toBe(100);
    expect(shareTop([])).toBe(5);
    const { legend } = computeOverlay("share", [region("a", { shareBps: 1800 })]);
    expect(legend.map((e) => e.value)).toEqual([0, 5, 10, 15, 20]);
  });

  it("show policy, with offline and a coming ban taking precedence over allowed", () => {
    const { colors, legend } = computeOverlay("policy", [
      region("ok"),
      region("lic", { policy: "licensed" }),
      region("ban", { policy: "banned", banPending: true }),
      region("soon", { banPending: true }),
      region("dark", { policy: "banned", offline: true }),
    ]);
    expect(colors.get("ok")).toBe(POLICY_COLORS.allowed);
    expect(colors.get("lic")).toBe(POLICY_COLORS.licensed);
    expect(colors.get("ban")).toBe(POLICY_COLORS.banned);
    expect(colors.get("soon")).toBe(POLICY_COLORS.banPending);
    expect(colors.get("dark")).toBe(POLICY_COLORS.offline);
    expect(legend.every((e) => e.label !== undefined)).toBe(true);
  });

  it("spread legend values and size markers by area", () => {
    expect(legendValues(0, 1, 3)).toEqual([0, 0.5, 1]);
    expect(legendValues(2, 9, 1)).toEqual([2]);
    expect(markerRadius(0)).toBe(5);
    expect(markerRadius(4)).toBeCloseTo(9.4);
    expect(markerRadius(-1)).toBe(5);
  });
});

describe("event flashes", () => {
  const news = (day: number, en: string, targets: string[]) => ({ day, kind: "ban", en, zh: en, targets });

  it("hit a region by id and every region of a country by its code", async () => {
    const { regionsHit } = await import("../../client/src/map/pulses.ts");
    const regions = [
      { id: "cn-sichuan", country: "CN" },
      { id: "cn-xinjiang", country: "CN" },
      { id: "us-tx", country: "US" },
    ];
    expect(regionsHit(["CN"], regions)).toEqual(["cn-sichuan", "cn-xinjiang"]);
    expect(regionsHit(["us-tx", "KZ"], regions)).toEqual(["us-tx"]);
  });

  it("flash only news that arrives after the map first saw the game", async () => {
    const { NewsWatcher } = await import("../../client/src/map/pulses.ts");
    const w = new NewsWatcher();
    const old = news(10, "Old ban", ["CN"]);
    expect(w.fresh([old])).toEqual([]);
    const later = news(40, "New ban", ["IR"]);
    expect(w.fresh([old, later])).toEqual([later]);
    expect(w.fresh([old, later])).toEqual([]);
    w.reset();
    expect(w.fresh([old, later, news(41, "Other", [])])).toEqual([]);
  });
});

describe("carbon and breakeven overlays", () => {
  it("colour carbon from the catalog's intensity, grey where unknown", () => {
    const carbon = new Map([
      ["clean", 0],
      ["coal", 900],
    ]);
    const { colors, legend } = computeOverlay("carbon", [region("clean"), region("coal"), region("x")], {
      carbon,
    });
    expect(colors.get("clean")).toBe(0x1a9850);
    expect(colors.get("coal")).toBe(0x8b1a1a);
    expect(colors.get("x")).toBe(0x8899aa);
    expect(legend.map((e) => e.value)).toEqual([0, 225, 450, 675, 900]);
  });

  it("colour each region by how far its power is under the chosen machine's breakeven", () => {
    const regions = [
      region("cheap", { powerMicroUsdPerKwh: 20000 }),
      region("dear", { powerMicroUsdPerKwh: 110000 }),
    ];
    const { colors } = computeOverlay("breakeven", regions, { breakevenUsdPerKwh: 0.06 });
    expect(colors.get("cheap")).toBe(0x1a9850); // 4 ¢ under: pays, as green as it gets
    expect(colors.get("dear")).toBe(0xd73027); // 5 ¢ over: loses money
    const none = computeOverlay("breakeven", regions, { breakevenUsdPerKwh: null });
    expect(none.colors.get("cheap")).toBe(0x8899aa);
  });
});

describe("breakeven machines", () => {
  it("list the models on sale in USD/kWh, the best breakeven first", async () => {
    const { toChoices } = await import("../../client/src/ui/breakeven.ts");
    const m = (id: string, micro: number, onSale = true) => ({
      id,
      name: id.toUpperCase(),
      onSale,
      breakevenMicroUsdPerKwh: micro,
    });
    expect(toChoices([m("s9", 40_000), m("s19", 95_000), m("s21", 150_000, false)])).toEqual([
      { id: "s19", name: "S19", breakevenUsdPerKwh: 0.095 },
      { id: "s9", name: "S9", breakevenUsdPerKwh: 0.04 },
    ]);
  });
});
