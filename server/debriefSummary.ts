/**
 * One line, in English and Chinese, for each decision in a game's log: what a company (or the host) did,
 * in the words of the game (model, region and company names), for the debrief's timeline. Read against
 * the state just before the command was applied, so that a lot's model and size are the ones it had.
 */
import type { Actor } from "../shared/engine/commands/schema.ts";
import { commandSchema } from "../shared/engine/commands/schema.ts";
import { templateById } from "../shared/engine/shocks/templates.ts";
import { joinNames, targetName } from "../shared/engine/shocks/text.ts";
import type { GameState } from "../shared/engine/state.ts";
import type { DebriefText } from "../shared/protocol/debrief.ts";
import { hostingSummary } from "./debriefHosting.ts";

const both = (s: string): DebriefText => ({ en: s, zh: s });

const MODES: Record<string, DebriefText> = {
  air: { en: "by air", zh: "空运" },
  sea: { en: "by sea", zh: "海运" },
  rail: { en: "by rail", zh: "铁路" },
  truck: { en: "by truck", zh: "陆运" },
};

const usd = (cents: number): string => `$${Math.round(cents / 100).toLocaleString("en-US")}`;

/** Names of regions, hubs, countries and companies in the game, falling back to the id. */
function namer(state: GameState, companyName: (id: string) => string) {
  const s = state.scenario;
  return (id: string): DebriefText => {
    const region = s.regions.find((r) => r.id === id);
    if (region) return region.name;
    const hub = s.hubs.find((h) => h.id === id);
    if (hub) return hub.name;
    const country = s.regions.find((r) => r.country === id);
    if (country) return country.countryName;
    if (state.companies.some((c) => c.id === id)) return both(companyName(id));
    return both(id);
  };
}

function modelName(state: GameState, id: string): string {
  const m = state.scenario.asics.find((a) => a.id === id);
  return m ? `${m.manufacturer} ${m.name}` : id;
}

/** "200 × Antminer S19 Pro", from the lot as it stands (or its id when it is gone). */
function lotText(state: GameState, lotId: string, quantity?: number): string {
  const lot = state.lots.find((l) => l.id === lotId);
  if (!lot) return lotId;
  return `${quantity ?? lot.quantity} × ${modelName(state, lot.model)}`;
}

/**
 * The summary of one logged command. `companyName` gives the name shown for a company id (names may be
 * hidden). A command that no longer parses is named by its type, so a timeline never breaks on it.
 */
