/**
 * `npm run bench:store [-- --single N] [--rounds N]`: how long a command's write takes to be committed
 * to the SQLite file, for a command alone and for 100 commands arriving together, p50 and p99.
 *
 * - before: the old store's way (each write its own transaction, chained on a promise, the room not
 *   waiting): the time until it has landed. Same statements, synchronous = NORMAL as it was.
 * - after: the store's group commit (writer.ts), awaiting each write's promise, with synchronous =
 *   NORMAL and = FULL (fsync at each commit), to weigh what surviving a power cut costs.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient, type InStatement } from "@libsql/client";
import { createOptionsSchema } from "../shared/protocol/index.ts";
import { GameSession } from "../server/game/session.ts";
import { libsqlKysely } from "../server/store/file.ts";
import { migrate } from "../server/store/migrations/index.ts";
import { SqlStore } from "../server/store/sql.ts";
import type { StoreSettings } from "../server/store/settings.ts";
import { loadScenario } from "../node/scenarios.ts";
import { intFlag, orUsage, scriptFlags } from "./lib/cli.ts";

const USAGE = `usage: npm run bench:store [-- --single N] [--rounds N]

  --single N   commands written one at a time, each timed until committed (default 300)
  --rounds N   rounds of 100 commands arriving together (default 20)`;
const values = scriptFlags(USAGE, { single: { type: "string" }, rounds: { type: "string" } });
const SINGLE = orUsage(USAGE, () => intFlag("single", values.single, 1, 100_000, 300));
const ROUNDS = orUsage(USAGE, () => intFlag("rounds", values.rounds, 1, 10_000, 20));
const TOGETHER = 100;

const scenario = loadScenario("halving-2020");

function newSession(): GameSession {
  const options = createOptionsSchema.parse({
    scenario: "halving-2020",
    seats: 2,
    hostSecret: "bench-secret-0123456789",
    name: "Bench",
  });
  const session = GameSession.create(scenario, options, "BENCH2", 1);
  session.join("s1", { name: "Bench", role: "player" }, 0);
  session.host({ type: "start" });
  return session;
}

let ratio = 0;
function command(session: GameSession): void {
  ratio = (ratio + 100) % 10_000;
  session.command("s1", { type: "setSellRatio", ratioBps: ratio });
}

/** A write: starts it and resolves when it has landed. */
type Write = (roomId: string, session: GameSession) => Promise<void>;

/** The old store's write path: one transaction per write, chained, nobody waiting for it. */
async function before(dir: string): Promise<{ write: Write; close(): void }> {
  const db = createClient({ url: `file:${join(dir, "before.db")}` });
  await db.execute("pragma journal_mode = wal");
  await db.execute("pragma synchronous = normal");
  await migrate(
    libsqlKysely((stmt) => db.execute(stmt)),
    "sqlite",
  );
  let queue: Promise<unknown> = Promise.resolve();
  const logged = new Map<string, number>();
  const write: Write = (roomId, s) => {
    const from = logged.get(roomId) ?? 0;
    logged.set(roomId, s.log.actions.length);
    const statements: InStatement[] = s.log.actions.slice(from).map((a, i) => ({
      sql: `insert or replace into actions values (?, ?, ?, ?, ?)`,
      args: [roomId, from + i, a.tick, JSON.stringify(a.actor), JSON.stringify(a.command)],
    }));
    statements.push({
      sql: `insert or replace into progress values (?, ?, ?, ?, ?, ?)`,
      args: [roomId, s.phase, s.pace, 0, s.state.tick, JSON.stringify(s.seats.map((x) => x.id))],
    });
    const landed = queue.then(() => db.batch(statements, "write"));
    queue = landed.catch(() => undefined);
    return landed.then(() => undefined);
  };
  return { write, close: () => db.close() };
}

async function after(
  dir: string,
  settings: StoreSettings,
): Promise<{ write: Write; close(): Promise<void> }> {
  const store = SqlStore.open(`file:${join(dir, `after-${settings.synchronous}.db`)}`, settings);
  await store.ready();
  return { write: (roomId, s) => store.saveProgress(roomId, s), close: () => store.close() };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function measure(write: Write): Promise<{ single: number[]; together: number[] }> {
  const session = newSession();
  const single: number[] = [];
  for (let i = 0; i < SINGLE; i++) {
    command(session);
    const t0 = performance.now();
    await write("single", session);
    single.push(performance.now() - t0);
  }
  const together: number[] = [];
  const crowd = newSession();
  for (let r = 0; r < ROUNDS; r++) {
    const landed: Promise<void>[] = [];
    for (let i = 0; i < TOGETHER; i++) {
      command(crowd);
      const t0 = performance.now();
      landed.push(write("crowd", crowd).then(() => void together.push(performance.now() - t0)));
    }
    await Promise.all(landed);
  }
  return { single: single.sort((a, b) => a - b), together: together.sort((a, b) => a - b) };
}

const ms = (n: number) => `${n.toFixed(2)} ms`.padStart(10);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "atlas-bench-store-"));
  try {
    console.log(
      `write latency until committed: ${SINGLE} single commands; ${ROUNDS} × ${TOGETHER} arriving together`,
    );
    console.log(
      `${"".padEnd(40)}${"single p50".padStart(10)}${"p99".padStart(10)}${"100 p50".padStart(10)}${"p99".padStart(10)}`,
    );
    const rows: [string, () => Promise<{ write: Write; close(): unknown }>][] = [
      ["before: fire-and-forget, NORMAL", () => before(dir)],
      ["after: group commit, NORMAL", () => after(dir, { synchronous: "normal" })],
      ["after: group commit, FULL", () => after(dir, { synchronous: "full" })],
    ];
    for (const [label, open] of rows) {
      const target = await open();
      const { single, together } = await measure(target.write);
      await target.close();
      console.log(
        `${label.padEnd(40)}${ms(percentile(single, 50))}${ms(percentile(single, 99))}${ms(percentile(together, 50))}${ms(percentile(together, 99))}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
