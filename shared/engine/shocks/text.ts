/** Names of shock targets in both languages, and small formatting helpers for headlines. */
import type { Text } from "../../scenario/types.ts";
import type { GameState } from "../state.ts";

export type TargetKind = "region" | "country" | "factory" | "world";

export function targetName(state: GameState, kind: TargetKind, id: string): Text | null {
  switch (kind) {
    case "region":
      return state.scenario.regions.find((r) => r.id === id)?.name ?? null;
    case "factory": {
      const hub = state.scenario.hubs.find((h) => h.id === id && h.kind === "factory");
      return hub?.name ?? null;
    }
    case "country": {
      const region = state.scenario.regions.find((r) => r.country === id);
      if (region) return region.countryName;
      const known =
        state.countries.some((c) => c.country === id) || state.scenario.hubs.some((h) => h.country === id);
      return known ? { en: id, zh: id } : null;
    }
    case "world":
      return id === "world" ? { en: "the world", zh: "全球" } : null;
  }
}

/** "A, B and C" / "A、B和C". */
export function joinNames(names: Text[]): Text {
  const en = names.map((n) => n.en);
  const zh = names.map((n) => n.zh);
  return {
    en: en.length <= 1 ? (en[0] ?? "") : `${en.slice(0, -1).join(", ")} and ${en.at(-1)}`,
    zh: zh.length <= 1 ? (zh[0] ?? "") : `${zh.slice(0, -1).join("、")}和${zh.at(-1)}`,
  };
}

/** Origin codes as people read them, for tariff headlines. */
export function originName(code: string): Text {
  const names: Record<string, Text> = {
    "*": { en: "every other origin", zh: "其他所有原产地" },
    CN: { en: "China", zh: "中国" },
    MY: { en: "Malaysia", zh: "马来西亚" },
    TH: { en: "Thailand", zh: "泰国" },
    ID: { en: "Indonesia", zh: "印度尼西亚" },
    US: { en: "the United States", zh: "美国" },
  };
  return names[code] ?? { en: code, zh: code };
}
