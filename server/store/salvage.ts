/**
 * A damaged database at start-up: the server starts anyway. The damaged file (with its -wal and -shm)
 * is moved aside, untouched, as `<name>.damaged-<time>`; a copy of it (with its write-ahead log, which
 * holds the latest commits) is read table by table and, where a table is damaged, row by row around
 * the damage, into a new database at the path. What could not be read is said, per table, and so are
 * the running games that cannot come back (their session, progress or some of their actions lost):
 * those are marked abandoned, so that no game is ever rebuilt from half a log.
 */
import { copyFileSync, existsSync, renameSync, rmSync } from "node:fs";
import { createClient, type Client, type InValue, type Row } from "@libsql/client";
import { fileStamp } from "./file.ts";
import { messageOf } from "./health.ts";
import { headerLooksValid, pageSizeCandidates, writeHeader } from "./header.ts";

/** Every table, in the order they are copied. */
const TABLES = [
  "sessions",
  "log_headers",
  "progress",
  "actions",
  "snapshots",
  "roster",
  "company_days",
  "events",
] as const;

const PAGE = 500;
/** Rowids tried one by one past damage before striding (a damaged leaf holds about this many rows). */
const NEAR = 64;

interface TableRead {
  rows: Row[];
  /** Rowid stretches that could not be read. */
  lost: [number, number][];
  error: string | null;
}

let queries = 0;
async function q(db: Client, sql: string, args: InValue[] = []): Promise<Row[]> {
  // The driver answers synchronously: let timers and I/O run now and then during a long salvage.
  if (++queries % 200 === 0) await new Promise((r) => setImmediate(r));
  return (await db.execute({ sql, args })).rows;
}

/**
 * The first rowid from `start` on from which reading works again, or null if none up to `end`: one
 * by one nearby, then doubling the stride until a read works and halving back to the first that does
 * (a damaged page covers one stretch of rowids, so this costs a few dozen reads, not one per rowid).
 */
async function nextReadable(ok: (rowid: number) => Promise<boolean>, start: number, end: number) {
  let x = start;
  for (; x <= end && x < start + NEAR; x++) if (await ok(x)) return x;
  if (x > end) return null;
  let bad = x - 1;
  let good: number | null = null;
  for (let step = NEAR; good === null; step *= 2) {
    const probe = Math.min(bad + step, end);
    if (await ok(probe)) good = probe;
    else if (probe >= end) return null;
    else bad = probe;
  }
  while (good - bad > 1) {
    const mid = Math.floor((bad + good) / 2);
    if (await ok(mid)) good = mid;
    else bad = mid;
  }
  return good;
}

/**
 * Reads a whole table in rowid order. Where a read fails, reads one row at a time up to the damage,
 * then finds the first rowid from which reading works again: what lies between is lost.
 */
async function readTable(db: Client, table: string): Promise<TableRead> {
  const rows: Row[] = [];
  const lost: [number, number][] = [];
  const max = await q(db, `select max(rowid) as m from ${table}`).then(
    (r) => Number(r[0]?.m ?? 0),
    () => null,
  );
  // Always ">=": a seek for "> n" from inside a damaged page's stretch reads that page, ">= n+1" may not.
  const from = (rowid: number, limit: number) =>
    q(db, `select rowid as salvage_rowid, * from ${table} where rowid >= ? order by rowid limit ${limit}`, [
      rowid,
    ]);
  const after = (r: Row | undefined) => Number(r?.salvage_rowid) + 1;
  let next = 1; // this server's rowids start at 1
  let firstError: string | null = null;
  for (;;) {
    try {
      const page = await from(next, PAGE);
      rows.push(...page);
      if (page.length < PAGE) break;
      next = after(page.at(-1));
      continue;
    } catch (e) {
      firstError ??= messageOf(e);
    }
    let ended = false;
    for (;;) {
      const one = await from(next, 1).catch(() => null);
      if (!one) break;
      if (one.length === 0) {
        ended = true;
        break;
      }
      rows.push(...one);
      next = after(one[0]);
    }
    if (ended) break;
    const end = max ?? Number.MAX_SAFE_INTEGER;
    const readable = (x: number) =>
      from(x, 1).then(
        () => true,
        () => false,
      );
    const resume = next < end ? await nextReadable(readable, next + 1, end) : null;
    if (next <= end) lost.push([next, resume === null ? end : resume - 1]);
    if (resume === null) break;
    next = resume;
  }
  const unreadable = rows.length === 0 && lost.length > 0 && max === null;
  return { rows, lost, error: unreadable ? firstError : null };
}

