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
