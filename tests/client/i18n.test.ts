import { describe, expect, it } from "vitest";
import { en } from "../../client/src/i18n/en.ts";
import { zh } from "../../client/src/i18n/zh.ts";
import { initialLang, interpolate, translate } from "../../client/src/i18n/index.ts";

describe("dictionaries", () => {
  it("have exactly the same keys in English and Chinese", () => {
    const enKeys = Object.keys(en).sort();
    const zhKeys = Object.keys(zh).sort();
    expect(zhKeys.filter((k) => !(k in en))).toEqual([]);
    expect(enKeys.filter((k) => !(k in zh))).toEqual([]);
  });

  it("fill every entry, with the same placeholders in both languages", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(zh[key].trim(), key).not.toBe("");
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(zh[key]), key).toEqual(names(en[key]));
    }
  });

  it("translate in either language and fill placeholders", () => {
    expect(translate("en", "lobby.seatsTaken", { taken: 2, seats: 4 })).toBe("2/4 players");
    expect(translate("zh", "lobby.seatsTaken", { taken: 2, seats: 4 })).toBe("2/4 名玩家");
    expect(interpolate("{a} and {b}", { a: 1 })).toBe("1 and {b}");
  });

  it("start from the stored choice, else the browser's language", () => {
    expect(initialLang("zh", ["en-US"])).toBe("zh");
    expect(initialLang(null, ["zh-TW", "en"])).toBe("zh");
    expect(initialLang("fr", ["de"])).toBe("en");
  });
});
