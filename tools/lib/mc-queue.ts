/**
 * Monte-Carlo runs spread over machines through a BullMQ job queue on Redis: what the coordinator
 * (mc-queue-coordinator.ts, `simulate --queue`) and the workers (mc-queue-worker.ts, `npm run mc:worker`)
 * agree on. A job is a few consecutive runs of one Monte-Carlo batch and carries everything needed to
 * play them: the resolved scenario as plain data (so a draft scenario works and a worker needs only the
 * code), the bots, seeds and days, and the engine version the coordinator runs, which a worker checks
 * against its own. Every game depends only on its seed and these data, so a run played on another
 * machine is the run a local pool plays.
 */
import IORedis from "ioredis";
import type { ConnectionOptions } from "bullmq";
import type { Scenario } from "../../shared/index.ts";
import type { ReplayLog } from "../../shared/replay/index.ts";
import { UsageError } from "./cli.ts";
import type { McConfig, RunResult } from "./montecarlo.ts";

/**
 * One queue for every coordinator: workers need to know no more than the Redis URL. Coordinators keep
 * apart by their run id, which starts every job id they add and is checked on every result.
 */
export const QUEUE_NAME = "atlas-montecarlo";

/** What a job carries (JSON in Redis: the scenario is plain data and survives the round trip). */
export interface McJob {
  /** The coordinator's run id: a worker's threads keep one batch's scenario while its jobs last. */
  runId: string;
  /** ENGINE_VERSION of the coordinator: a worker on other engine rules refuses the job. */
  engineVersion: string;
  config: McConfig;
  scenario: Scenario;
  /** Run indices to play, in order (run i plays seed config.seed + i). */
  runs: number[];
  /** The run whose commands are logged for a replay (null: none). */
  logRun: number | null;
}

/** What a worker returns for a job. */
export interface McJobResult {
  runId: string;
  results: RunResult[];
  log: ReplayLog | null;
  /** Which worker thread played it ("host/pid/thread"), to count the threads a batch used. */
  worker: string;
}

/** A job's id: the run id and its first run, so that two coordinators' jobs never share one. */
export const jobId = (runId: string, firstRun: number): string => `${runId}.${firstRun}`;

/** Seeds a job plays, for messages: "seed 7" or "seeds 7–9". */
export function seedsOf(job: Pick<McJob, "config" | "runs">): string {
  const seeds = job.runs.map((r) => job.config.seed + r);
  const first = seeds[0];
  const last = seeds[seeds.length - 1];
  return first === last ? `seed ${first}` : `seeds ${first}–${last}`;
}

/**
 * --queue's value, checked: a redis:// or rediss:// URL with a host, and a numeric port and database
 * where given. A mistake is a usage error saying what was expected, before anything connects.
 */
export function parseQueueUrl(value: string): string {
  const expected = `--queue needs a Redis URL like redis://host:6379 or redis://:password@host:6379/0, got "${value}"`;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new UsageError(expected);
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") throw new UsageError(expected);
  if (url.hostname === "") throw new UsageError(`${expected}: no host`);
  if (!/^(\/\d*)?$/.test(url.pathname))
    throw new UsageError(`${expected}: the path is a database number, got "${url.pathname}"`);
  if (url.search !== "" || url.hash !== "") throw new UsageError(`${expected}: no query or fragment`);
  return url.href;
}

/**
 * BullMQ's connection for a URL. maxRetriesPerRequest null: a worker's blocking reads wait as long as
 * they must, and a dropped connection is retried rather than failing the batch.
 */
export const connectionFor = (url: string): ConnectionOptions => ({ url, maxRetriesPerRequest: null });

/** The URL without its password, for messages. */
export function safeUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password !== "") parsed.password = "***";
  return parsed.href;
}

/**
 * Connects once, without retrying, so that an unreachable or refusing Redis is a clear error at once
 * (BullMQ's own connections retry for ever, which suits a worker waiting out a restart, not a typo).
 */
export async function checkReachable(url: string): Promise<void> {
  const client = new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  // The socket's own error (ECONNREFUSED, ENOTFOUND, NOAUTH…) says more than connect()'s rejection.
  let cause: Error | null = null;
  client.on("error", (error: Error) => (cause ??= error));
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    const failure: unknown = cause ?? error;
    const reason = failure instanceof Error ? failure.message : String(failure);
    throw new Error(`cannot reach Redis at ${safeUrl(url)}: ${reason}`);
  } finally {
    client.disconnect();
  }
}