async function copyRows(target: Client, table: string, rows: Row[]): Promise<void> {
  for (let i = 0; i < rows.length; i += PAGE) {
    await target.batch(
      rows.slice(i, i + PAGE).map((r) => {
        const columns = Object.keys(r).filter((c) => c !== "salvage_rowid");
        return {
          sql: `insert or replace into ${table} (rowid, ${columns.join(", ")}) values (?${", ?".repeat(columns.length)})`,
          args: [r.salvage_rowid ?? null, ...columns.map((c) => r[c] ?? null)],
        };
      }),
      "write",
    );
  }
}

/** Opens the copy; if its header is what is damaged, tries a fresh one with each likely page size. */
async function openReadable(copy: string): Promise<Client | null> {
  const tries = headerLooksValid(copy) ? [0] : [0, ...pageSizeCandidates(copy)];
  for (const pageSize of tries) {
    if (pageSize) writeHeader(copy, pageSize);
    const db = createClient({ url: `file:${copy}`, concurrency: 1 });
    const ok = await db.execute("select count(*) from sqlite_schema").then(
      () => true,
      () => false,
    );
    if (ok) return db;
    db.close();
  }
  return null;
}

/** Running games that cannot be rebuilt from what was recovered: marked abandoned, named in the report. */
async function checkGames(target: Client): Promise<string[]> {
  const report: string[] = [];
  const sessions = await q(
    target,
    `select s.room_id, s.code, s.scenario, p.room_id as progress, h.room_id as header,
       (select count(*) from actions a where a.room_id = s.room_id) as n,
       (select max(idx) from actions a where a.room_id = s.room_id) as top
     from sessions s left join progress p on p.room_id = s.room_id left join log_headers h on h.room_id = s.room_id
     where s.status = 'running'`,
  );
  for (const s of sessions) {
    const missing = [
      s.progress === null ? "where it stood" : "",
      s.header === null ? "its log's header" : "",
      s.top !== null && Number(s.n) !== Number(s.top) + 1
        ? `${Number(s.top) + 1 - Number(s.n)} of its ${Number(s.top) + 1} actions`
        : "",
    ].filter(Boolean);
    if (missing.length === 0) continue;
    const why = `damaged database: ${missing.join(", ")} could not be read`;
    await target.execute({
      sql: `update sessions set status = 'abandoned', result = ? where room_id = ?`,
      args: [JSON.stringify({ abandoned: why }), s.room_id ?? null],
    });
    report.push(
      `game ${String(s.room_id)} (code ${String(s.code)}, ${String(s.scenario)}) cannot be restored: ${why}`,
    );
  }
  const orphans = await q(
    target,
    `select distinct room_id from progress where room_id not in (select room_id from sessions)`,
  );
  for (const o of orphans)
    report.push(`game ${String(o.room_id)} cannot be restored: its session could not be read`);
  return report;
}

function moveSet(from: string, to: string): void {
  for (const suffix of ["", "-wal", "-shm"])
    if (existsSync(from + suffix)) renameSync(from + suffix, to + suffix);
}

/**
 * Moves the damaged database at `path` aside and builds a new one there from what can be read.
 * `makeTables` creates the tables (the migrations); `damage` says what was found. Returns the report,
 * one line each.
 */
export async function salvage(
  path: string,
  damage: string,
  makeTables: (target: Client) => Promise<void>,
): Promise<string[]> {
  const stamp = fileStamp();
  const aside = `${path}.damaged-${stamp}`;
  moveSet(path, aside);
  const report = [
    `the database ${path} is damaged (${damage}); it was moved to ${aside} and a new database is made there from what can be read`,
  ];
  // Read from a copy: opening the damaged file would replay its log into it, and a header fix writes.
  const copy = `${path}.salvage-${stamp}`;
  copyFileSync(aside, copy);
  if (existsSync(`${aside}-wal`)) copyFileSync(`${aside}-wal`, `${copy}-wal`);
  const target = createClient({ url: `file:${path}`, concurrency: 1 });
  const source = await openReadable(copy);
  try {
    await target.execute("pragma journal_mode = wal");
    await makeTables(target);
    if (!source) {
      report.push("nothing could be read: even the list of tables is damaged; every game is lost");
      return report;
    }
    for (const table of TABLES) {
      const read = await readTable(source, table);
      await copyRows(target, table, read.rows);
      const stretches = read.lost
        .map(([a, b]) => (a === b ? `${a}` : b === Number.MAX_SAFE_INTEGER ? `${a} onwards` : `${a}-${b}`))
        .join(", ");
      report.push(
        read.error
          ? `${table}: unreadable (${read.error})`
          : `${table}: ${read.rows.length} rows recovered` +
              (read.lost.length ? `; rows at rowids ${stretches} unreadable` : ", none lost"),
      );
    }
    report.push(...(await checkGames(target)));
    return report;
  } finally {
    source?.close();
    target.close();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(copy + suffix, { force: true });
  }
}
