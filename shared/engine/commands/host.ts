/** Stub: host events are being written; every call is refused for now. */
import type { GameState } from "../state.ts";
import { reject, type Rejection } from "./errors.ts";
import type { CommandOf } from "./schema.ts";

const notYet = (): Rejection => reject("MALFORMED", "Not available yet.", "暂不可用。");
export const validateInject = (_s: GameState, _c: null, _cmd: CommandOf<"injectEvent">): Rejection | null =>
  notYet();
export const applyInject = (_s: GameState, _c: null, _cmd: CommandOf<"injectEvent">): void => undefined;
