/**
 * A batch of Monte-Carlo runs on worker threads: hands each free worker the next run, gathers the results
 * by run index, and — when strategies from files play — watches their calls (mc-watchdog.ts): a worker
 * stuck in one past the time allowed is terminated and replaced, and its run is queued again, first,
 * with that seat stopped from that day. Every run depends only on its seed (and its stops), so the
 * outcome is the same for any number of jobs.
 */
import type { Worker } from "node:worker_threads";
import { parseStrategyName } from "../../shared/index.ts";
import type { ReplayLog } from "../../shared/replay/index.ts";
import type { Stop } from "./mc-guests.ts";
import type { PoolOptions, ToPool, ToWorker } from "./mc-pool.ts";
import type { McConfig, RunResult } from "./montecarlo.ts";
import { seatsOfRun } from "./seats.ts";
import type { StrategyCode } from "./strategyModule.ts";
import { newSlots, SlotReader, STRATEGY_TIMEOUT_MS, timeoutStop, WATCH_EVERY_MS } from "./mc-watchdog.ts";

interface Hand {
  worker: Worker;
  slots: SharedArrayBuffer | null;
  reader: SlotReader | null;
  /** The run it plays now, or null. */
  run: number | null;
  /** Terminated by the watchdog: its exit is expected. */
  killed: boolean;
}

export class Batch {
  readonly results: RunResult[];
  log: ReplayLog | null = null;
  finish: () => void = () => undefined;
  fail: (error: Error) => void = () => undefined;
  private readonly hands: Hand[] = [];
  private readonly queue: number[] = [];
  private readonly stops = new Map<number, Stop[]>();
  private readonly began = performance.now();
  private firstReadyMs = 0;
  private allReadyMs = 0;
  private ready = 0;
  private done = 0;
  private timer: NodeJS.Timeout | null = null;
  private data: unknown = null;
  private code = "";

  constructor(
    private readonly config: McConfig,
    private readonly options: PoolOptions,
    private readonly guests: StrategyCode | null,
    /** Starts a worker thread on the bundled code (mc-pool.ts's startWorker). */
    private readonly startWorker: (code: string, data: unknown) => Worker,
  ) {
    this.results = new Array<RunResult>(config.runs);
    for (let run = 0; run < config.runs; run++) this.queue.push(run);
  }

  /** Starts a worker (with shared-memory slots for the watchdog when strategies from files play). */
  start(code: string, data: Record<string, unknown>): void {
    this.code = code;
    this.data = data;
    const slots = this.guests ? newSlots() : null;
    const worker = this.startWorker(code, { ...data, slots });
    const hand: Hand = { worker, slots, reader: slots && new SlotReader(slots), run: null, killed: false };
    this.hands.push(hand);
    worker.on("message", (message: ToPool) => this.heard(hand, message));
    worker.on("error", (error) => this.fail(error));
    worker.on("exit", (exit) => {
      if (exit !== 0 && !hand.killed && this.done < this.config.runs)
        this.fail(new Error(`a Monte-Carlo worker exited with code ${exit}`));
    });
  }

  private heard(hand: Hand, message: ToPool): void {
    if (message.type === "error") {
      this.fail(new Error(`a Monte-Carlo worker failed: ${message.message}`));
      return;
    }
    if (message.type === "ready") {
      if (++this.ready === 1) this.firstReadyMs = performance.now() - this.began;
      if (this.ready === this.hands.length) this.allReadyMs = performance.now() - this.began;
    }
    if (message.type === "result") {
      hand.run = null;
      this.results[message.result.run] = message.result;
      if (message.log) this.log = message.log;
      this.done++;
      this.options.onResult?.(message.result, this.done);
      if (this.done === this.config.runs) this.finish();
    }
    this.feed(hand);
  }

  private feed(hand: Hand): void {
    const run = this.queue.shift();
    if (run === undefined) {
      hand.worker.postMessage({ type: "stop" } satisfies ToWorker);
      return;
    }
    hand.run = run;
    hand.worker.postMessage({ type: "run", run, stops: this.stops.get(run) ?? [] } satisfies ToWorker);
  }

  /** With strategies from files: looks at every worker's current call every WATCH_EVERY_MS. */
  watch(): void {
    if (!this.guests) return;
    const timeoutMs = this.config.strategyTimeoutMs ?? STRATEGY_TIMEOUT_MS;
    this.timer = setInterval(() => {
      const now = performance.now();
      for (const hand of [...this.hands]) {
        const late = hand.reader?.overdue(now, timeoutMs);
        if (late && hand.run !== null && !hand.killed) this.replace(hand, hand.run, late, timeoutMs);
      }
    }, WATCH_EVERY_MS);
  }

  /** Kills a worker stuck in a strategy's call; its run goes first in the queue, with the seat stopped. */
  private replace(hand: Hand, run: number, late: { seat: number; tick: number }, timeoutMs: number): void {
    hand.killed = true;
    void hand.worker.terminate();
    this.hands.splice(this.hands.indexOf(hand), 1);
    const label = parseStrategyName(seatsOfRun(this.config, run)[late.seat] ?? "").strategy;
    const stops = [...(this.stops.get(run) ?? []), timeoutStop(late.seat, late.tick, label, run, timeoutMs)];
    this.stops.set(run, stops);
    this.queue.unshift(run);
    this.ready--;
    this.start(this.code, this.data as Record<string, unknown>);
  }

  startupMs(jobs: number): number {
    return this.ready < jobs ? this.firstReadyMs : this.allReadyMs;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await Promise.all(this.hands.map((h) => h.worker.terminate()));
  }
}
