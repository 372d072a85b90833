/**
 * mc:worker: plays Monte-Carlo runs that `npm run simulate -- … --queue URL` puts on a Redis queue, on
 * this machine's cores (tools/lib/mc-queue-worker.ts). Start one per machine; stop it with Ctrl-C or
 * SIGTERM (it finishes the jobs in hand first; a second signal stops it at once and puts the jobs in
 * hand back on the queue for another worker).
 *
 *   npm run mc:worker -- --queue redis://host:6379 [--jobs N]
 */
import { availableParallelism } from "node:os";
import { intFlag, parseFlags, runMain, UsageError } from "./lib/cli.ts";
import { checkReachable, parseQueueUrl, safeUrl } from "./lib/mc-queue.ts";
import { startQueueWorker } from "./lib/mc-queue-worker.ts";
import { ENGINE_VERSION } from "../shared/index.ts";

const USAGE = `usage: npm run mc:worker -- --queue URL [--jobs N] [--lock-ms MS]

  --queue URL     the coordinator's Redis, e.g. redis://10.0.0.5:6379 (redis://:password@host:port/db)
  --jobs N        games played at once, one thread each (default: one per core)
  --lock-ms MS    how long a job stays with a worker that stops answering before another worker takes
                  it over (default 30000; the job's lock is renewed every MS/2 while it runs)`;

/** How long a second signal waits for the jobs in hand to be put back on the queue, ms. */
const RELEASE_WAIT_MS = 10_000;

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), {
    queue: { type: "string" },
    jobs: { type: "string" },
    "lock-ms": { type: "string" },
  });
  if (flags.queue === undefined) throw new UsageError("--queue URL is required");
  const url = parseQueueUrl(flags.queue);
  const jobs = intFlag("jobs", flags.jobs, 1, 256, availableParallelism());
  const lockMs = intFlag("lock-ms", flags["lock-ms"], 500, 3_600_000, 30_000);
  await checkReachable(url);
  const log = (line: string): void => console.log(`[mc:worker ${process.pid}] ${line}`);
  const worker = startQueueWorker({ url, jobs, lockMs, log });
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      log(`${signal} again: stopping now; the jobs in hand go back to the queue for another worker`);
      // Putting the jobs back needs Redis: if it is gone too, give up waiting for it after a while.
      const giveUp = new Promise((resolve) => setTimeout(resolve, RELEASE_WAIT_MS).unref());
      void Promise.race([worker.close(true), giveUp]).finally(() => {
        log("stopped");
        process.exit(130);
      });
      return;
    }
    stopping = true;
    log(`${signal}: finishing the jobs in hand, then stopping (send it again to stop at once)`);
    void worker.close(false).then(() => log("stopped"));
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  await worker.ready;
  log(`waiting for jobs on ${safeUrl(url)} (engine ${ENGINE_VERSION}, ${jobs} thread${jobs > 1 ? "s" : ""})`);
}

runMain(USAGE, main);
