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
import { parseStrategyName } from "../../shared/index.ts";
import { workerBundle } from "./mc-bundle.ts";
import { internStrings } from "./mc-intern.ts";
import { isGuestEntry, type Stop } from "./mc-guests.ts";
import { Batch } from "./mc-batch.ts";
import { BOTS, playRun, type McConfig, type RunResult } from "./montecarlo.ts";
import { loadStrategyFiles } from "./strategyModule.ts";
import { loadScenario } from "../../node/scenarios.ts";

/** `stops`: seats stopped from a day on in this run (the watchdog's, mc-batch.ts); none when omitted. */
export type ToWorker = { type: "run"; run: number; stops?: Stop[] } | { type: "stop" };
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

/**
 * V8 flags of the workers: the nursery above, and feedback from a function's first call. By default V8
 * gives a function the vector its inline caches learn in only after some calls, and the engine and
 * the bots make many short-lived closures (callbacks of find, map and filter, a view's getters) that
 * run their first calls without it. Allocated at once, the same games took less CPU (sandbox, 8 bots,
 * the bundled worker run side by side with and without the flag): a thread's first games about a third
 * less, later ones (the JIT warm) 5-15% less. The code is the same, so the games are too.
 */
const EAGER_FEEDBACK = "--no-lazy-feedback-allocation";
const WORKER_FLAGS = `--min-semi-space-size=${NURSERY_MB} --max-semi-space-size=${NURSERY_MB} ${EAGER_FEEDBACK}`;

/**
 * For a thread about to play games itself (the one-job path, the benches): feedback from a function's
 * first call here too (see WORKER_FLAGS). V8 reads the flag when a function first runs, so it applies to
 * the engine's and bots' functions from then on.
 */
export function playsHere(): void {
  setFlagsFromString(EAGER_FEEDBACK);
}

/** A worker running the bundled mc-worker.ts (see mc-bundle.ts for why it is bundled). */
export function startWorker(code: string, data: unknown): Worker {
  // Flags are read when an isolate is made: set here, they apply to the workers made next.
  setFlagsFromString(WORKER_FLAGS);
  return new Worker(code, { eval: true, workerData: data });
}

export async function runPool(config: McConfig, options: PoolOptions): Promise<PoolOutcome> {
  const logRun = options.logRun ?? null;
  const scenario = options.scenario ?? loadScenario(config.scenario);
  const files = config.bots.filter(isGuestEntry).map((e) => parseStrategyName(e).strategy);
  const guests = files.length > 0 ? await loadStrategyFiles(files) : null;
  const jobs = Math.max(1, Math.min(options.jobs, config.runs));
  // Strategies from files play on workers even for one job: only there can a loop be stopped.
  if (jobs === 1 && !guests) return runHere(config, scenario, logRun, options.onResult);
  const code = await workerBundle();
  const batch = new Batch(config, options, guests, startWorker);
  try {
    await new Promise<void>((resolve, reject) => {
      batch.finish = resolve;
      batch.fail = reject;
      for (let j = 0; j < jobs; j++) batch.start(code, { config, scenario, logRun, guests });
      batch.watch();
    });
  } finally {
    await batch.stop();
  }
  return { results: batch.results, log: batch.log, jobs, startupMs: batch.startupMs(jobs) };
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
  playsHere();
  // Internalized strings, as the workers play them (mc-intern.ts): the same games, faster.
  const interned = internStrings(scenario);
  for (let run = 0; run < config.runs; run++) {
    const played = playRun(interned, BOTS, config, run, run === logRun, caches);
    results.push(played.result);
    if (played.log) log = played.log;
    onResult?.(played.result, run + 1);
    // Let a progress bar redraw between runs.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { results, log, jobs: 1, startupMs };
}
