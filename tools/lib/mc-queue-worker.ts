/**
 * The queue worker (`npm run mc:worker`): takes Monte-Carlo jobs from the queue, plays them on its game
 * threads (mc-queue-threads.ts) and returns the results. A job on other engine rules, or one whose run
 * throws, fails at once and for good (BullMQ's UnrecoverableError: playing it again would fail again),
 * with a message naming the seeds. A worker that dies mid-job holds a lock it no longer renews; BullMQ's
 * stalled-job check on any live worker puts the job back for another.
 */
import { UnrecoverableError, WaitingError, Worker, type Job } from "bullmq";
import { ENGINE_VERSION } from "../../shared/index.ts";
import { GameThreads, RunFailed } from "./mc-queue-threads.ts";
import { connectionFor, QUEUE_NAME, seedsOf, type McJob, type McJobResult } from "./mc-queue.ts";

export interface QueueWorkerOptions {
  url: string;
  /** Game threads, and so jobs played at once. */
  jobs: number;
  /**
   * How long a job's lock lasts without renewal (BullMQ renews it at half that while the job runs), and
   * how often this worker looks for jobs whose worker died, ms.
   */
  lockMs: number;
  /** Where progress lines go. */
  log: (line: string) => void;
}

export interface QueueWorker {
  /** Waits until the worker is connected and taking jobs. */
  ready: Promise<void>;
  /**
   * Stops taking jobs. Gently: after the jobs in hand finish (their results are returned). With
   * `force`: their games are stopped and the jobs put back on the queue for another worker (which may be
   * called after a gentle close has begun).
   */
  close(force: boolean): Promise<void>;
}

/** The job's data checked before any game starts: a job from other engine rules is refused. */
function checkJob(job: Job<McJob>): McJob {
  const data = job.data;
  if (data.engineVersion !== ENGINE_VERSION) {
    throw new UnrecoverableError(
      `job ${job.id} (${seedsOf(data)}) needs engine ${data.engineVersion}, but this worker runs ` +
        `engine ${ENGINE_VERSION}: run the same version of the code on the coordinator and every worker`,
    );
  }
  return data;
}

export function startQueueWorker(options: QueueWorkerOptions): QueueWorker {
  const threads = new GameThreads(options.jobs);
  /** Set by a forced close: a job whose game was stopped goes back to the queue, not to failed. */
  let releasing = false;
  const processor = async (job: Job<McJob>, token?: string): Promise<McJobResult> => {
    try {
      const data = checkJob(job);
      options.log(
        `job ${job.id}: ${seedsOf(data)} of ${data.config.scenario} (attempt ${job.attemptsStarted})`,
      );
      const result = await threads.play(data);
      options.log(`job ${job.id}: done`);
      return result;
    } catch (error) {
      if (releasing && token !== undefined) {
        await job.moveToWait(token);
        options.log(`job ${job.id}: put back on the queue for another worker`);
        throw new WaitingError();
      }
      const message = error instanceof Error ? error.message : String(error);
      options.log(`job ${job.id}: failed: ${message}`);
      throw error instanceof RunFailed ? new UnrecoverableError(message) : error;
    }
  };
  const worker = new Worker<McJob, McJobResult>(QUEUE_NAME, processor, {
    connection: connectionFor(options.url),
    concurrency: options.jobs,
    lockDuration: options.lockMs,
    stalledInterval: options.lockMs,
    autorun: true,
  });
  // While Redis is away the connection retries, failing the same way each time: say so once.
  let lastError = "";
  worker.on("error", (error) => {
    if (error.message !== lastError) options.log(`queue error: ${error.message} (retrying)`);
    lastError = error.message;
  });
  worker.on("active", () => (lastError = ""));
  worker.on("failed", (job, error) => {
    if (job && error instanceof UnrecoverableError) return; // logged by the processor
    options.log(`job ${job?.id ?? "?"}: ${error.message}`);
  });
  return {
    ready: worker.waitUntilReady().then(() => undefined),
    async close(force) {
      // Closing first (it stops fetching at once), so that a job put back is not taken again here.
      const closing = worker.close();
      if (force) {
        releasing = true;
        await threads.stop();
      }
      await closing;
      await threads.stop();
    },
  };
}
