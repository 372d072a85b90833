/** Stub: buyUsed and offers between players are being written (helper); every call is refused for now. */
import type { Company, GameState } from "../state.ts";
import { reject, type Rejection } from "./errors.ts";
import type { CommandOf } from "./schema.ts";

const notYet = (): Rejection => reject("MALFORMED", "Not available yet.", "暂不可用。");
export const validateBuyUsed = (_s: GameState, _c: Company, _cmd: CommandOf<"buyUsed">): Rejection | null =>
  notYet();
export const applyBuyUsed = (_s: GameState, _c: Company, _cmd: CommandOf<"buyUsed">): void => undefined;
export const validateOffer = (_s: GameState, _c: Company, _cmd: CommandOf<"offerLot">): Rejection | null =>
  notYet();
export const applyOffer = (_s: GameState, _c: Company, _cmd: CommandOf<"offerLot">): void => undefined;
export const validateRespond = (
  _s: GameState,
  _c: Company,
  _cmd: CommandOf<"respondOffer">,
): Rejection | null => notYet();
export const applyRespond = (_s: GameState, _c: Company, _cmd: CommandOf<"respondOffer">): void => undefined;
export const validateCancel = (
  _s: GameState,
  _c: Company,
  _cmd: CommandOf<"cancelOffer">,
): Rejection | null => notYet();
export const applyCancel = (_s: GameState, _c: Company, _cmd: CommandOf<"cancelOffer">): void => undefined;
