/**
 * The store's tables as Kysely sees them (what each column holds when read back). Integers and reals
 * are JavaScript numbers on both databases: PostgreSQL's bigint is parsed as a number by postgres.ts
 * (every value the store writes is far below 2^53). JSON is stored as text, as it always was.
 */
import type { Generated } from "kysely";

export interface Tables {
  sessions: {
    room_id: string;
    code: string;
    scenario: string;
    scenario_hash: string;
    seed: number;
    engine_version: string;
    options: string | null;
    host_hash: string;
    created_at: string;
    status: string;
    result: string | null;
    /** The process running the game (migration 2); null: nobody (released at a clean stop, or older). */
    owner: string | null;
    /** Until when its owner's lease holds, in ms since 1970 by the database's clock. */
    lease_until: number | null;
    /** When it ended or was abandoned, ISO (migration 3; null while running, or ended before it). */
    ended_at?: string | null;
  };
  roster: { room_id: string; seat: string; name: string; kind: string };
  actions: { room_id: string; idx: number; tick: number; actor: string; command: string };
  snapshots: { room_id: string; tick: number; state: string };
  company_days: {
    room_id: string;
    tick: number;
    date: string;
    company: string;
    name: string;
    cash_usd: number;
    btc: number;
    equity_usd: number;
    ths: number;
    kwh: number;
    carbon_kg: number;
  };
  events: {
    room_id: string;
    tick: number;
    date: string;
    kind: string;
    company: string | null;
    en: string;
    zh: string;
    targets: string;
    /** PostgreSQL only (an identity column: the order rows were written); SQLite orders by rowid. */
    seq?: Generated<number>;
  };
  progress: {
    room_id: string;
    phase: string;
    pace: number;
    hide_names: number;
    tick: number;
    seats: string;
  };
  log_headers: { room_id: string; header: string };
  store_meta: { key: string; value: string };
  predictions: { room_id: string; id: number; question: string };
}

/** Which SQL the database speaks: a few statements differ (the order of events, types). */
export type Dialect = "sqlite" | "postgres";
