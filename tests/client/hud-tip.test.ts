/**
 * The hashprice's tip in the HUD (client/src/ui/hud.ts): the network's power cost from the view
 * (WorldView networkPowerCostMicroUsdPerThDay) and how far the hashprice stands above it, in both languages.
 */
import { afterEach, describe, expect, it } from "vitest";
import { powerCostTip } from "../../client/src/ui/hud.ts";
import { setLang } from "../../client/src/i18n/index.ts";
import { gameView } from "../helpers/views.ts";

describe("the hashprice's tip", () => {
  afterEach(() => setLang("en"));

  it("gives the network's power cost and the hashprice's multiple of it", () => {
    const view = gameView({ hashpriceMicroUsd: 290_000, networkPowerCostMicroUsdPerThDay: 50_000 });
    setLang("en");
    expect(powerCostTip(view, "en").tip).toMatch(/about \$50(\.0+)?\/PH\/s\/day .* 5\.8× that/);
    setLang("zh");
    expect(powerCostTip(view, "zh").tip).toMatch(/5\.8 倍/);
  });

  it("says nothing when there is no cost to compare with", () => {
    expect(powerCostTip(gameView({ networkPowerCostMicroUsdPerThDay: 0 }), "en")).toEqual({});
  });
});
