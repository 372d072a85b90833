/**
 * The room's side of the store's health. While the store cannot write, a room takes no command and no
 * day passes: an acknowledgement is a promise that the action is stored, and a day that cannot be
 * stored would be lost at the next crash. The store keeps retrying what it holds; when it can write
 * again the room goes on by itself.
 */
import { refuse } from "../../shared/protocol/refusals/index.ts";
import type { Denial } from "../game/authorize.ts";
import type { GameStore } from "../store/store.ts";

/** What everyone is told when saving stops, and when it works again. */
export const STORE_DOWN = (reason: string) => ({
  en: `The server cannot save the game (${reason}). The game is paused and takes no commands; it goes on by itself once saving works again.`,
  zh: `服务器无法保存游戏（${reason}）。游戏已暂停，不接受指令；恢复保存后将自动继续。`,
});
export const STORE_UP = { en: "Saving works again; the game goes on.", zh: "保存已恢复，游戏继续。" };

export interface GateEvents {
  down(reason: string): void;
  up(): void;
}

export class StoreGate {
  private reason = "";
  private readonly unsubscribe: (() => void)[];

  constructor(
    private readonly store: GameStore,
    events: GateEvents,
  ) {
    this.unsubscribe = [
      store.onUnavailable((reason) => {
        this.reason = reason;
        events.down(reason);
      }),
      store.onAvailable(() => events.up()),
    ];
    if (!store.writable) {
      this.reason = store.unavailableReason ?? "the database cannot be written";
      events.down(this.reason);
    }
  }

  get writable(): boolean {
    return this.store.writable;
  }

  refusal(): Denial {
    return refuse("STORE_UNAVAILABLE", { reason: this.reason });
  }

  dispose(): void {
    for (const off of this.unsubscribe) off();
  }
}
