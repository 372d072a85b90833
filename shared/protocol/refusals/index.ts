/**
 * Every refusal the engine and the server give, in one table: a refusal id → a function of typed
 * parameters that returns the reason in English and Chinese, and the stable code programs see. Several
 * ids may share a code (several reasons a target is bad); an entry that is its own code is the function
 * alone. The compiler checks each call's parameters against its entry, so a wording and the facts it
 * needs are written once, here. Free of zod and of anything Node: the client may import it.
 *
 * Call sites: `refuse("REGION_BANNED", { region: spec.name })` → `{ code, message: { en, zh } }`.
 */
import type { Text } from "../../scenario/types.ts";
import { ENGINE_REFUSALS } from "./engine.ts";
import { HTTP_REFUSALS } from "./http.ts";
import type { RefusalEntry } from "./kit.ts";
import { ROOM_REFUSALS } from "./room.ts";
import { TRADE_REFUSALS } from "./trade.ts";
import { PREDICT_REFUSALS } from "./predict.ts";
import { FACTORY_REFUSALS } from "./factory.ts";
import { USED_MARKET_REFUSALS } from "./usedMarket.ts";
import { FINANCE_REFUSALS } from "./finance.ts";
import { CLASS_MAAS_REFUSALS } from "./classMaas.ts";
import { HOSTING_REFUSALS } from "./hosting.ts";

/** The table; its sections hold distinct ids (tests/protocol/refusals.test.ts checks that none repeats). */
export const REFUSALS = {
  ...ENGINE_REFUSALS,
  ...TRADE_REFUSALS,
  ...ROOM_REFUSALS,
  ...HTTP_REFUSALS,
  ...PREDICT_REFUSALS,
  ...FACTORY_REFUSALS,
  ...USED_MARKET_REFUSALS,
  ...FINANCE_REFUSALS,
  ...CLASS_MAAS_REFUSALS,
  ...HOSTING_REFUSALS,
};

type Table = typeof REFUSALS;
export type RefusalId = keyof Table;

type TextOf<E> = E extends { text: infer F } ? F : E;

/** Each refusal's parameters: what a call must pass (nothing, for a refusal without parameters). */
export type RefusalParams = {
  [K in RefusalId]: TextOf<Table[K]> extends (...args: infer P) => Text ? P : never;
};

/** The code a refusal answers with: the entry's own, or its id. */
export type RefusalCode<K extends RefusalId> = Table[K] extends { code: infer C extends string } ? C : K;

export interface Refused<C extends string = string> {
  code: C;
  message: Text;
}

/** The refusal `id` with its parameters: its code and its reason in both languages. */
export function refuse<K extends RefusalId>(id: K, ...params: RefusalParams[K]): Refused<RefusalCode<K>> {
  const entry: RefusalEntry = REFUSALS[id];
  const text = (typeof entry === "function" ? entry : entry.text) as (...args: unknown[]) => Text;
  const code = typeof entry === "function" ? id : entry.code;
  return { code, message: text(...params) } as Refused<RefusalCode<K>>;
}
