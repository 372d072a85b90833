/**
 * Strategies from files (docs/strategies.md): the worked example plays in simulate beside built-in bots;
 * one that throws, answers garbage or loops is stopped with a message naming it and the day, its seat
 * goes idle and the others play the run to its end; strategy names carry levels.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runPool } from "../../tools/lib/mc-pool.ts";
import type { McReport } from "../../tools/lib/mc-report.ts";
import type { CompanyResult, McConfig } from "../../tools/lib/montecarlo.ts";
import { strategyTroubles } from "../../tools/lib/troubles.ts";
import { ROOT } from "../../node/scenarios.ts";

const FIX = "./tests/fixtures/strategies";
const tsx = (args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", ...args], { cwd: ROOT, encoding: "utf8" });

describe("simulate --bots with a strategy file", () => {
  const dir = mkdtempSync(join(tmpdir(), "strategies-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("plays the example strategy against built-in bots, levels in the seat names", () => {
    const json = join(dir, "report.json");
    const bots = "./examples/strategies/simple.ts,efficiency,hard:cheap-power";
    const args = ["tools/simulate.ts", "--scenario", "halving-2020", "--runs", "2", "--days", "60"];
    execFileSync(process.execPath, ["--import", "tsx", ...args, "--bots", bots, "--json", json, "--quiet"], {
      cwd: ROOT,
    });
    const report = JSON.parse(readFileSync(json, "utf8")) as McReport;
    expect(report.strategies.map((s) => s.strategy)).toEqual(bots.split(","));
    // The strategies turn through the seats: the file's company sits first in run 0, second in run 1.
    expect(
      report.results.map((r) => r.companies.findIndex((c) => c.strategy === bots.split(",")[0])),
    ).toEqual([0, 1]);
    for (const run of report.results) {
      const mine = run.companies.find((c) => c.name === "./examples/strategies/simple.ts");
      expect(mine).toBeDefined();
      // It ordered, leased, shipped and installed: commands the engine accepted, none stopped.
      expect(mine?.accepted).toBeGreaterThan(3);
      expect(mine?.failure).toBeUndefined();
      expect(run.days).toBe(60);
    }
  });

  it("refuses a module without decide, and an unknown name, naming them", () => {
    const bad = tsx(["tools/simulate.ts", "--scenario", "halving-2020", "--bots", `${FIX}/nodecide.ts,idle`]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`strategy ${FIX}/nodecide.ts does not export a decide(view, me) function`);
    const unknown = tsx(["tools/simulate.ts", "--scenario", "halving-2020", "--bots", "hard:nope,idle"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown strategy "hard:nope"');
  });
});

describe("the worked example (docs/strategies.md)", () => {
  const example = "./examples/strategies/simple.ts";
  it.each(["halving-2020", "exodus-2021", "tariffs-2025", "sandbox"])(
    "has none of its commands refused in a whole game of %s, and installs the lots it ships",
    async (scenario) => {
      const config: McConfig = { scenario, bots: [example, "efficiency"], seed: 1, runs: 1, days: null };
      const { results } = await runPool(config, { jobs: 1 });
      const run = results[0];
      const mine = run?.companies.find((c) => c.strategy === example);
      // An earlier version had 64% refused: installs previewed into the same lease room, power switched
      // on after an install had done it, shipments paid twice from the same cash.
      expect(mine?.rejectedByCode).toEqual({});
      const done = mine?.commands ?? {};
      expect(done.orderMachines).toBeGreaterThan(10);
      // Lots it ships land and are installed: a few may still be at sea when the game ends.
      expect(done.installLot).toBeGreaterThanOrEqual(0.9 * (done.shipLot ?? 0));
      expect(done.shipLot).toBeGreaterThan(0.5 * (done.orderMachines ?? 0));
    },
  );
});

describe("strategy files on worker threads", () => {
  it("give the same runs on one worker as on two (each run loads the module afresh)", async () => {
    const bots = ["./examples/strategies/simple.ts", "trader"];
    const config: McConfig = { scenario: "halving-2020", bots, seed: 8, runs: 3, days: 50 };
    const one = await runPool(config, { jobs: 1, logRun: 2 });
    const two = await runPool(config, { jobs: 2, logRun: 2 });
    expect(one.results[0]?.companies[0]?.accepted).toBeGreaterThan(0);
    expect(two.results).toEqual(one.results);
    expect(two.log).toEqual(one.log);
  });
});

describe("a strategy that fails is stopped, and the run goes on", () => {
  const byName = (companies: CompanyResult[], strategy: string) =>
    companies.find((c) => c.strategy === strategy) as CompanyResult;

  it("names a throwing and a garbage strategy with the day; the built-in bot plays on", async () => {
    const bots = [`${FIX}/throws.ts`, `${FIX}/garbage.ts`, "cheap-power"];
    const config: McConfig = { scenario: "halving-2020", bots, seed: 2, runs: 2, days: 30 };
    const { results } = await runPool(config, { jobs: 1 });
    const alone = await runPool({ ...config, bots: ["idle", "idle", "cheap-power"] }, { jobs: 1 });
    results.forEach((run, i) => {
      expect(run.days).toBe(30);
      expect(byName(run.companies, bots[0] as string).failure).toBe(
        `strategy ${FIX}/throws.ts threw on day 3: boom on purpose`,
      );
      const garbage = byName(run.companies, bots[1] as string);
      expect(garbage.failure).toBe(
        `strategy ${FIX}/garbage.ts answered garbage on day 5: a list of commands expected, got string`,
      );
      // Two malformed entries a day on days 0..4, each counted as rejected.
      expect(garbage.rejectedByCode).toEqual({ MALFORMED: 10 });
      // The bot's game is the one it plays beside two idle seats.
      const bot = byName(run.companies, "cheap-power");
      const same = byName(alone.results[i]?.companies ?? [], "cheap-power");
      expect([bot.accepted, bot.equityUsd]).toEqual([same.accepted, same.equityUsd]);
    });
    const lines = strategyTroubles(results).join("\n");
    expect(lines).toContain(`strategy ${FIX}/throws.ts threw on day 3: boom on purpose (stopped in 2 runs)`);
    expect(lines).toContain(`strategy ${FIX}/garbage.ts answered 20 malformed commands`);
  });

  it("stops a looping strategy with the watchdog; the run is played to its end", async () => {
    const bots = [`${FIX}/loops.ts`, "efficiency"];
    const config: McConfig = {
      scenario: "halving-2020",
      bots,
      seed: 4,
      runs: 2,
      days: 20,
      strategyTimeoutMs: 400,
    };
    const { results } = await runPool(config, { jobs: 2 });
    const alone = await runPool({ ...config, bots: ["idle", "efficiency"] }, { jobs: 1 });
    results.forEach((run, i) => {
      expect(run.days).toBe(20);
      expect(run.companies[0]?.failure).toBe(
        `strategy ${FIX}/loops.ts timed out on day 2 (run ${i}): no answer within 400 ms, stopped`,
      );
      const bot = run.companies[1] as CompanyResult;
      const same = alone.results[i]?.companies[1] as CompanyResult;
      expect([bot.accepted, bot.equityUsd]).toEqual([same.accepted, same.equityUsd]);
    });
  });
});
