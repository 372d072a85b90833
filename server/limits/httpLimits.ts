/**
 * HTTP request limits per client address, shared by every process (issue #15 §3): join-code look-ups,
 * matchmaking, exports and debriefs, each counted in a fixed window by rate-limiter-flexible. With
 * REDIS_URL the count lives in Redis, so an address spreading its requests over several processes
 * behind a proxy gets no more than from one; without it, in this process's memory. Should Redis stop
 * answering, each process goes on counting in memory (the insurance limiter) rather than refusing all.
 *
 * These bound the volume of requests; the per-address failure limits (join-code misses, wrong secrets:
 * limits/failures.ts) and the WebSocket message limits (AddressLimiter) stay as they are.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { Redis } from "ioredis";
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { clientAddress } from "./addressLimiter.ts";
import { refusal, tooMany } from "../http/respond.ts";
import { log } from "../log.ts";
import { noteHttpLimited } from "../metrics.ts";

export type HttpLimitKind = "code" | "matchmake" | "export" | "debrief";

/** Requests a minute per address, as a share of HTTP_LIMIT_PER_MINUTE (look-ups and joins take it all). */
const SHARE: Record<HttpLimitKind, number> = {
  // A class of 30 behind one school address looks its code up once or twice each, and joins (and
  // rejoins after a dropped connection) as often: the whole allowance.
  code: 1,
  matchmake: 1,
  // A teacher downloads a few files, a debrief page asks once per view: half is plenty, and each is a
  // database read of a whole game (a debrief replays it), which is what a flood would cost.
  export: 0.5,
  debrief: 0.5,
};

export const DEFAULT_PER_MINUTE = 120;
const KINDS = Object.keys(SHARE) as HttpLimitKind[];

export interface HttpLimits {
  limiters: Record<HttpLimitKind, RateLimiterAbstract>;
  /**
   * Resolves once Redis is connected (at once without it), or after a few seconds without Redis: start-up
   * waits for it, so that the first requests are counted where every process counts them. Never rejects.
   */
  ready: Promise<void>;
  close(): void;
}

const CONNECT_WAIT_MS = 5000;

function limiters(make: (kind: HttpLimitKind, points: number) => RateLimiterAbstract) {
  return Object.fromEntries(KINDS.map((k) => [k, make(k, 0)])) as Record<HttpLimitKind, RateLimiterAbstract>;
}

/** The requests `kind` allows an address in a window of `windowSeconds` at `perMinute`. */
function pointsOf(kind: HttpLimitKind, perMinute: number, windowSeconds: number): number {
  return Math.max(1, Math.floor((perMinute * SHARE[kind] * windowSeconds) / 60));
}

/**
 * Limits counted in Redis when `redisUrl` is set (shared by every process on it), else in memory. The
 * allowance is counted over fixed windows of `windowSeconds` (HTTP_LIMIT_WINDOW_SECONDS, default a
 * minute): a longer window evens out bursts, and lets a test count a whole allowance without a window
 * ending under it on a slow machine.
 */
export function createHttpLimits(
  redisUrl: string | undefined,
  perMinute = DEFAULT_PER_MINUTE,
  windowSeconds = 60,
): HttpLimits {
  const points = (kind: HttpLimitKind) => pointsOf(kind, perMinute, windowSeconds);
  const memory = (kind: HttpLimitKind) =>
    new RateLimiterMemory({ keyPrefix: `http-${kind}`, points: points(kind), duration: windowSeconds });
  if (!redisUrl) return { limiters: limiters(memory), ready: Promise.resolve(), close: () => undefined };
  // No offline queue: while Redis is away a count fails at once and the insurance limiter counts.
  const redis = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  redis.on("error", () => undefined); // ioredis reconnects; /ready reports Redis's state
  const shared = (kind: HttpLimitKind) =>
    new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `atlas:http:${kind}`,
      points: points(kind),
      duration: windowSeconds,
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory(kind),
    });
  const ready = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, CONNECT_WAIT_MS);
    redis.once("ready", () => (clearTimeout(timer), resolve()));
  });
  return { limiters: limiters(shared), ready, close: () => redis.disconnect() };
}

let current: HttpLimits = createHttpLimits(undefined);

/** The process's limits (start-up sets them from REDIS_URL; until then, and in tests, in memory). */
export function configureHttpLimits(limits: HttpLimits): void {
  current = limits;
}

/** Milliseconds `address` must wait before another request of `kind`; 0 when this one is counted. */
export async function spend(kind: HttpLimitKind, address: string, limits = current): Promise<number> {
  try {
    await limits.limiters[kind].consume(address);
    return 0;
  } catch (e) {
    if (e instanceof RateLimiterRes) return Math.max(1, e.msBeforeNext);
    // Neither Redis nor the insurance could count: let the request through rather than refuse everyone.
    log().warn({ err: e, kind }, "HTTP limit could not be counted; request let through");
    return 0;
  }
}

/**
 * Counts the request against its address's `kind` limit; past it, answers 429 (Retry-After, and the
 * refusal naming what was limited) and returns false.
 */
export async function admitRequest(
  kind: HttpLimitKind,
  req: IncomingMessage,
  res: ServerResponse,
  headers: OutgoingHttpHeaders = {},
): Promise<boolean> {
  const wait = await spend(kind, clientAddress(req));
  if (wait === 0) return true;
  noteHttpLimited(kind);
  tooMany(res, wait, (seconds) => refusal("TOO_MANY_REQUESTS", { seconds, what: kind }), headers);
  return false;
}
