/**
 * A queue worker's game threads: the local pool's own worker (mc-worker.ts, bundled by mc-bundle.ts,
 * with the pool's heap settings), so a job is played by exactly the code a local run uses. A thread
 * holds one batch's scenario and bots (given when it starts); a job from another batch restarts it with
 * that batch's. Games run on threads, not on the worker's event loop, so BullMQ keeps renewing the
 * job's lock while a long game plays and the job is not taken for stalled.
 */
import { hostname } from "node:os";
import type { Worker } from "node:worker_threads";
import { workerBundle } from "./mc-bundle.ts";
import { startWorker, type ToPool, type ToWorker } from "./mc-pool.ts";
import { seedsOf, type McJob, type McJobResult } from "./mc-queue.ts";
import type { RunResult } from "./montecarlo.ts";
import type { ReplayLog } from "../../shared/replay/index.ts";

/** A run that threw in the engine or a strategy: its message names the seed. */
export class RunFailed extends Error {
  override name = "RunFailed";
}

interface Slot {
  index: number;
  thread: Worker | null;
  runId: string | null;
  busy: boolean;
  /** Settles the run being played on this thread. */
  waiting: ((message: ToPool | Error) => void) | null;
}

export class GameThreads {
  private readonly slots: Slot[];
  /** Set by stop(): a job still setting up its thread (bundling) must not start a game after it. */
  private stopped = false;

  constructor(count: number) {
    this.slots = Array.from({ length: count }, (_, index) => ({
      index,
      thread: null,
      runId: null,
      busy: false,
      waiting: null,
    }));
  }

  /** Plays a job's runs on a free thread. BullMQ's concurrency equals the thread count, so one is free. */
  async play(job: McJob): Promise<McJobResult> {
    // A free thread that already holds this batch's scenario, else any free one.
    const slot = this.slots.find((s) => !s.busy && s.runId === job.runId) ?? this.slots.find((s) => !s.busy);
    if (!slot) throw new Error("no free game thread (the worker's concurrency exceeds its threads)");
    slot.busy = true;
    try {
      if (slot.runId !== job.runId) await this.restart(slot, job);
      const results: RunResult[] = [];
      let log: ReplayLog | null = null;
      for (const run of job.runs) {
        const message = await this.runOn(slot, run);
        if (message.type === "error") {
          const seed = job.config.seed + run;
          throw new RunFailed(`seed ${seed} (run ${run}) failed: ${firstLine(message.message)}`);
        }
        if (message.type === "result") {
          results.push(message.result);
          log ??= message.log;
        }
      }
      return { runId: job.runId, results, log, worker: `${hostname()}/${process.pid}/${slot.index}` };
    } catch (error) {
      // A run that threw leaves its thread fine; any other failure: a new thread for the next job.
      if (error instanceof RunFailed) throw error;
      await this.stopSlot(slot);
      throw new Error(`${seedsOf(job)}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      slot.busy = false;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.slots.map((slot) => this.stopSlot(slot)));
  }

  private async stopSlot(slot: Slot): Promise<void> {
    const thread = slot.thread;
    slot.thread = null;
    slot.runId = null;
    if (thread) await thread.terminate();
    // A run in play on the stopped thread ends with an error (its exit is no longer this slot's).
    settle(slot, new Error("its game thread was stopped"));
  }

  private async restart(slot: Slot, job: McJob): Promise<void> {
    await this.stopSlot(slot);
    const code = await workerBundle();
    if (this.stopped) throw new Error("the worker is stopping");
    const thread = startWorker(code, {
      config: job.config,
      scenario: job.scenario,
      logRun: job.logRun,
    });
    thread.on("message", (message: ToPool) => {
      if (message.type !== "ready") settle(slot, message);
    });
    thread.on("error", (error) => settle(slot, error));
    thread.on("exit", (code) => {
      if (slot.thread !== thread) return; // stopped on purpose
      // Died (out of memory, say): the next job on this slot starts a new one.
      slot.thread = null;
      slot.runId = null;
      settle(slot, new Error(`its game thread exited with code ${code}`));
    });
    slot.thread = thread;
    slot.runId = job.runId;
  }

  private runOn(slot: Slot, run: number): Promise<ToPool> {
    return new Promise<ToPool>((resolve, reject) => {
      if (!slot.thread) return reject(new Error("its game thread is gone"));
      slot.waiting = (message) => (message instanceof Error ? reject(message) : resolve(message));
      slot.thread?.postMessage({ type: "run", run } satisfies ToWorker);
    });
  }
}

function settle(slot: Slot, message: ToPool | Error): void {
  const waiting = slot.waiting;
  slot.waiting = null;
  waiting?.(message);
}

/** The first line of a worker's message (its stack follows in the worker's own log). */
const firstLine = (text: string): string => text.split("\n")[0] ?? text;
