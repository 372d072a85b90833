/**
 * Used machines: buying used machines from outside sellers, and offers of machines between players
 * (make, answer, cancel). The rules an offer is judged by when it is accepted, and the daily expiry,
 * are in ../offers.ts.
 */
import { pushUsedDemand } from "../market.ts";
import { quoteUsedLot, stockUnits, takeUsedStock, type UsedLotQuote } from "../usedMarket.ts";
import { lotModel, modelOf, purchaseLot } from "../fleet.ts";
import { post } from "../ledger.ts";
import { isReleased } from "../market.ts";
import { regionIndex } from "../regions.ts";
import type { Company, GameState } from "../state.ts";
import { offerClosed, offerUnavailable, reservedUnits, tellParty, transferUnits } from "../offers.ts";
import type { Offer } from "../tradeState.ts";
import type { RegionSpec } from "../../scenario/types.ts";
import { formatIsoDate } from "../../math/calendar.ts";
import { usd } from "../../math/money.ts";
import { refuse } from "../../protocol/refusals/index.ts";
import type { Rejection } from "./errors.ts";
import { ownLot } from "./lots.ts";
import type { CommandOf } from "./schema.ts";
import type { EngineCaches } from "../caches.ts";
import { usedBidUnitCents, usedValueUnitCents } from "../market.ts";
import { ownedLot, type Quoter } from "./quote.ts";

/** Days after a model's release before second-hand units of it exist to buy. */
export const USED_MARKET_DELAY_DAYS = 90;

/**
 * What buying used machines costs now in the region's used market, walking up its curve, with the
 * machines' condition; null for an unknown model or region, or more than the region's stock.
 */
export function quoteBuyUsed(
  state: GameState,
  cmd: CommandOf<"buyUsed">,
  caches: EngineCaches,
): UsedLotQuote | null {
  const model = modelOf(state, cmd.model, caches);
  const r = regionIndex(state, cmd.region, caches);
  if (!model || r < 0) return null;
  return quoteUsedLot(state, r, model, cmd.quantity);
}

export function validateBuyUsed(
  state: GameState,
  company: Company,
  cmd: CommandOf<"buyUsed">,
  caches: EngineCaches,
): Rejection | null {
  const model = modelOf(state, cmd.model, caches);
  if (!model) {
    return refuse("UNKNOWN_MODEL", { model: cmd.model });
  }
  if (!isReleased(model, state.day)) {
    return refuse("NOT_RELEASED", { model: model.name });
  }
  const opens = model.releaseDay + USED_MARKET_DELAY_DAYS;
  if (state.day < opens) {
    return refuse("NO_USED_YET", { model: model.name, opensDay: opens });
  }
  const r = regionIndex(state, cmd.region, caches);
  if (r < 0) return refuse("UNKNOWN_REGION", { region: cmd.region });
  const spec = state.scenario.regions[r] as RegionSpec;
  if (state.world.regions[r]?.policy === "banned") {
    return refuse("REGION_BANNED", { region: spec.name });
  }
  const quote = quoteUsedLot(state, r, model, cmd.quantity);
  if (!quote) {
    const stock = stockUnits(state, r, model);
    return refuse("USED_STOCK_SHORT", { model: model.name, region: spec.name, asked: cmd.quantity, stock });
  }
  if (quote.totalCents > company.cashCents) {
    return refuse("USED_UNAFFORDABLE", {
      quantity: cmd.quantity,
      model: model.name,
      costCents: quote.totalCents,
      cashCents: company.cashCents,
    });
  }
  return null;
}

/**
 * The machines are bought where they stand: they join the buyer's stock in that region's warehouse
 * (running them elsewhere means shipping them, with freight, customs and duty by origin), carrying
 * their age; the region's stock falls and its buyers' pressure rises, and the world's index too.
 */
