/**
 * A damaged or unwritable database is not a dead server. At start-up openStore moves a damaged file
 * aside and recovers what can be read (a clobbered header: everything; damaged pages: all but those
 * rows, with the games that cannot come back named and not restored; the write-ahead log's commits
 * included), and opens a read-only database still, saying it cannot write until it can.
 */
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  closeSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createClient } from "@libsql/client";
import { stateHash } from "../../shared/engine/hash.ts";
import { createOptionsSchema } from "../../shared/protocol/index.ts";
import { GameSession } from "../../server/game/session.ts";
import { rebuild } from "../../server/recovery.ts";
import { SqlStore } from "../../server/store/sql.ts";
import { openStore } from "../../server/store/open.ts";
import { scenario } from "../helpers/game.ts";

const root = mkdtempSync(join(tmpdir(), "atlas-store-open-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
function folder(): string {
  const dir = join(root, `f${folders++}`);
  mkdirSync(dir);
  return dir;
}

function newGame(code: string, seed: number): GameSession {
  const options = createOptionsSchema.parse({
    scenario: "halving-2020",
    seats: 2,
    hostSecret: "open-secret-0123456789",
    name: "Lab",
  });
  const session = GameSession.create(scenario("halving-2020"), options, code, seed);
  session.join("s1", { name: "Kai", role: "player" }, 0);
  session.host({ type: "start" });
  return session;
}

/** Plays `days` days with a command each day, every write awaited. */
async function play(store: SqlStore, roomId: string, session: GameSession, days: number): Promise<void> {
  for (let day = 0; day < days; day++) {
    expect(session.command("s1", { type: "setSellRatio", ratioBps: (day * 100) % 10_000 }).ok).toBe(true);
    await store.saveProgress(roomId, session);
    await store.recordDay(roomId, session, session.tick());
  }
}

function overwrite(path: string, offset: number, bytes: Buffer): void {
  const fd = openSync(path, "r+");
  try {
    writeSync(fd, bytes, 0, bytes.length, offset);
  } finally {
    closeSync(fd);
  }
}

/** Rows in a table of the database at `path` (its -wal included). */
async function countRows(path: string, table: string): Promise<number> {
  const db = createClient({ url: `file:${path}` });
  try {
    return Number((await db.execute(`select count(*) as n from ${table}`)).rows[0]?.n);
  } finally {
    db.close();
  }
}

async function pagesOf(path: string, table: string): Promise<{ pageSize: number; leaves: number[] }> {
  const db = createClient({ url: `file:${path}` });
  try {
    const pageSize = Number((await db.execute("pragma page_size")).rows[0]?.page_size);
    const rows = await db.execute({
      sql: `select pageno from dbstat where name = ? and pagetype = 'leaf' order by pageno`,
      args: [table],
    });
    return { pageSize, leaves: rows.rows.map((r) => Number(r.pageno)) };
  } finally {
    db.close();
  }
}

/** Restored games must rebuild to exactly the state that was played. */
async function expectRestored(store: SqlStore, games: Record<string, GameSession>): Promise<void> {
  const running = await store.runningGames();
  expect(running.map((g) => g.roomId).sort()).toEqual(Object.keys(games).sort());
  for (const game of running) {
    const rebuilt = rebuild(game, scenario("halving-2020"));
    expect(stateHash(rebuilt.session.state)).toBe(stateHash(games[game.roomId]!.state));
  }
}

describe("a damaged database at start-up", () => {
  it("recovers everything when only the header is clobbered, and moves the damaged file aside", async () => {
    const dir = folder();
    const path = join(dir, "atlas.db");
    const store = SqlStore.open(`file:${path}`);
    const session = newGame("HDR234", 1);
    await store.saveSession("room-a", session);
    await play(store, "room-a", session, 40);
    await store.close();
    // The 40 commands and whatever the seat's bot did on those days: the rows the header's loss hides.
    const actions = await countRows(path, "actions");
    expect(actions).toBeGreaterThanOrEqual(40);
    overwrite(path, 0, Buffer.alloc(100, 0xab));

    const opened = await openStore(`file:${path}`, {});
    expect(opened.recovered).toBe(true);
    const aside = readdirSync(dir).find((f) => f.startsWith("atlas.db.damaged-"));
    expect(aside).toMatch(/^atlas\.db\.damaged-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z$/);
    expect(opened.report[0]).toContain(`moved to ${join(dir, aside!)}`);
    expect(opened.report).toContain(`actions: ${actions} rows recovered, none lost`);
    expect(opened.writable).toBe(true);
    await expectRestored(opened.store, { "room-a": session });
    await opened.store.close();
  });

  it("recovers the rest around damaged pages and names the game that cannot come back", async () => {
    const dir = folder();
    const path = join(dir, "atlas.db");
    const store = SqlStore.open(`file:${path}`);
    const intact = newGame("OKA234", 2);
    await store.saveSession("intact", intact);
    await play(store, "intact", intact, 30);
    const broken = newGame("BRK234", 3);
    await store.saveSession("broken", broken);
    await play(store, "broken", broken, 400); // its actions fill many pages after the intact game's
    await store.close();
    const { pageSize, leaves } = await pagesOf(path, "actions");
    const events = await pagesOf(path, "events");
    const middle = leaves[Math.floor(leaves.length * 0.6)]!;
    overwrite(path, (middle - 1) * pageSize, Buffer.alloc(pageSize, 0x5a));
    overwrite(path, (events.leaves[0]! - 1) * pageSize, Buffer.alloc(pageSize, 0x00));

    const opened = await openStore(`file:${path}`, {});
    expect(opened.recovered).toBe(true);
    const actions = opened.report.find((l) => l.startsWith("actions: "));
    expect(actions).toMatch(/^actions: \d+ rows recovered; rows at rowids \d+-\d+ unreadable$/);
    // The events' first leaf is zeroed: a table on one page is lost whole, a longer one (the days' notices
    // fill several pages since the new economy's mechanics report more) keeps the rows on its other pages.
    expect(opened.report.find((l) => l.startsWith("events: "))).toMatch(
      events.leaves.length === 1
        ? /^events: unreadable \(SQLITE_CORRUPT/
        : /^events: \d+ rows recovered; rows at rowids \d+-\d+ unreadable$/,
    );
    expect(opened.report).toContain("sessions: 2 rows recovered, none lost");
    expect(opened.report.find((l) => l.startsWith("game broken"))).toMatch(
      /^game broken \(code BRK234, halving-2020\) cannot be restored: damaged database: \d+ of its \d+ actions could not be read$/,
    );
    // Only the game whose log is whole comes back; the other is marked abandoned, with the reason.
    await expectRestored(opened.store, { intact });
    expect((await opened.store.session("broken"))?.status).toBe("abandoned");
    await opened.store.close();
  });

  it("reads the write-ahead log's commits too, when the main file is damaged", async () => {
    const dir = folder();
    const path = join(dir, "atlas.db");
    const store = SqlStore.open(`file:${path}`);
    const session = newGame("WAL234", 4);
    await store.saveSession("room-w", session);
    await play(store, "room-w", session, 10);
    await store.close(); // checkpointed: the main file holds 10 days
    const again = SqlStore.open(`file:${path}`);
    await play(again, "room-w", session, 5); // these 5 days are in the -wal only
    // A crash now (the copy is what a kill -9 leaves: main file and -wal), and the header damaged.
    const crashed = folder();
    copyFileSync(path, join(crashed, "atlas.db"));
    copyFileSync(`${path}-wal`, join(crashed, "atlas.db-wal"));
    await again.close();
    // Every action stored: the player's 15 commands and whatever the bot in the other seat did.
    const stored = await countRows(path, "actions");
    expect(stored).toBeGreaterThanOrEqual(15);
    overwrite(join(crashed, "atlas.db"), 0, Buffer.alloc(100, 0xff));

    const opened = await openStore(`file:${join(crashed, "atlas.db")}`, {});
    expect(opened.recovered).toBe(true);
    expect(opened.report).toContain(`actions: ${stored} rows recovered, none lost`);
    expect(
      existsSync(
        join(
          crashed,
          readdirSync(crashed).find((f) => f.endsWith("-wal") && f.includes("damaged"))!,
        ),
      ),
    ).toBe(true);
    await expectRestored(opened.store, { "room-w": session });
    await opened.store.close();
  });
});

/** Makes a file unwritable even for root (whose writes chmod does not stop): the immutable attribute. */
function makeReadOnly(path: string): (() => void) | null {
  if (process.getuid?.() !== 0) {
    chmodSync(path, 0o444);
    return () => chmodSync(path, 0o644);
  }
  try {
    execFileSync("chattr", ["+i", path], { stdio: "ignore" });
    return () => execFileSync("chattr", ["-i", path], { stdio: "ignore" });
  } catch {
    return null; // no chattr, or no CAP_LINUX_IMMUTABLE: nothing makes the file read-only for root
  }
}

describe("a read-only database at start-up", () => {
  it("opens (games can be seen), says it cannot write and why, and lands held writes once it can", async () => {
    const dir = folder();
    const path = join(dir, "atlas.db");
    const store = SqlStore.open(`file:${path}`);
    const session = newGame("ROX234", 5);
    await store.saveSession("room-r", session);
    await play(store, "room-r", session, 5);
    await store.close();
    const undo = makeReadOnly(path);
    if (!undo) return console.warn("skipped: this machine cannot make a file read-only for root");
    try {
      const opened = await openStore(`file:${path}`, {});
      expect(opened.writable).toBe(false);
      expect(opened.reason).toBe("the database is read-only");
      expect(opened.report).toContain(
        "the database cannot be written: the database is read-only; games can be seen, and commands are refused until it can (the server keeps trying)",
      );
      await expectRestored(opened.store, { "room-r": session });
      // A write is held, never acknowledged, while the file stays read-only...
      let landed = false;
      expect(session.command("s1", { type: "setSellRatio", ratioBps: 4200 }).ok).toBe(true);
      const write = opened.store.saveProgress("room-r", session).then(() => void (landed = true));
      expect(landed).toBe(false);
      expect(opened.store.pendingWrites).toBeGreaterThan(0);
      // ...and lands once an operator makes it writable again.
      undo();
      await write;
      expect(opened.store.writable).toBe(true);
      await expectRestored(opened.store, { "room-r": session });
      await opened.store.close();
    } finally {
      try {
        undo();
      } catch {
        // already writable
      }
    }
  });
});

/** A read-only folder, even for root: a read-only bind mount of it over itself (needs CAP_SYS_ADMIN). */
function makeFolderReadOnly(dir: string): (() => void) | null {
  if (process.getuid?.() !== 0) {
    chmodSync(dir, 0o555);
    return () => chmodSync(dir, 0o755);
  }
  try {
    execFileSync("mount", ["--bind", dir, dir], { stdio: "ignore" });
  } catch {
    return null;
  }
  // Lazily: files opened through the read-only view (closed connections not yet collected) stay busy.
  const undo = () => execFileSync("umount", ["-l", dir], { stdio: "ignore" });
  try {
    execFileSync("mount", ["-o", "remount,bind,ro", dir], { stdio: "ignore" });
    return undo;
  } catch {
    undo();
    return null;
  }
}

describe("a database in a read-only folder at start-up", () => {
  it("reads the games from a copy, holds writes, and stores them once the folder can be written", async () => {
    const dir = folder();
    const path = join(dir, "atlas.db");
    const store = SqlStore.open(`file:${path}`);
    const session = newGame("ROF234", 6);
    await store.saveSession("room-f", session);
    await play(store, "room-f", session, 5);
    await store.close(); // checkpointed: the -wal is empty and goes, as after any clean shutdown
    for (const suffix of ["-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
    const undo = makeFolderReadOnly(dir);
    if (!undo) return console.warn("skipped: this machine cannot make a folder read-only for root");
    let mounted = true;
    try {
      const opened = await openStore(`file:${path}`, {});
      expect(opened.writable).toBe(false);
      expect(opened.reason).toBe(`the database folder ${dir} is read-only`);
      await expectRestored(opened.store, { "room-f": session });
      expect(session.command("s1", { type: "setSellRatio", ratioBps: 4300 }).ok).toBe(true);
      const write = opened.store.saveProgress("room-f", session);
      undo();
      mounted = false;
      await write;
      expect(opened.store.writable).toBe(true);
      await expectRestored(opened.store, { "room-f": session });
      await opened.store.close();
    } finally {
      if (mounted) undo();
    }
  });
});
