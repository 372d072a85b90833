/**
 * Monte-Carlo runs over a Redis job queue (simulate --queue, npm run mc:worker): a real redis-server and
 * workers as child processes, all on loopback, started here and stopped by PID. The queue's report,
 * CSV and replay must be byte for byte a local run's with the same seeds; failures name the seed; a
 * worker that dies mid-job has its job played by another; SIGTERM lets a worker finish its job.
 * Needs Debian's redis-server (.ci/run installs it); skipped, saying so, where it is absent.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Scenario } from "../../shared/index.ts";
import { loadScenario } from "../../node/scenarios.ts";
import { batchesOf, runOnQueue } from "../../tools/lib/mc-queue-coordinator.ts";
import { connectionFor, parseQueueUrl, QUEUE_NAME } from "../../tools/lib/mc-queue.ts";
import { BOTS, playRun, type McConfig } from "../../tools/lib/montecarlo.ts";
import { watch, watchTool, type Watched } from "../helpers/processes.ts";

const hasRedis = spawnSync("redis-server", ["--version"]).status === 0;
if (!hasRedis)
  console.warn("mc-queue.test.ts skipped: redis-server is not installed (apt-get install redis-server)");

const PORT = 2920;
const URL0 = `redis://127.0.0.1:${PORT}`;
/** A second database on the same server: a queue of its own, for the tests that stop workers. */
const URL1 = `${URL0}/1`;
/** A third, where no worker listens. */
const URL2 = `${URL0}/2`;
const BOTS_LIST = "efficiency,trader,idle";

const simulate = (args: string[]): Watched =>
  watchTool("tools/simulate.ts", ["--scenario", "halving-2020", "--bots", BOTS_LIST, ...args]);
const worker = (url: string, ...more: string[]): Watched =>
  watchTool("tools/mc-queue-worker.ts", ["--queue", url, ...more]);

describe("--queue URL is checked before anything connects", () => {
  it.each([
    "localhost:6379",
    "http://127.0.0.1:6379",
    "redis://",
    "redis://host:6379/queue",
    "redis://h?x=1",
  ])("refuses %s with a usage error", (value) => {
    expect(() => parseQueueUrl(value)).toThrow(/--queue needs a Redis URL like redis:\/\/host:6379/);
  });

  it("keeps a well-formed URL", () => {
    expect(parseQueueUrl("redis://:pw@10.0.0.5:6380/2")).toBe("redis://:pw@10.0.0.5:6380/2");
  });

  it("makes simulate and mc:worker exit with code 2 and say what a Redis URL looks like", async () => {
    const bad = simulate(["--runs", "2", "--queue", "127.0.0.1:6379"]);
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toMatch(
      /error: --queue needs a Redis URL like redis:\/\/host:6379.*got "127.0.0.1:6379"/,
    );
    const badWorker = worker("redis//127.0.0.1");
    expect(await badWorker.exited).toBe(2);
    expect(badWorker.output()).toMatch(/error: --queue needs a Redis URL/);
  });

  it("makes simulate exit with code 1 and name the address when no Redis answers there", async () => {
    const nowhere = simulate(["--runs", "2", "--queue", "redis://127.0.0.1:2929"]);
    expect(await nowhere.exited).toBe(1);
    expect(nowhere.output()).toMatch(
      /error: cannot reach Redis at redis:\/\/127\.0\.0\.1:2929: .*ECONNREFUSED/,
    );
  });

  it("cuts a large batch into at most 200 jobs of consecutive runs", () => {
    expect(batchesOf(3)).toEqual([[0], [1], [2]]);
    const big = batchesOf(1001);
    expect(big.length).toBeLessThanOrEqual(200);
    expect(big.flat()).toEqual(Array.from({ length: 1001 }, (_, i) => i));
  });
});

