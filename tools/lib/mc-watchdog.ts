/**
 * The watchdog over strategies from files: a loop in one cannot be interrupted on the thread running
 * it, so the worker marks each call in shared memory (which seat, which day, a call counter) and the
 * pool's thread looks every WATCH_EVERY_MS: a call still under way after the time allowed gets its worker
 * terminated, and the run is played again on a new worker with that seat stopped from that day (the
 * game being deterministic, the other seats play the same game up to then). Only runs with a strategy
 * from a file are watched; built-in bots are trusted code.
 */
import type { Stop, Watch } from "./mc-guests.ts";

/** Default time one call of a file's strategy may take, ms (a game makes about a thousand calls). */
export const STRATEGY_TIMEOUT_MS = 5_000;

/** How often the pool looks at its workers' slots, ms. */
export const WATCH_EVERY_MS = 50;

/** Slot layout (Int32): 0 a call is under way (1) or not (0), 1 calls made, 2 the seat, 3 the day. */
const SLOTS = 4;

export function newSlots(): SharedArrayBuffer {
  return new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT);
}

/** The worker's side: marks each call. */
export function slotWatch(buffer: SharedArrayBuffer): Watch {
  const slots = new Int32Array(buffer);
  return {
    start(seat, tick) {
      Atomics.store(slots, 2, seat);
      Atomics.store(slots, 3, tick);
      Atomics.add(slots, 1, 1);
      Atomics.store(slots, 0, 1);
    },
    end() {
      Atomics.store(slots, 0, 0);
    },
  };
}

/** The pool's side, one per worker: is its current call over time? */
export class SlotReader {
  private readonly slots: Int32Array;
  private seenCall = -1;
  private seenAt = 0;

  constructor(buffer: SharedArrayBuffer) {
    this.slots = new Int32Array(buffer);
  }

  /** The seat and day of a call that has run longer than `timeoutMs` (as of `now`), or null. */
  overdue(now: number, timeoutMs: number): { seat: number; tick: number } | null {
    if (Atomics.load(this.slots, 0) === 0) {
      this.seenCall = -1;
      return null;
    }
    const call = Atomics.load(this.slots, 1);
    if (call !== this.seenCall) {
      this.seenCall = call;
      this.seenAt = now;
      return null;
    }
    if (now - this.seenAt < timeoutMs) return null;
    return { seat: Atomics.load(this.slots, 2), tick: Atomics.load(this.slots, 3) };
  }

  /** A fresh start (a new worker reuses the buffer). */
  reset(): void {
    Atomics.store(this.slots, 0, 0);
    this.seenCall = -1;
  }
}

/** The stop a timed-out call earns its seat, with the message naming the strategy and the day. */
export function timeoutStop(seat: number, tick: number, label: string, run: number, timeoutMs: number): Stop {
  return {
    seat,
    tick,
    reason: `strategy ${label} timed out on day ${tick} (run ${run}): no answer within ${timeoutMs} ms, stopped`,
  };
}
