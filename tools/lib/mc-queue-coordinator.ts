/**
 * The coordinator's side of `simulate --queue URL`: puts a Monte-Carlo batch on the queue as jobs of a
 * few consecutive runs each, waits for every job, and hands back the same outcome the local pool does.
 * Results are placed by run index, never by arrival, so the report, CSV and JSON are those of a local
 * run with the same seeds. The first failed job stops the batch with the worker's message (naming the
 * seeds). However the batch ends (done, failed, or Ctrl-C), its jobs are taken off the queue, but for
 * those a worker is playing, which finish unread and go after an hour.
 */
import { randomBytes } from "node:crypto";
import { Queue, QueueEvents, type Job } from "bullmq";
import { ENGINE_VERSION, type Scenario } from "../../shared/index.ts";
import type { ReplayLog } from "../../shared/replay/index.ts";
import { loadScenario } from "../../node/scenarios.ts";
import type { PoolOptions, PoolOutcome } from "./mc-pool.ts";
import {
  checkReachable,
  connectionFor,
  jobId,
  QUEUE_NAME,
  type McJob,
  type McJobResult,
} from "./mc-queue.ts";
import type { McConfig, RunResult } from "./montecarlo.ts";

/**
 * At most this many jobs per batch: each carries the scenario (some 35 kB of JSON), so a large batch
 * is cut into jobs of several runs; a small one gets a job per run, which spreads best over workers.
 */
const MAX_JOBS = 200;

/** Jobs that finish after their batch ended (nobody to remove them) stay this long (s), then go. */
const KEEP_DONE_S = 3600;

export interface QueueRunOptions extends Omit<PoolOptions, "jobs"> {
  /** The engine version the jobs claim: ENGINE_VERSION, but a test can claim another. */
  engineVersion?: string;
}

/** Runs 0…runs-1 cut into consecutive groups, at most MAX_JOBS of them. */
export function batchesOf(runs: number): number[][] {
  const size = Math.max(1, Math.ceil(runs / MAX_JOBS));
  const batches: number[][] = [];
  for (let first = 0; first < runs; first += size)
    batches.push(Array.from({ length: Math.min(size, runs - first) }, (_, i) => first + i));
  return batches;
}

/** `simulate --queue`: the batch's scenario (given, e.g. a draft's, or loaded here), played by the queue's workers. */
export function runQueue(config: McConfig, url: string, options: QueueRunOptions): Promise<PoolOutcome> {
  return runOnQueue(config, options.scenario ?? loadScenario(config.scenario), url, options);
}

export async function runOnQueue(
  config: McConfig,
  scenario: Scenario,
  url: string,
  options: QueueRunOptions,
): Promise<PoolOutcome> {
  await checkReachable(url);
  const started = performance.now();
  const runId = `mc-${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;
  const queue = new Queue<McJob, McJobResult>(QUEUE_NAME, { connection: connectionFor(url) });
  const events = new QueueEvents(QUEUE_NAME, { connection: connectionFor(url) });
  let jobs: Job<McJob, McJobResult>[] = [];
  const tidy = (): Promise<unknown> => Promise.all(jobs.map((job) => removeUnlessActive(job)));
  // Ctrl-C: the batch's waiting runs would keep the workers busy for nobody.
  const abandon = (): void => void tidy().finally(() => process.exit(130));
  process.once("SIGINT", abandon);
  process.once("SIGTERM", abandon);
  try {
    await events.waitUntilReady();
    const base = { runId, engineVersion: options.engineVersion ?? ENGINE_VERSION, config, scenario };
    const logRun = options.logRun ?? null;
    jobs = await queue.addBulk(
      batchesOf(config.runs).map((runs) => ({
        name: config.scenario,
        data: { ...base, runs, logRun },
        opts: {
          jobId: jobId(runId, runs[0] as number),
          removeOnComplete: { age: KEEP_DONE_S },
          removeOnFail: { age: KEEP_DONE_S },
        },
      })),
    );
    const collected = await collect(jobs, events, runId, config, options.onResult);
    return { ...collected, startupMs: performance.now() - started };
  } finally {
    process.off("SIGINT", abandon);
    process.off("SIGTERM", abandon);
    await tidy();
    await Promise.all([events.close(), queue.close()]);
  }
}

/** Waits for every job; places each run's result at its index. */
async function collect(
  jobs: Job<McJob, McJobResult>[],
  events: QueueEvents,
  runId: string,
  config: McConfig,
  onResult: PoolOptions["onResult"],
): Promise<Omit<PoolOutcome, "startupMs">> {
  const results = new Array<RunResult>(config.runs);
  const workers = new Set<string>();
  let log: ReplayLog | null = null;
  let done = 0;
  await Promise.all(
    jobs.map(async (job) => {
      const answer = await job.waitUntilFinished(events).catch((error: unknown) => {
        throw new Error(`a queued Monte-Carlo job failed: ${describe(error)}`);
      });
      if (answer.runId !== runId || answer.results.length !== job.data.runs.length)
        throw new Error(`job ${job.id} came back with results of another batch (run id ${answer.runId})`);
      workers.add(answer.worker);
      log ??= answer.log;
      for (const result of answer.results) {
        results[result.run] = result;
        onResult?.(result, ++done);
      }
    }),
  );
  return { results, log, jobs: workers.size };
}

/** Takes a job off the queue unless a worker is playing it (then it finishes unread). */
async function removeUnlessActive(job: Job<McJob, McJobResult>): Promise<void> {
  try {
    if ((await job.getState()) !== "active") await job.remove();
  } catch {
    // Gone already, or taken by a worker meanwhile: nothing to tidy.
  }
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));
