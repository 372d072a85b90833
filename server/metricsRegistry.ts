/**
 * Prometheus metrics (GET /metrics, see http/metricsRoute.ts): rooms and clients, each tick's duration,
 * event-loop lag (prom-client's default process metrics), store write latency and failures, and the
 * messages rooms refused, by code. Each server has its own registry, not prom-client's global one, so
 * that two servers in one process (tests) do not register the same metric twice.
 */
import { matchMaker } from "@colyseus/core";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { GameStore } from "./store/store.ts";
import { onHttpLimited, onRejected, onTick } from "./metrics.ts";

export interface ServerMetrics {
  registry: Registry;
  /** The store, its writes timed and counted (the same object's other methods pass through). */
  meterStore<S extends GameStore>(store: S): S;
  /** Stops listening to the rooms (the server stops). */
  stop(): void;
}

/** Writes of the store's interface: what a room waits on before acknowledging a command. */
const WRITES = new Set(["saveSession", "saveProgress", "recordDay", "saveResult", "markAbandoned"]);

/** A day takes a few milliseconds; a slow one tens (bots' turns); over a second is a stalled room. */
const TICK_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
/** A write lands with its group's commit: milliseconds; while the database is unavailable, much longer. */
const WRITE_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30];

export function createMetrics(): ServerMetrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry }); // includes nodejs_eventloop_lag_seconds and its percentiles
  new Gauge({
    name: "atlas_rooms",
    help: "Rooms held by this process (games and the lobby)",
    registers,
    collect() {
      this.set(matchMaker.stats.local.roomCount);
    },
  });
  new Gauge({
    name: "atlas_clients",
    help: "Connected clients in this process's rooms",
    registers,
    collect() {
      this.set(matchMaker.stats.local.ccu);
    },
  });
  const ticks = new Histogram({
    name: "atlas_tick_duration_seconds",
    help: "Time a room's game day takes on the server (bots, engine, projection, store queue)",
    buckets: TICK_BUCKETS,
    registers,
  });
  const rejected = new Counter({
    name: "atlas_rejected_messages_total",
    help: "Messages rooms refused, by refusal code",
    labelNames: ["code"],
    registers,
  });
  const limited = new Counter({
    name: "atlas_http_rate_limited_total",
    help: "HTTP requests refused 429 by the shared per-address limits, by kind",
    labelNames: ["kind"],
    registers,
  });
  const stops = [
    onTick((ms) => ticks.observe(ms / 1000)),
    onRejected((code) => rejected.inc({ code })),
    onHttpLimited((kind) => limited.inc({ kind })),
  ];
  const meterStore = storeMetrics(registry);
  return {
    registry,
    meterStore,
    stop: () => stops.forEach((s) => s()),
  };
}

/** The store's metrics, and a wrapper that times every write through the store's own interface. */
function storeMetrics(registry: Registry): <S extends GameStore>(store: S) => S {
  const registers = [registry];
  const latency = new Histogram({
    name: "atlas_store_write_seconds",
    help: "Time from a write's call to its commit (queueing included), by write",
    labelNames: ["write"],
    buckets: WRITE_BUCKETS,
    registers,
  });
  const failures = new Counter({
    name: "atlas_store_write_failures_total",
    help: "Writes that will never be stored (refused, or the store closed while unavailable), by write",
    labelNames: ["write"],
    registers,
  });
  const outages = new Counter({
    name: "atlas_store_unavailable_total",
    help: "Times the store became unavailable (writes held and retried)",
    registers,
  });
  let watched: GameStore | null = null;
  new Gauge({
    name: "atlas_store_pending_writes",
    help: "Writes queued or being retried",
    registers,
    collect() {
      this.set(watched?.pendingWrites ?? 0);
    },
  });
  new Gauge({
    name: "atlas_store_writable",
    help: "1 while writes land, 0 while they are held",
    registers,
    collect() {
      this.set(watched && !watched.writable ? 0 : 1);
    },
  });
  return (store) => {
    watched = store;
    store.onUnavailable(() => outages.inc());
    return timedWrites(store, (write, seconds, ok) =>
      ok ? latency.observe({ write }, seconds) : failures.inc({ write }),
    );
  };
}

type WriteDone = (write: string, seconds: number, ok: boolean) => void;

/**
 * The store with its writes timed: a Proxy, so that whatever else the store has (getters, methods a
 * newer store adds) reaches the store itself, with the store as `this`.
 */
function timedWrites<S extends GameStore>(store: S, done: WriteDone): S {
  return new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      const method = value as (...args: unknown[]) => unknown;
      if (typeof property !== "string" || !WRITES.has(property)) return method.bind(target);
      return (...args: unknown[]) => {
        const started = performance.now();
        const result = method.apply(target, args) as Promise<void>;
        const seconds = () => (performance.now() - started) / 1000;
        result.then(
          () => done(property, seconds(), true),
          () => done(property, seconds(), false),
        );
        return result;
      };
    },
  });
}
