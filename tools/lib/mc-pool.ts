/**
 * Runs Monte-Carlo games on worker threads. The scenario is loaded once here and handed to each worker
 * as plain data when it starts; a worker asks for the next run as soon as it is free, so that fast and
 * slow games balance out. Results are keyed by run index, and every run depends only on its seed, so the
 * outcome is the same for any number of jobs. With one job the runs are played on this thread.
 */
import { availableParallelism } from "node:os";
import { setFlagsFromString } from "node:v8";
import { Worker } from "node:worker_threads";
import type { Scenario } from "../../shared/index.ts";
import { BotCaches } from "../../shared/bots/index.ts";
import type { ReplayLog } from "../../shared/replay/index.ts";
import { workerBundle } from "./mc-bundle.ts";
import { BOTS, playRun, type McConfig, type RunResult } from "./montecarlo.ts";
import { loadScenario } from "../../node/scenarios.ts";

export type ToWorker = { type: "run"; run: number } | { type: "stop" };
export type ToPool =
  | { type: "ready" }
  | { type: "result"; result: RunResult; log: ReplayLog | null }
  | { type: "error"; message: string };

export interface PoolOptions {
  jobs: number;
  /** Also log run `logRun`'s commands for a replay (null: none). */
  logRun?: number | null;
  onResult?: (result: RunResult, done: number) => void;
  /** The resolved scenario to play (a draft, a sweep's variant); default: the shipped config.scenario. */
  scenario?: Scenario;
}

export interface PoolOutcome {
  results: RunResult[];
  log: ReplayLog | null;
  jobs: number;
  /**
   * Time until every worker was ready to play (bundling the worker, thread start, compiling it), ms; for a batch
   * so short that it ended before the last worker was up, the time until the first one was.
   */
  startupMs: number;
}

/** Default jobs: one per core, no more than there are runs. */
export function defaultJobs(runs: number): number {
  return Math.max(1, Math.min(availableParallelism(), runs));
}

/**
 * Semi-space of the workers' young generation, MB. A game allocates some 80 MB of short-lived objects
 * (a day's ledger entries, the bots' plans) and keeps little of it. With V8's default sizes the young
 * generation was collected about seven times a game at some 2 ms each; with 64 MB, under twice, and the
 * time spent collecting fell from 760 to 290 ms over 40 games (--trace-gc). It costs about 200 MB of
 * memory per worker.
 */
const NURSERY_MB = 64;

/** A worker running the bundled mc-worker.ts (see mc-bundle.ts for why it is bundled). */
function startWorker(code: string, data: unknown): Worker {
  // Flags are read when an isolate is made: set here, they size the heaps of the workers made next.
  setFlagsFromString(`--min-semi-space-size=${NURSERY_MB} --max-semi-space-size=${NURSERY_MB}`);
  return new Worker(code, { eval: true, workerData: data });
}

export async function runPool(config: McConfig, options: PoolOptions): Promise<PoolOutcome> {
  const jobs = Math.max(1, Math.min(options.jobs, config.runs));
  const logRun = options.logRun ?? null;
  const scenario = options.scenario ?? loadScenario(config.scenario);
  if (jobs === 1) return runHere(config, scenario, logRun, options.onResult);
  const started = performance.now();
  const code = await workerBundle();
  let startupMs = 0;
  let firstReadyMs = 0;
  let ready = 0;
  const results: RunResult[] = new Array<RunResult>(config.runs);
  let log: ReplayLog | null = null;
  let next = 0;
  let done = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (worker: Worker): void => {
        if (next < config.runs) worker.postMessage({ type: "run", run: next++ } satisfies ToWorker);
        else worker.postMessage({ type: "stop" } satisfies ToWorker);
      };
      for (let j = 0; j < jobs; j++) {
        const worker = startWorker(code, { config, scenario, logRun });
        workers.push(worker);
        worker.on("message", (message: ToPool) => {
          if (message.type === "error") {
            reject(new Error(`a Monte-Carlo worker failed: ${message.message}`));
            return;
          }
          if (message.type === "ready") {
            if (++ready === 1) firstReadyMs = performance.now() - started;
            if (ready === jobs) startupMs = performance.now() - started;
          }
          if (message.type === "result") {
            results[message.result.run] = message.result;
            if (message.log) log = message.log;
            done++;
            options.onResult?.(message.result, done);
            if (done === config.runs) resolve();
          }
          feed(worker);
        });
        worker.on("error", reject);
        worker.on("exit", (code) => {
          if (code !== 0 && done < config.runs)
            reject(new Error(`a Monte-Carlo worker exited with code ${code}`));
        });
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  if (ready < jobs) startupMs = firstReadyMs;
  return { results, log, jobs, startupMs };
}

async function runHere(
  config: McConfig,
  scenario: Scenario,
  logRun: number | null,
  onResult: PoolOptions["onResult"],
): Promise<PoolOutcome> {
  const started = performance.now();
  const results: RunResult[] = [];
  let log: ReplayLog | null = null;
  const startupMs = performance.now() - started;
  const caches = new BotCaches();
  for (let run = 0; run < config.runs; run++) {
    const played = playRun(scenario, BOTS, config, run, run === logRun, caches);
    results.push(played.result);
    if (played.log) log = played.log;
    onResult?.(played.result, run + 1);
    // Let a progress bar redraw between runs.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { results, log, jobs: 1, startupMs };
}
