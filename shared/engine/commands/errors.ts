/**
 * Rejections: a stable code for programs and a plain-language reason in English and Chinese. The
 * wordings live in one table, shared/protocol/refusals: `refuse(id, params)` makes a rejection.
 */
import type { Text } from "../../scenario/types.ts";

export interface Rejection {
  code: RejectionCode;
  message: Text;
}

export type RejectionCode =
  | "MALFORMED"
  | "NOT_A_COMPANY"
  | "GAME_OVER"
  | "BANKRUPT"
  | "UNKNOWN_MODEL"
  | "NOT_RELEASED"
  | "OUT_OF_PRODUCTION"
  | "INSUFFICIENT_CASH"
  | "UNKNOWN_REGION"
  | "REGION_BANNED"
  | "NO_CAPACITY"
  | "NO_LEASE"
  | "LEASE_IN_USE"
  | "UNKNOWN_LOT"
  | "NOT_OWNER"
  | "LOT_NOT_READY"
  | "LOT_ALREADY_INSTALLED"
  | "LOT_NOT_INSTALLED"
  | "NO_LEASE_ROOM"
  | "ALREADY_SO"
  | "BAD_QUANTITY"
  | "NOT_HOST"
  | "NO_ROUTE"
  | "EXPORT_BLOCKED"
  | "UNKNOWN_FACTORY"
  | "FACTORY_CLOSED"
  | "LOT_BUSY"
  | "LOT_NOT_HERE"
  | "UNKNOWN_OFFER"
  | "OFFER_CLOSED"
  | "UNKNOWN_TEMPLATE"
  | "BAD_TARGET"
  | "BAD_PARAMS"
  | "MORATORIUM"
  | "FACTORY_SOLD_OUT"
  | "UNKNOWN_PREORDER"
  // Finance (commands/loans.ts).
  | "LOT_PLEDGED"
  | "OVER_LTV"
  | "UNKNOWN_LOAN";
