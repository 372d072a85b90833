/**
 * One glossary of terms (client/src/i18n/terms.ts) used everywhere in Chinese: a string whose English
 * names a concept says the glossary's Chinese word for it, and no Chinese string uses another word for
 * the same concept (issue #12 §6: hashprice had three names).
 */
import { describe, expect, it } from "vitest";
import { DICTIONARIES, type MessageKey } from "../../client/src/i18n/index.ts";
import { GLOSSARY, NOT_TERMS } from "../../client/src/i18n/terms.ts";

const keys = Object.keys(DICTIONARIES.en) as MessageKey[];

/** An English word at a word start ("hashprice", "Hashprice's"; not "ballot" for "lot"). */
const names = (en: string, word: string) =>
  new RegExp(`\\b${word}`, "i").test(NOT_TERMS.reduce((s, n) => s.replaceAll(n, ""), en));

describe("the glossary of terms", () => {
  it("gives every concept one Chinese term, not among its banned variants", () => {
    const ids = new Set(GLOSSARY.map((g) => g.id));
    expect(ids.size).toBe(GLOSSARY.length);
    for (const g of GLOSSARY) for (const b of g.banned) expect(new RegExp(b).test(g.zh)).toBe(false);
  });

  it("no Chinese string uses a banned variant of a term", () => {
    const found: string[] = [];
    for (const key of keys) {
      const zh = DICTIONARIES.zh[key];
      for (const g of GLOSSARY)
        for (const b of g.banned) if (new RegExp(b).test(zh)) found.push(`${key}: "${b}" (use ${g.zh})`);
    }
    expect(found).toEqual([]);
  });

  it("a Chinese string says the glossary's term wherever its English names the concept", () => {
    const missing: string[] = [];
    for (const key of keys) {
      const en = DICTIONARIES.en[key];
      const zh = DICTIONARIES.zh[key];
      for (const g of GLOSSARY)
        if (names(en, g.en) && !zh.includes(g.zh)) missing.push(`${key}: ${g.en} → ${g.zh} in "${zh}"`);
    }
    expect(missing).toEqual([]);
  });

  it("hashprice has one name: 算力收益", () => {
    expect(DICTIONARIES.zh["term.hashprice"]).toBe("算力收益");
    expect(DICTIONARIES.zh["hud.hashprice"]).toBe("算力收益");
  });
});