export function applyBuyUsed(
  state: GameState,
  company: Company,
  cmd: CommandOf<"buyUsed">,
  caches: EngineCaches,
): void {
  const model = modelOf(state, cmd.model, caches);
  const quote = quoteBuyUsed(state, cmd, caches);
  if (!model || !quote) throw new Error("buyUsed applied without validation");
  const lot = purchaseLot(state, company, {
    model: model.id,
    quantity: cmd.quantity,
    status: "stored",
    location: { kind: "region", region: cmd.region },
    readyDay: state.day,
    origin: model.origin,
    costCents: quote.totalCents,
  });
  lot.builtDay = state.day - quote.ageDays;
  state.boughtUsedUnits[model.id] = (state.boughtUsedUnits[model.id] ?? 0) + cmd.quantity;
  takeUsedStock(state, regionIndex(state, cmd.region, caches), model, cmd.quantity);
  pushUsedDemand(state, model, cmd.quantity);
}

function nameOf(state: GameState, id: string): string {
  return state.companies.find((c) => c.id === id)?.name ?? id;
}

export function validateOffer(
  state: GameState,
  company: Company,
  cmd: CommandOf<"offerLot">,
  caches: EngineCaches,
): Rejection | null {
  const lot = ownLot(state, company, cmd.lot, caches);
  if ("code" in lot) return lot;
  if (lot.status === "onOrder") {
    return refuse("LOT_NOT_READY", { lot: lot.id });
  }
  if (lot.status === "inTransit") {
    return refuse("OFFER_IN_TRANSIT", { lot: lot.id });
  }
  const free = lot.quantity - reservedUnits(state, lot.id);
  if (cmd.quantity > lot.quantity) {
    return refuse("OFFER_TOO_MANY", { lot: lot.id, holds: lot.quantity, asked: cmd.quantity });
  }
  if (cmd.quantity > free) {
    return refuse("ALREADY_OFFERED", { lot: lot.id, offered: lot.quantity - free, free });
  }
  if (cmd.to === company.id) return refuse("OFFER_TO_SELF");
  const buyer = state.companies.find((c) => c.id === cmd.to);
  if (!buyer) return refuse("OFFER_TO_NOBODY", { company: cmd.to });
  if (buyer.bankrupt) return refuse("OFFER_TO_BANKRUPT", { company: buyer.name });
  return null;
}

/** The offer opens today and stays open through its last day, `expiresDay`. */
export function applyOffer(
  state: GameState,
  company: Company,
  cmd: CommandOf<"offerLot">,
  caches: EngineCaches,
): void {
  const lot = ownLot(state, company, cmd.lot, caches);
  if ("code" in lot) throw new Error("offerLot applied without validation");
  const offer: Offer = {
    id: `offer-${state.nextId++}`,
    from: company.id,
    to: cmd.to,
    lot: lot.id,
    quantity: cmd.quantity,
    priceCents: cmd.priceCents,
    madeDay: state.day,
    expiresDay: state.day + cmd.days,
    status: "open",
  };
  state.offers.push(offer);
  const model = lotModel(state, lot, caches);
  const until = formatIsoDate(offer.expiresDay);
  tellParty(
    state,
    cmd.to,
    offer,
    "offerMade",
    `${company.name} offers you ${cmd.quantity} × ${model.name} for ${usd(cmd.priceCents)} (offer ${offer.id}, open until ${until}).`,
    `${company.name} 以 ${usd(cmd.priceCents)} 向你出售 ${cmd.quantity} 台 ${model.name}（报价 ${offer.id}，有效至 ${until}）。`,
  );
}

/**
 * An offer the company is party to (made or received). Anyone else is told there is no such offer, in
 * the same words as for an id that does not exist: offers are private, and a different answer would
 * tell a stranger that the offer exists and who may answer it.
 */
function findOffer(state: GameState, id: string, company: Company): Offer | Rejection {
  const offer = state.offers.find((o) => o.id === id);
  if (!offer || (offer.from !== company.id && offer.to !== company.id))
    return refuse("UNKNOWN_OFFER", { offer: id });
  return offer;
}

export function validateRespond(
  state: GameState,
  company: Company,
  cmd: CommandOf<"respondOffer">,
  caches: EngineCaches,
): Rejection | null {
  const offer = findOffer(state, cmd.offer, company);
  if ("code" in offer) return offer;
  if (offer.to !== company.id) {
    return refuse("NOT_YOURS_TO_ANSWER", { offer: offer.id, to: nameOf(state, offer.to) });
  }
  if (!cmd.accept) {
    if (offer.status === "open") return null;
    return offerClosed(offer);
  }
  // Everything is checked again now: the seller may have sold, shipped or lost the units meanwhile.
  const unavailable = offerUnavailable(state, offer, caches);
  if (unavailable) return unavailable;
  if (offer.priceCents > company.cashCents) {
    return refuse("OFFER_UNAFFORDABLE", {
      offer: offer.id,
      priceCents: offer.priceCents,
      cashCents: company.cashCents,
    });
  }
  return null;
}

