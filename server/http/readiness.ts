/**
 * /health and /ready, for load balancers, process managers and orchestrators (issue #15 §3):
 * - /health: the process is alive and answers HTTP (restart it when this fails);
 * - /ready: it can serve games now: the database answers a query and takes writes, Redis answers a
 *   PING (when REDIS_URL is set), and the games running when it started have been restored. 503 with
 *   each check's reason otherwise: send no new players here, but do not restart it for that.
 * Each check has a deadline, so a hung database or Redis makes /ready answer "not ready" rather than
 * hang the prober.
 */
import { Redis } from "ioredis";
import type { GameStore } from "../store/store.ts";

export interface Check {
  name: string;
  /** Resolves null when fine, or the reason it is not; may throw (the error's message is the reason). */
  run(): Promise<string | null>;
}

export interface CheckResult {
  ok: boolean;
  ms: number;
  reason?: string;
}

export interface Readiness {
  ready: boolean;
  checks: Record<string, CheckResult>;
}

const CHECK_MS = 2000;

let checks: Check[] = [];
let recovered = false;

/** The checks /ready runs (start-up sets them; tests set their own). Recovery starts unfinished. */
export function configureReadiness(list: Check[]): void {
  checks = list;
  recovered = false;
}

/** Start-up (or a takeover) has restored the games it had to: /ready may answer ready. */
export function markRecovered(done = true): void {
  recovered = done;
}

async function timed(check: Check, ms: number): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<string>((r) => (timer = setTimeout(() => r(`no answer within ${ms} ms`), ms)));
  try {
    const reason = await Promise.race([check.run(), deadline]);
    const took = Math.round(performance.now() - started);
    return reason === null ? { ok: true, ms: took } : { ok: false, ms: took, reason };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, ms: Math.round(performance.now() - started), reason };
  } finally {
    clearTimeout(timer);
  }
}

export async function readiness(ms = CHECK_MS): Promise<Readiness> {
  const results = await Promise.all(checks.map(async (c) => [c.name, await timed(c, ms)] as const));
  const all: Record<string, CheckResult> = Object.fromEntries(results);
  all.recovery = recovered ? { ok: true, ms: 0 } : { ok: false, ms: 0, reason: "restoring running games" };
  return { ready: Object.values(all).every((r) => r.ok), checks: all };
}

/** The database answers a trivial query (a session that does not exist) and takes writes. */
export function databaseCheck(store: GameStore): Check {
  return {
    name: "database",
    async run() {
      await store.session("readiness-probe");
      return store.writable ? null : `writes are held: ${store.unavailableReason ?? "unknown reason"}`;
    },
  };
}

/**
 * Redis answers PING, on a connection of its own (Colyseus's are internal to its presence). No offline
 * queue: while Redis is down the PING fails at once instead of waiting for the reconnection.
 */
export function redisCheck(url: string): Check & { close(): Promise<void> } {
  const redis = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
  redis.on("error", () => undefined); // the check reports it; ioredis retries in the background
  return {
    name: "redis",
    async run() {
      if (redis.status === "wait") await redis.connect();
      return (await redis.ping()) === "PONG" ? null : "unexpected answer to PING";
    },
    async close() {
      redis.disconnect();
    },
  };
}
