/**
 * Tick timing: how long each room's day takes on the server (bots, engine, projection, store queue),
 * kept as a bounded window per process, for the load test and the admin. Wall-clock time belongs here,
 * in the server, never in the engine.
 *
 * The rooms also report here what Prometheus counts (each tick's duration, each refused message's
 * code); each server's registry (metricsRegistry.ts) listens while it runs.
 */
import { performance } from "node:perf_hooks";

const WINDOW = 20_000;
const samples: number[] = [];
let next = 0;
let ticks = 0;
const tickListeners = new Set<(ms: number) => void>();
const rejectedListeners = new Set<(code: string) => void>();

/** Told each tick's duration in ms; returns a function that stops it. */
export function onTick(listener: (ms: number) => void): () => void {
  tickListeners.add(listener);
  return () => tickListeners.delete(listener);
}

/** Told the code of each message a room refused; returns a function that stops it. */
export function onRejected(listener: (code: string) => void): () => void {
  rejectedListeners.add(listener);
  return () => rejectedListeners.delete(listener);
}

/** A room refused a message (GameRoom.deny): counted by code. */
export function noteRejected(code: string): void {
  for (const l of rejectedListeners) l(code);
}

const limitedListeners = new Set<(kind: string) => void>();

/** Told the kind of each HTTP request refused by the shared limits; returns a function that stops it. */
export function onHttpLimited(listener: (kind: string) => void): () => void {
  limitedListeners.add(listener);
  return () => limitedListeners.delete(listener);
}

/** An HTTP request was refused 429 by the shared limits (limits/httpLimits.ts). */
export function noteHttpLimited(kind: string): void {
  for (const l of limitedListeners) l(kind);
}

export function timeTick<T>(work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    const ms = performance.now() - start;
    if (samples.length < WINDOW) samples.push(ms);
    else samples[next] = ms;
    next = (next + 1) % WINDOW;
    ticks++;
    for (const l of tickListeners) l(ms);
  }
}

export function tickStats(): { ticks: number; p50: number; p99: number; max: number; window: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { ticks, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0, window: sorted.length };
}
