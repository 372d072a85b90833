/** Refusals of the regional used markets (shared/engine/usedMarket.ts, commands/usedMachines.ts). */
import type { Text } from "../../scenario/types.ts";
import type { RefusalEntry } from "./kit.ts";

export const USED_MARKET_REFUSALS = {
  /** A region's used market does not hold that many machines of the model's tier. */
  USED_STOCK_SHORT: {
    code: "BAD_QUANTITY",
    text: (p: { model: string; region: Text; asked: number; stock: number }) => ({
      en:
        p.stock > 0
          ? `${p.region.en}'s used market holds only ${p.stock} × ${p.model}; you asked for ${p.asked}.`
          : `${p.region.en}'s used market has no ${p.model} for sale: buy where machines stand, then ship them.`,
      zh:
        p.stock > 0
          ? `${p.region.zh}的二手市场只有 ${p.stock} 台 ${p.model}，你要求 ${p.asked} 台。`
          : `${p.region.zh}的二手市场没有 ${p.model} 出售：请在有货的地区购买，再运过来。`,
    }),
  },
} as const satisfies Record<string, RefusalEntry>;