export function applyRespond(
  state: GameState,
  company: Company,
  cmd: CommandOf<"respondOffer">,
  caches: EngineCaches,
): void {
  const offer = findOffer(state, cmd.offer, company);
  if ("code" in offer) throw new Error("respondOffer applied without validation");
  const seller = state.companies.find((c) => c.id === offer.from);
  if (!seller) throw new Error(`offer ${offer.id} from an unknown company`);
  if (!cmd.accept) {
    offer.status = "declined";
    tellParty(
      state,
      seller.id,
      offer,
      "offerDeclined",
      `${company.name} declined offer ${offer.id}; lot ${offer.lot} is free to sell again.`,
      `${company.name} 拒绝了报价 ${offer.id}；批次 ${offer.lot} 可以再次出售。`,
    );
    return;
  }
  offer.status = "accepted";
  post(company, state.day, "tradePurchase", -offer.priceCents, 0, offer.id);
  post(seller, state.day, "tradeSale", offer.priceCents, 0, offer.id);
  const lot = transferUnits(state, offer);
  const model = lotModel(state, lot, caches);
  const place = lot.location.kind === "region" ? lot.location.region : "";
  const spec = state.scenario.regions.find((r) => r.id === place);
  tellParty(
    state,
    seller.id,
    offer,
    "offerAccepted",
    `${company.name} accepted offer ${offer.id}: ${usd(offer.priceCents)} received for ${offer.quantity} × ${model.name}.`,
    `${company.name} 接受了报价 ${offer.id}：你以 ${usd(offer.priceCents)} 售出 ${offer.quantity} 台 ${model.name}。`,
  );
  tellParty(
    state,
    company.id,
    offer,
    "offerAccepted",
    `You bought ${offer.quantity} × ${model.name} from ${seller.name} (lot ${lot.id}${spec ? `, stored in ${spec.name.en}` : ""}).`,
    `你从 ${seller.name} 购得 ${offer.quantity} 台 ${model.name}（批次 ${lot.id}${spec ? `，存放于${spec.name.zh}` : ""}）。`,
  );
}

export function validateCancel(
  state: GameState,
  company: Company,
  cmd: CommandOf<"cancelOffer">,
): Rejection | null {
  const offer = findOffer(state, cmd.offer, company);
  if ("code" in offer) return offer;
  if (offer.from !== company.id) {
    return refuse("NOT_YOURS_TO_CANCEL", { offer: offer.id });
  }
  if (offer.status !== "open") return offerClosed(offer);
  return null;
}

export function applyCancel(state: GameState, company: Company, cmd: CommandOf<"cancelOffer">): void {
  const offer = findOffer(state, cmd.offer, company);
  if ("code" in offer) throw new Error("cancelOffer applied without validation");
  offer.status = "cancelled";
  tellParty(
    state,
    offer.to,
    offer,
    "offerCancelled",
    `${company.name} withdrew offer ${offer.id}.`,
    `${company.name} 撤回了报价 ${offer.id}。`,
  );
}

/** The used machines' price, delivered to the region's warehouse. */
export const previewBuyUsed: Quoter<"buyUsed"> = ({ state, caches }, cmd) => {
  const q = quoteBuyUsed(state, cmd, caches);
  return q ? { kind: "used", ...q } : undefined;
};

/** What the offered units are worth on the used market (its index and its bid), to price an offer by. */
export const previewOffer: Quoter<"offerLot"> = (q, cmd) => {
  const lot = ownedLot(q, cmd.lot);
  if (!lot) return undefined;
  const model = lotModel(q.state, lot, q.caches);
  return {
    kind: "offer",
    marketCents: usedValueUnitCents(q.state, model) * cmd.quantity,
    bidCents: usedBidUnitCents(q.state, model) * cmd.quantity,
  };
};
