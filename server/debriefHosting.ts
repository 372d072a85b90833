/** The debrief's one-line summaries of the hosting layer's commands (issue #13 §3). */
import type { CommandOf } from "../shared/engine/commands/schema.ts";
import type { GameState } from "../shared/engine/state.ts";
import type { DebriefText } from "../shared/protocol/debrief.ts";
import { usd } from "../shared/math/money.ts";

type HostingCommand = CommandOf<"buildSite" | "offerHosting" | "respondHosting" | "leaveQueue">;

export function hostingSummary(
  state: GameState,
  c: HostingCommand,
  name: (id: string) => DebriefText,
): DebriefText {
  if (c.type === "buildSite") {
    const at = name(c.region);
    return {
      en: `Started a ${c.kw / 1000} MW site in ${at.en}`,
      zh: `在${at.zh}开建 ${c.kw / 1000} 兆瓦自建矿场`,
    };
  }
  if (c.type === "offerHosting") {
    const to = name(c.to);
    const at = name(c.region);
    const price = usd(c.centsPerKwMonth);
    return {
      en: `Offered ${to.en} ${c.kw} kW of hosting in ${at.en} at ${price}/kW-month for ${c.months} months`,
      zh: `向${to.zh}提供${at.zh}的 ${c.kw} 千瓦托管，每千瓦每月 ${price}，为期 ${c.months} 个月`,
    };
  }
  if (c.type === "leaveQueue") {
    const at = name(c.region);
    return { en: `Left ${at.en}'s hosting queue`, zh: `退出${at.zh}的托管排队` };
  }
  const offer = state.hosting.offers.find((o) => o.id === c.offer);
  const from = offer ? name(offer.from) : { en: "?", zh: "?" };
  return c.accept
    ? { en: `Accepted a hosting contract from ${from.en}`, zh: `接受${from.zh}的托管合同` }
    : { en: `Declined a hosting offer from ${from.en}`, zh: `拒绝${from.zh}的托管报价` };
}
