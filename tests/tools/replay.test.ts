/**
 * The replay tool end to end: OK on a good log, MISMATCH (exit 1) on a tampered one, exit 2 on a file
 * that is not JSON or not a log, --until, and --fork-at writing a log that replays to the fork's state.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyCommand, createGame, step, stateHash } from "../../shared/index.ts";
import { finishLog, logAction, startLog, type ReplayLog } from "../../shared/replay/index.ts";
import { ROOT } from "../../node/scenarios.ts";
import { scenario, seats } from "../helpers/game.ts";

const replay = (args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "tools/replay.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });

describe("replay CLI", () => {
  const dir = mkdtempSync(join(tmpdir(), "replay-"));
  const file = (name: string) => join(dir, name);
  let log: ReplayLog;
  const hashes: string[] = [];
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(() => {
    const players = seats(2);
    const state = createGame(scenario("halving-2020"), 9, players);
    log = startLog(state, players);
    const p1 = { kind: "company", companyId: "p1" } as const;
    while (state.tick < 50) {
      hashes.push(stateHash(state));
      if (state.tick === 5) {
        for (const command of [
          { type: "orderMachines", model: "s17-pro", quantity: 25 },
          { type: "setSellRatio", ratioBps: 4_000 },
        ]) {
          logAction(log, state, p1, command);
          applyCommand(state, p1, command);
        }
      }
      step(state);
    }
    finishLog(log, state);
    writeFileSync(file("good.json"), JSON.stringify(log));
  });

  it("prints the game and OK for a faithful log", () => {
    const result = replay([file("good.json")]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("halving-2020");
    expect(result.stdout).toMatch(/seed\s+9/);
    expect(result.stdout).toMatch(/actions\s+2/);
    expect(result.stdout).toContain(`expected ${log.finalHash}`);
    expect(result.stdout).toContain(`got      ${log.finalHash}`);
    expect(result.stdout).toMatch(/\nOK\n/);
  });

  it("prints MISMATCH and exits 1 for a tampered log", () => {
    writeFileSync(file("tampered.json"), JSON.stringify({ ...log, seed: 10 }));
    const result = replay([file("tampered.json")]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/\nMISMATCH\n/);
  });

  it("exits 2 for bad JSON, a bad log or a bad call", () => {
    writeFileSync(file("bad.json"), "{ not json");
    const bad = replay([file("bad.json")]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("is not JSON");
    writeFileSync(file("schema.json"), JSON.stringify({ ...log, finalHash: "nope" }));
    const schema = replay([file("schema.json")]);
    expect(schema.status).toBe(2);
    expect(schema.stderr).toContain("finalHash");
    expect(replay([]).status).toBe(2);
    expect(replay([file("good.json"), "--fork-at", "10"]).status).toBe(2);
    expect(replay([file("missing.json")]).status).toBe(2);
  });

  it("exits 1 naming both hashes when the scenario has changed", () => {
    writeFileSync(file("other.json"), JSON.stringify({ ...log, scenarioHash: "a".repeat(64) }));
    const result = replay([file("other.json")]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("a".repeat(64));
    expect(result.stderr).toContain(log.scenarioHash);
  });

  it("stops at --until with the hash the game had then", () => {
    const result = replay([file("good.json"), "--until", "20"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(hashes[20]);
  });

  it("forks with --fork-at into a log that replays to the fork's state", () => {
    const fork = replay([file("good.json"), "--fork-at", "5", "--out", file("fork.json")]);
    expect(fork.status).toBe(0);
    const forked = JSON.parse(readFileSync(file("fork.json"), "utf8")) as ReplayLog;
    expect(forked.finalTick).toBe(5);
    expect(forked.actions).toEqual([]);
    expect(forked.finalHash).toBe(hashes[5]);
    const again = replay([file("fork.json")]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/\nOK\n/);
  });
});
