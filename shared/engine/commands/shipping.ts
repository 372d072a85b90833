/** Stub: shipping is being written; every call is refused for now. */
import type { Company, GameState } from "../state.ts";
import { reject, type Rejection } from "./errors.ts";
import type { CommandOf } from "./schema.ts";

const notYet = (): Rejection => reject("MALFORMED", "Not available yet.", "暂不可用。");
export const validateShip = (_s: GameState, _c: Company, _cmd: CommandOf<"shipLot">): Rejection | null =>
  notYet();
export const applyShip = (_s: GameState, _c: Company, _cmd: CommandOf<"shipLot">): void => undefined;
