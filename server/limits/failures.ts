/**
 * Limits whose budget is spent by failures only (join-code misses, wrong secrets): a class of thirty
 * behind one school address typing the right code, or a host opening their own exports, never runs
 * into them, while guessing is nothing but failures. Once an address is over a failure limit, every
 * attempt is refused until it refills, right or wrong: otherwise a lucky guess would still get through.
 * The wrong-secret budget is one for HTTP (exports, debrief) and WebSocket joins (the game room).
 */
import { AddressLimiter, type AddressLimit } from "./addressLimiter.ts";

/** Limits whose budget is spent by failures only; checked before an attempt, spent after a failed one. */
export class FailureLimit {
  private readonly limiter: AddressLimiter;

  constructor(limit: AddressLimit) {
    this.limiter = new AddressLimiter(limit);
  }

  /** Milliseconds until `address` may try again; 0 when it may now. */
  retryAfterMs(address: string, now: number): number {
    return this.limiter.retryAfterMs(address, now);
  }

  allowed(address: string, now: number): boolean {
    return this.retryAfterMs(address, now) === 0;
  }

  noteFailure(address: string, now: number): void {
    this.limiter.allow(address, now);
  }
}

/** Wrong host secrets, seat tokens and admin secrets: 10 at once, then one every 10 seconds. */
const secretFailures = new FailureLimit({ burst: 10, perSecond: 0.1 });

/**
 * Whether `address` may present a secret now. The game room calls this before checking a host secret
 * on a WebSocket join, and noteFailedSecret after a wrong one: one budget for HTTP and sockets alike.
 */
export function secretGuessAllowed(address: string, now: number): boolean {
  return secretFailures.allowed(address, now);
}

export function noteFailedSecret(address: string, now: number): void {
  secretFailures.noteFailure(address, now);
}

export function secretRetryAfterMs(address: string, now: number): number {
  return secretFailures.retryAfterMs(address, now);
}