describe.skipIf(!hasRedis)("Monte-Carlo over a Redis queue with two workers", () => {
  const dir = mkdtempSync(join(tmpdir(), "mc-queue-"));
  let redis: Watched;
  const workers: Watched[] = [];
  let scenario: Scenario;

  beforeAll(async () => {
    scenario = loadScenario("halving-2020");
    redis = watch("redis-server", [
      "--port",
      String(PORT),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
    ]);
    await redis.waitFor(/Ready to accept connections/);
    workers.push(worker(URL0, "--jobs", "1"), worker(URL0, "--jobs", "1"));
    await Promise.all(workers.map((w) => w.waitFor(/waiting for jobs/)));
  });

  afterAll(async () => {
    // Workers stop on SIGTERM by themselves; redis-server is stopped by its PID.
    for (const w of workers) w.stop("SIGTERM");
    const codes = await Promise.all(workers.map((w) => w.exited));
    redis?.stop();
    rmSync(dir, { recursive: true, force: true });
    expect(codes.every((c) => c === 0)).toBe(true);
  });

  it("prints and writes exactly what a local run with the same seeds does", async () => {
    const files = (name: string): string[] => [
      "--csv",
      join(dir, `${name}.csv`),
      "--json",
      join(dir, `${name}.json`),
      "--save-replay",
      join(dir, `${name}-replay.json`),
    ];
    const common = ["--runs", "6", "--days", "60", "--seed", "5"];
    const local = simulate([...common, "--jobs", "1", ...files("local")]);
    expect(await local.exited).toBe(0);
    const queued = simulate([...common, "--queue", URL0, ...files("queue")]);
    expect(await queued.exited).toBe(0);

    const read = (file: string): string => readFileSync(join(dir, file), "utf8");
    expect(read("queue.csv")).toBe(read("local.csv"));
    expect(read("queue-replay.json")).toBe(read("local-replay.json"));
    // Only the timing (wall time, threads) differs between any two runs, local or not.
    const withoutTiming = (file: string): string => {
      const { timing, ...rest } = JSON.parse(read(file)) as { timing: { wallMs: number } };
      expect(timing.wallMs).toBeGreaterThan(0);
      return JSON.stringify(rest);
    };
    expect(withoutTiming("queue.json")).toBe(withoutTiming("local.json"));
    // The printed report too, but for the timing line and the names of the files written.
    const printed = (w: Watched): string => w.output().replace(/\n\d+ runs in [^]*$/, "");
    expect(printed(queued)).toMatch(/efficiency/);
    expect(printed(queued)).toBe(printed(local));
    // Every seed was played by one of the workers.
    const played = workers.map((w) => w.output()).join("\n");
    for (let seed = 5; seed < 11; seed++) expect(played).toMatch(new RegExp(`seed ${seed} of halving-2020`));
    // And the coordinator took its finished jobs off the queue (each carried the scenario).
    const queue = new Queue(QUEUE_NAME, { connection: connectionFor(URL0) });
    expect(await queue.getJobCounts()).toMatchObject({ waiting: 0, active: 0, completed: 0, failed: 0 });
    await queue.close();
  });

  const config = (seed: number, runs = 2): McConfig => ({
    scenario: "halving-2020",
    bots: BOTS_LIST.split(","),
    seed,
    runs,
    days: 30,
  });

  it("stops at a run that throws, with the worker's message naming its seed", async () => {
    const broken = { ...scenario, regions: null } as unknown as Scenario;
    await expect(runOnQueue(config(40), broken, URL0, {})).rejects.toThrow(
      /a queued Monte-Carlo job failed: seed 4[01] \(run [01]\) failed: /,
    );
  });

  it("refuses jobs of another engine version, clearly", async () => {
    await expect(runOnQueue(config(50), scenario, URL0, { engineVersion: "0.0.1-old" })).rejects.toThrow(
      /\(seed 5[01]\) needs engine 0\.0\.1-old, but this worker runs engine .*: run the same version of the code/,
    );
  });

  it("gives the job of a worker that died mid-job to another, and the run is the same", async () => {
    const first = worker(URL1, "--jobs", "1", "--lock-ms", "1000");
    await first.waitFor(/waiting for jobs/);
    const queued = runOnQueue(config(60, 1), scenario, URL1, {});
    await first.waitFor(/job \S+: seed 60 of halving-2020/);
    first.stop("SIGKILL");
    await first.exited;
    const second = worker(URL1, "--jobs", "1", "--lock-ms", "1000");
    workers.push(second);
    const outcome = await queued;
    expect(first.output()).not.toMatch(/: done/);
    expect(second.output()).toMatch(/job \S+: seed 60 of halving-2020 \(attempt \d+\)\n[\s\S]*: done/);
    expect(outcome.results).toEqual([playRun(scenario, BOTS, config(60, 1), 0).result]);
  });

  it("finishes the job in hand on SIGTERM, then exits cleanly", async () => {
    const last = workers[workers.length - 1] as Watched;
    // A whole game, so that the signal comes while it plays (the log's order below shows it did).
    const queued = runOnQueue({ ...config(70, 1), days: null }, scenario, URL1, {});
    await last.waitFor(/job \S+: seed 70 of halving-2020/);
    last.stop("SIGTERM");
    const outcome = await queued;
    expect(outcome.results.map((r) => [r.seed, r.days])).toEqual([[70, scenario.days]]);
    expect(await last.exited).toBe(0);
    expect(last.output()).toMatch(
      /seed 70 of halving-2020[^]*SIGTERM: finishing the jobs in hand[^]*: done\n[^]*stopped/,
    );
    workers.pop();
  });

  it("on a second SIGTERM stops at once and puts the job back, and another worker plays it", async () => {
    // The default 30 s lock: the job must come back by being put back, not by expiring.
    const leaving = worker(URL1, "--jobs", "1");
    await leaving.waitFor(/waiting for jobs/);
    const queued = runOnQueue({ ...config(80, 1), days: null }, scenario, URL1, {});
    await leaving.waitFor(/job \S+: seed 80 of halving-2020/);
    leaving.stop("SIGTERM");
    await leaving.waitFor(/SIGTERM: finishing/);
    leaving.stop("SIGTERM");
    expect(await leaving.exited).toBe(130);
    expect(leaving.output()).toMatch(/put back on the queue for another worker/);
    expect(leaving.output()).not.toMatch(/: done/);
    const next = worker(URL1, "--jobs", "1");
    workers.push(next);
    const outcome = await queued;
    expect(outcome.results.map((r) => [r.seed, r.days])).toEqual([[80, scenario.days]]);
    // The retry, then its end (the worker's "waiting for jobs" line may fall between the two on a busy
    // machine: it is printed when the worker is ready, which can be after it took the job).
    expect(next.output()).toMatch(/seed 80 of halving-2020 \(attempt \d+\)\n[\s\S]*: done/);
  });

  it("takes its waiting jobs off the queue when the coordinator is interrupted", async () => {
    const queue = new Queue(QUEUE_NAME, { connection: connectionFor(URL2) });
    try {
      const coordinator = simulate(["--runs", "3", "--days", "10", "--queue", URL2]);
      await vi.waitFor(async () => expect(await queue.getWaitingCount()).toBe(3), {
        timeout: 30_000,
        interval: 50,
      });
      coordinator.stop("SIGINT");
      expect(await coordinator.exited).toBe(130);
      expect(await queue.getJobCounts()).toMatchObject({ waiting: 0, active: 0, completed: 0, failed: 0 });
    } finally {
      await queue.close();
    }
  });
});
