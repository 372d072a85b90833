/**
 * Per-address limits: a token bucket for each client address (room creation, join-code look-ups,
 * host-secret guesses, spectators…), so that one address cannot flood what everyone shares. Time comes
 * from the caller, so tests drive it without waiting. Buckets of addresses that went quiet are forgotten
 * (a bucket that has refilled says nothing a new one would not), so the map cannot grow without bound.
 */
import type { IncomingMessage } from "node:http";
import { newBucket, take, type Bucket } from "../game/rateLimit.ts";

export interface AddressLimit {
  /** Messages or requests allowed at once. */
  burst: number;
  /** Refill rate. */
  perSecond: number;
}

/** The address a request comes from: the socket's peer, or the proxy's header when the proxy is trusted. */
export function clientAddress(
  req: IncomingMessage | undefined,
  trustProxy = process.env.TRUST_PROXY === "1",
): string {
  if (!req) return "unknown";
  if (trustProxy) {
    const forwarded = req.headers["x-forwarded-for"];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? "unknown";
}

export class AddressLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private sweptAt = 0;

  constructor(readonly limit: AddressLimit) {}

  /** Takes one token for `address`; false when the address is over its limit. */
  allow(address: string, now: number): boolean {
    this.forgetQuiet(now);
    let bucket = this.buckets.get(address);
    if (!bucket) {
      bucket = newBucket(this.limit.burst, now);
      this.buckets.set(address, bucket);
    }
    return take(bucket, now, this.limit.perSecond, this.limit.burst);
  }

  /** Milliseconds until `address` may try again (0 when it may now). */
  retryAfterMs(address: string, now: number): number {
    const bucket = this.buckets.get(address);
    if (!bucket) return 0;
    const tokens = Math.min(
      this.limit.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond,
    );
    return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) / this.limit.perSecond) * 1000);
  }

  /** Drops buckets that have been full again for a while: at most one sweep a second, and only when many. */
  private forgetQuiet(now: number): void {
    if (this.buckets.size < 1000 || now - this.sweptAt < 1000) return;
    this.sweptAt = now;
    const full = (this.limit.burst / this.limit.perSecond) * 1000;
    for (const [address, bucket] of this.buckets) if (now - bucket.at > full) this.buckets.delete(address);
  }
}
