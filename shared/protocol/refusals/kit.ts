/**
 * What a refusal table entry is: a function of its typed parameters that returns the reason in English
 * and Chinese. An entry whose id is its code is the function alone; an entry that is one of several
 * wordings of a code carries the code beside its text.
 */
import type { Text } from "../../scenario/types.ts";

export type RefusalText = (params: never) => Text;

export type RefusalEntry = RefusalText | { readonly code: string; readonly text: RefusalText };

/** The first problem a schema found (a zod issue), if any: where it is and what is wrong. */
export type Issue = { readonly path: readonly PropertyKey[]; readonly message: string } | undefined;

/** The problem's message, or "invalid" when the schema gave none. */
export const problem = (issue: Issue): string => issue?.message ?? "invalid";

/** A game's phase, as the server keeps it. */
export type { Phase as GamePhase } from "../constants.ts";

/** A whole number with thousands separators, without locale data: "12,345" (both languages). */
export function grouped(n: number): string {
  const sign = n < 0 ? "-" : "";
  return sign + String(Math.abs(Math.round(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Power for people, in each language's unit: "1,200 kW" / "1,200 千瓦". */
export const kwEn = (kw: number): string => `${grouped(kw)} kW`;
export const kwZh = (kw: number): string => `${grouped(kw)} 千瓦`;

/** Bitcoin from satoshis, its whole part grouped, trailing zeros dropped: "1,250.5 BTC". */
export function btcOfSats(sats: number): string {
  const whole = Math.trunc(Math.abs(sats) / 1e8);
  const frac = String(Math.abs(sats) % 1e8)
    .padStart(8, "0")
    .replace(/0+$/, "");
  return `${sats < 0 ? "-" : ""}${grouped(whole)}${frac ? `.${frac}` : ""} BTC`;
}

/** A lot's or an offer's number for people ("lot-7" → "7"): reasons say "Lot 7", not "Lot lot-7". */
export const numberOf = (id: string): string => id.replace(/^(lot|offer|ship)-/, "");
