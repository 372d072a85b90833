/**
 * HTTP beside the game socket: health, the room list (lobby and scripts), join codes, the host's
 * exports (CSV and JSON, every row stamped with scenario hash, seed and engine version) and the debrief.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { matchMaker } from "@colyseus/core";
import { joinCode } from "../shared/protocol/index.ts";
import { debrief } from "./debrief.ts";
import { ReplayError } from "../shared/replay/index.ts";
import { hashSecret, secretMatches } from "./game/codes.ts";
import { tickStats } from "./metrics.ts";
import { services } from "./services.ts";
import type { GameRoom } from "./rooms/GameRoom.ts";

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

/** JSON, gzipped when the client takes it: a three-year debrief is ~700 KB of numbers, ~150 KB gzipped. */
function bigJson(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
  if (!/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) return json(res, status, body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    "content-encoding": "gzip",
    vary: "accept-encoding",
  });
  res.end(gzipSync(JSON.stringify(body)));
}

/** The request carries the admin secret (x-admin-secret) and one is configured. */
function isAdmin(req: IncomingMessage): boolean {
  const secret = process.env.ADMIN_SECRET;
  return (
    Boolean(secret) && secretMatches(String(req.headers["x-admin-secret"] ?? ""), hashSecret(secret ?? ""))
  );
}

function csv(rows: (string | number | null)[][]): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? "" : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${rows.map((r) => r.map(cell).join(",")).join("\n")}\n`;
}

/** Until the browser client lands (issue #5), the root page says what runs here and how to reach it. */
const LANDING = `<!doctype html><meta charset="utf-8"><title>Hashrate Atlas</title>
<h1>Hashrate Atlas / 矿机版图</h1>
<p>The game server is running. The browser client is not built yet; scripts can play through the
protocol (docs/protocol.md): WebSocket rooms named <code>game</code>, HTTP <a href="/api/rooms">/api/rooms</a>.</p>
<p>游戏服务器正在运行。浏览器客户端尚未完成；脚本可以通过协议（docs/protocol.md）进行游戏。</p>`;

const routes: { pattern: RegExp; handler: Handler }[] = [
  {
    pattern: /^\/$/,
    handler: (_q, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(LANDING);
    },
  },
  { pattern: /^\/health$/, handler: (_q, res) => json(res, 200, { ok: true }) },
  {
    // The synced state as the server holds it (everything, private parts included), for tests that
    // check clients decode exactly what the server sent: behind the admin secret.
    pattern: /^\/api\/debug\/state\/[^/]+$/,
    handler: (req, res, url) => {
      if (!isAdmin(req)) return json(res, 403, { error: "debug needs the admin secret" });
      const room = roomOf(url.pathname.split("/").pop() ?? "");
      if (!room) return json(res, 404, { error: "no such room in this process" });
      json(res, 200, room.state.toJSON());
    },
  },
  {
    // Server-side tick timing for the load test and operators: behind the admin secret.
    pattern: /^\/api\/metrics$/,
    handler: (req, res) => {
      if (!isAdmin(req)) return json(res, 403, { error: "metrics need the admin secret" });
      json(res, 200, { ticks: tickStats(), memoryMb: process.memoryUsage().rss / 1e6 });
    },
  },
  {
    pattern: /^\/api\/rooms$/,
    handler: async (_q, res, url) => {
      const rooms = await matchMaker.query({ name: "game", private: false });
      const scenario = url.searchParams.get("scenario");
      json(
        res,
        200,
        rooms
          .filter((r) => !scenario || r.metadata?.scenario === scenario)
          .map((r) => ({ roomId: r.roomId, clients: r.clients, ...r.metadata })),
      );
    },
  },
  {
    pattern: /^\/api\/code\/([A-Za-z0-9]+)$/,
    handler: async (_q, res, url) => {
      const code = (url.pathname.split("/").pop() ?? "").toUpperCase();
      if (!joinCode.safeParse(code).success)
        return json(res, 400, { error: "a join code is 6 letters and digits" });
      const rooms = await matchMaker.query({ name: "game" });
      const room = rooms.find((r) => r.metadata?.code === code);
      if (!room) return json(res, 404, { error: "no game with that code" });
      json(res, 200, { roomId: room.roomId });
    },
  },
  {
    pattern: /^\/api\/export\/([^/]+)\/(company-days|events|commands)\.(csv|json)$/,
    handler: async (req, res, url) => {
      const [, roomId, table, format] =
        /^\/api\/export\/([^/]+)\/(company-days|events|commands)\.(csv|json)$/.exec(url.pathname) ?? [];
      const store = services().store;
      const session = await store.session(roomId ?? "");
      const secret = String(req.headers["x-host-secret"] ?? url.searchParams.get("secret") ?? "");
      if (!session) return json(res, 404, { error: "no such session" });
      if (!secretMatches(secret, session.hostHash))
        return json(res, 403, { error: "exports need the host secret" });
      const stamp = {
        scenarioHash: session.scenarioHash,
        seed: session.seed,
        engineVersion: session.engineVersion,
      };
      const rows: object[] =
        table === "company-days"
          ? await store.companyDays(session.roomId)
          : table === "events"
            ? await store.events(session.roomId)
            : await store.commands(session.roomId);
      const stamped: Record<string, unknown>[] = rows.map((r) => ({ ...r, ...stamp }));
      const { hostHash: _hash, ...publicSession } = session;
      if (format === "json") return json(res, 200, { session: publicSession, rows: stamped });
      const header = stamped[0] ? Object.keys(stamped[0]) : ["scenarioHash", "seed", "engineVersion"];
      res.writeHead(200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${session.code}-${table}.csv"`,
      });
      res.end(
        csv([header, ...stamped.map((r) => header.map((h) => (r[h] ?? null) as string | number | null))]),
      );
    },
  },
  {
    // The debrief: the host (secret) at any time, a player (seat token) once the game has ended.
    pattern: /^\/api\/debrief\/[^/]+$/,
    handler: async (req, res, url) => {
      const answer = await debrief(
        {
          roomId: decodeURIComponent(url.pathname.split("/").pop() ?? ""),
          hostSecret: String(req.headers["x-host-secret"] ?? url.searchParams.get("secret") ?? ""),
          seatToken: String(req.headers["x-seat-token"] ?? url.searchParams.get("token") ?? ""),
        },
        (id) => roomOf(id)?.session,
      );
      bigJson(req, res, answer.status, answer.body);
    },
  },
];

export function roomOf(roomId: string): GameRoom | undefined {
  return matchMaker.getLocalRoomById(roomId) as GameRoom | undefined;
}

/** Handles our routes; returns false for anything else (matchmaking, static files). */
export async function route(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = new URL(req.url ?? "/", "http://localhost");
  const hit = routes.find((r) => r.pattern.test(url.pathname));
  if (!hit) return false;
  try {
    await hit.handler(req, res, url);
  } catch (e) {
    // A log this engine cannot replay (recorded by another engine version, or its scenario changed since)
    // is a conflict with what is stored, not a fault: 409 with the reason.
    json(res, e instanceof ReplayError ? 409 : 500, { error: e instanceof Error ? e.message : String(e) });
  }
  return true;
}
