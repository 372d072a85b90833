/**
 * Previews: the engine's verdict (validate) and quote for a candidate command, or the shop's catalog,
 * without changing the game. The server only forwards what this answers; the client's buttons, the
 * bots' scripts and tests ask the same function. Each command's quote lives in its command module.
 */
import type { PreviewQuote, PreviewReply, PreviewRequest } from "../protocol/preview.ts";
import { EngineCaches } from "./caches.ts";
import { parseCommand, validate } from "./commands/index.ts";
import type { Rejection } from "./commands/errors.ts";
import { previewSellBtc } from "./commands/finance.ts";
import { previewLease, previewRelease } from "./commands/leaseCapacity.ts";
import { previewBorrow, previewBuyBtc } from "./commands/loans.ts";
import { previewSale } from "./commands/lots.ts";
import { previewOrder } from "./commands/orderMachines.ts";
import { previewCancelPreorder } from "./commands/cancelPreorder.ts";
import type { QuoteContext, Quoter } from "./commands/quote.ts";
import type { Command } from "./commands/schema.ts";
import { previewShip } from "./commands/shipping.ts";
import { previewPower } from "./grey.ts";
import { previewBuyUsed, previewOffer } from "./commands/usedMachines.ts";
import { shopCatalog } from "./shop.ts";
import { previewMachineLease } from "./machineLeaseCommands.ts";
import { previewBuildSite } from "./sites.ts";
import { previewOfferHosting } from "./hostingOffers.ts";
import type { GameState } from "./state.ts";

/** The answer to a preview: the reply to send, or why the request was not a command at all. */
export type PreviewAnswer = { reply: Omit<PreviewReply, "ref"> } | { malformed: Rejection };

/** The commands that have a quote, each with its own; the others are judged without one. */
const QUOTERS: { [K in Command["type"]]?: Quoter<K> } = {
  orderMachines: previewOrder,
  cancelPreorder: previewCancelPreorder,
  shipLot: previewShip,
  leaseCapacity: previewLease,
  releaseCapacity: previewRelease,
  sellMachines: previewSale,
  buyUsed: previewBuyUsed,
  offerLot: previewOffer,
  sellBtc: previewSellBtc,
  powerLot: previewPower,
  borrow: previewBorrow,
  buyBtc: previewBuyBtc,
  offerMachineLease: previewMachineLease,
  buildSite: previewBuildSite,
  offerHosting: previewOfferHosting,
};

/** Answers a preview as the company `companyId`. Reads the state only (through the game's caches). */
export function preview(
  state: GameState,
  companyId: string,
  request: PreviewRequest,
  caches: EngineCaches = new EngineCaches(),
): PreviewAnswer {
  if (request.kind === "shop") {
    const cashCents = state.companies.find((c) => c.id === companyId)?.cashCents ?? 0;
    return { reply: { ok: true, quote: { kind: "shop", cashCents, ...shopCatalog(state, caches) } } };
  }
  const parsed = parseCommand(request.command);
  if (!parsed.ok) return { malformed: parsed.error };
  const actor = { kind: "company" as const, companyId };
  const judge = (command: Command) => validate(state, actor, command, caches);
  const error = judge(parsed.command);
  const quote = quoteOf({ state, companyId, caches, judge }, parsed.command);
  return { reply: { ok: error === null, ...(error ? { error } : {}), ...(quote ? { quote } : {}) } };
}

function quoteOf<K extends Command["type"]>(
  q: QuoteContext,
  cmd: Command & { type: K },
): PreviewQuote | undefined {
  const quoter = QUOTERS[cmd.type as K] as Quoter<K> | undefined;
  return quoter?.(q, cmd as never);
}
