/**
 * Notices raised between days (a host's injected shock, a player's offer) are shown at once; the
 * engine's next step clears state.notices, so the feed keeps them for that day's report (and the
 * store) and remembers which were shown, so that the room does not show them twice.
 */
import type { Notice } from "../../shared/engine/tradeState.ts";

export class NoticeFeed {
  private betweenDays: Notice[] = [];
  private readonly shown = new WeakSet<Notice>();

  /** `taken`: notices already in the state that were shown (a restored game's last day was). */
  constructor(private taken: number) {}

  /** Notices raised since the last call, to show now (and kept for the day's report). */
  take(notices: readonly Notice[]): Notice[] {
    const fresh = notices.slice(this.taken);
    this.taken = notices.length;
    for (const n of fresh) this.shown.add(n);
    this.betweenDays.push(...fresh);
    return fresh;
  }

  /** Whether a notice was already shown when it was raised (between days). */
  wasShown(notice: Notice): boolean {
    return this.shown.has(notice);
  }

  /** Before a step: everything raised since the last day, oldest first, for that day's report. */
  beforeStep(notices: readonly Notice[]): Notice[] {
    const early = [...this.betweenDays, ...notices.slice(this.taken)];
    this.betweenDays = [];
    return early;
  }

  /** After a step: the state's notices are the new day's. */
  afterStep(notices: readonly Notice[]): void {
    this.taken = notices.length;
  }
}