export function summarizeCommand(
  state: GameState,
  actor: Actor,
  raw: unknown,
  companyName: (id: string) => string,
): DebriefText {
  const parsed = commandSchema.safeParse(raw);
  if (!parsed.success) {
    const type = typeof raw === "object" && raw !== null ? String((raw as { type?: unknown }).type) : "?";
    return both(type);
  }
  const c = parsed.data;
  const name = namer(state, companyName);
  switch (c.type) {
    case "orderMachines": {
      const what = `${c.quantity} × ${modelName(state, c.model)}`;
      return { en: `Ordered ${what}`, zh: `订购 ${what}` };
    }
    case "buyUsed": {
      const what = `${c.quantity} × ${modelName(state, c.model)}`;
      const at = name(c.region);
      return { en: `Bought used ${what} in ${at.en}`, zh: `在${at.zh}购入二手 ${what}` };
    }
    case "leaseCapacity": {
      const at = name(c.region);
      const mw = c.kw / 1000;
      const green = c.renewable ? { en: " (renewable)", zh: "（可再生能源）" } : { en: "", zh: "" };
      return {
        en: `Leased ${mw} MW in ${at.en}${green.en}`,
        zh: `在${at.zh}租用 ${mw} 兆瓦${green.zh}`,
      };
    }
    case "releaseCapacity": {
      const at = name(c.region);
      return { en: `Released ${c.kw / 1000} MW in ${at.en}`, zh: `在${at.zh}退租 ${c.kw / 1000} 兆瓦` };
    }
    case "installLot": {
      const at = name(c.region);
      const what = lotText(state, c.lot);
      return { en: `Installed ${what} in ${at.en}`, zh: `在${at.zh}安装 ${what}` };
    }
    case "powerLot": {
      const what = lotText(state, c.lot);
      return c.on
        ? { en: `Switched on ${what}`, zh: `开启 ${what}` }
        : { en: `Switched off ${what}`, zh: `关停 ${what}` };
    }
    case "sellMachines": {
      const what = lotText(state, c.lot, c.quantity);
      return { en: `Sold ${what}`, zh: `出售 ${what}` };
    }
    case "shipLot": {
      const to = name(c.to);
      const what = lotText(state, c.lot, c.quantity);
      const mode = MODES[c.mode] ?? both(c.mode);
      const ins = c.insured ? { en: ", insured", zh: "，已投保" } : { en: "", zh: "" };
      return {
        en: `Shipped ${what} ${mode.en} to ${to.en}${ins.en}`,
        zh: `将 ${what} ${mode.zh}运往${to.zh}${ins.zh}`,
      };
    }
    case "setSellRatio": {
      const pct = c.ratioBps / 100;
      return { en: `Sells ${pct}% of mined BTC`, zh: `出售 ${pct}% 的挖矿所得 BTC` };
    }
    case "sellBtc": {
      const btc = c.sats / 1e8;
      return { en: `Sold ${btc} BTC`, zh: `卖出 ${btc} BTC` };
    }
    case "setPayout":
      return c.payout === "solo"
        ? { en: "Went solo mining", zh: "改为独立挖矿" }
        : { en: "Joined a mining pool", zh: "加入矿池" };
    case "offerLot": {
      const to = name(c.to);
      const what = lotText(state, c.lot, c.quantity);
      return {
        en: `Offered ${what} to ${to.en} for ${usd(c.priceCents)}`,
        zh: `以 ${usd(c.priceCents)} 向${to.zh}报价 ${what}`,
      };
    }
    case "respondOffer": {
      const offer = state.offers.find((o) => o.id === c.offer);
      const from = offer ? name(offer.from) : both("?");
      const what = offer ? lotText(state, offer.lot, offer.quantity) : c.offer;
      return c.accept
        ? { en: `Accepted ${what} from ${from.en}`, zh: `接受${from.zh}的 ${what}` }
        : { en: `Declined ${what} from ${from.en}`, zh: `拒绝${from.zh}的 ${what}` };
    }
    case "cancelOffer":
      return { en: "Withdrew an offer", zh: "撤回报价" };
    case "cancelPreorder":
      return { en: "Cancelled a pre-order", zh: "取消预购" };
    case "injectEvent":
      return shockSummary(state, actor, c.template, c.targets, c.params);
    case "borrow":
      return {
        en: `Borrowed ${usd(c.cents)} for ${c.termDays} days`,
        zh: `借入 ${usd(c.cents)}，期限 ${c.termDays} 天`,
      };
    case "repay":
      return { en: `Repaid ${usd(c.cents)} of a loan`, zh: `偿还贷款 ${usd(c.cents)}` };
    case "buyBtc":
      return { en: `Bought ${c.sats / 1e8} BTC`, zh: `买入 ${c.sats / 1e8} BTC` };
    case "offerMachineLease":
      return {
        en: `Offered the hashrate of a lot to ${name(c.to).en} for ${c.termDays} days`,
        zh: `向${name(c.to).zh}出租一批矿机的算力，租期 ${c.termDays} 天`,
      };
    case "answerMachineLease":
      return c.accept
        ? { en: "Took a machine lease", zh: "接受矿机租赁" }
        : { en: "Turned down a machine lease", zh: "拒绝矿机租赁" };
    case "sizeWorld":
      return { en: "Sized the world to the class", zh: "将世界规模设为班级规模" };
    case "buildSite":
    case "offerHosting":
    case "respondHosting":
    case "leaveQueue":
      return hostingSummary(state, c, name);
  }
}

/** A host's shock, by the headline the players read (the template's own words and target names). */
function shockSummary(
  state: GameState,
  actor: Actor,
  templateId: string,
  targets: string[],
  params: Record<string, number | string>,
): DebriefText {
  const who = actor.kind === "host" ? { en: "Host: ", zh: "主持人：" } : { en: "", zh: "" };
  const template = templateById(templateId);
  const names = joinNames(targets.map((t) => (template && targetName(state, template.target, t)) || both(t)));
  const p = template?.params.safeParse(params);
  if (!template || !p?.success)
    return { en: `${who.en}${templateId}: ${names.en}`, zh: `${who.zh}${templateId}：${names.zh}` };
  const { headline } = template.text(p.data, names);
  return { en: `${who.en}${headline.en}`, zh: `${who.zh}${headline.zh}` };
}
