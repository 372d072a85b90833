/** The host's bot-level picker's text (client/src/ui/botLevel.ts): a seat's level and tag, EN and 中文. */
import { afterEach, describe, expect, it } from "vitest";
import { setLang } from "../../client/src/i18n/index.ts";
import { levelOf, strategyTag } from "../../client/src/ui/botLevel.ts";

describe("bot level tags", () => {
  afterEach(() => setLang("en"));

  it("reads the level off the seat's strategy name, normal when it has none", () => {
    expect(levelOf("hard:trader")).toBe("hard");
    expect(levelOf("cautious")).toBe("normal");
    expect(levelOf(undefined)).toBe("normal");
  });

  it("tags a bot with its level and strategy, in both languages", () => {
    expect(strategyTag("hard:cheap-power")).toBe("Hard · cheap power");
    expect(strategyTag("somebody-else")).toBe("Normal · somebody-else");
    expect(strategyTag(undefined)).toBe("");
    setLang("zh");
    expect(strategyTag("easy:trader")).toBe("简单 · 交易商");
  });
});
