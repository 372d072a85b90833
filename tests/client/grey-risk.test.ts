/** The fleet panel's grey-mining warning says the engine's odds, size and ban age, in both languages. */
import { describe, expect, it, vi } from "vitest";

vi.mock("virtual:atlas-catalog", () => ({
  default: {
    scenarios: [],
    regions: [{ id: "cn-north", name: { en: "North China", zh: "华北" } }],
    hubs: [],
  },
}));

const { greyText } = await import("../../client/src/ui/greyRisk.ts");
const { setLang } = await import("../../client/src/i18n/index.ts");

describe("the grey-mining warning", () => {
  const q = {
    kind: "grey" as const,
    region: "cn-north",
    banned: true,
    kw: 650,
    daysUnderBan: 30,
    seizureBpsPerDay: 225,
  };

  it("states the daily odds of seizure at my kW after the ban's days", () => {
    setLang("en");
    expect(greyText(q, "en")).toBe(
      "North China: Mining is banned here: machines left on risk seizure, about 2.3% a day at your 650 kW after 30 days of the ban.",
    );
  });

  it("in Chinese too", () => {
    setLang("zh");
    expect(greyText(q, "zh")).toContain("华北");
    expect(greyText(q, "zh")).toContain("650 千瓦");
    setLang("en");
  });
});
