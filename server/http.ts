/**
 * HTTP beside the game socket: health, the room list (lobby and scripts), join codes, the host's
 * exports (CSV and JSON, every row stamped with scenario hash, seed and engine version) and the debrief.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { matchMaker } from "@colyseus/core";
import { joinCode } from "../shared/protocol/index.ts";
import { debrief } from "./debrief.ts";
import { predictionRows } from "./predictionsExport.ts";
import { commandRows } from "./debriefExport.ts";
import { ReplayError } from "../shared/replay/index.ts";
import { hashSecret, secretMatches } from "./game/codes.ts";
import { tickStats } from "./metrics.ts";
import { services } from "./services.ts";
import type { GameRoom } from "./rooms/GameRoom.ts";
import { clientAddress } from "./limits/addressLimiter.ts";
import { codeMisses, TOO_MANY_MISSES, TOO_MANY_WRONG_SECRETS } from "./http/limits.ts";
import { noteFailedSecret, secretGuessAllowed, secretRetryAfterMs } from "./limits/failures.ts";
import { joinAddressFor } from "./http/joinAddress.ts";
import { csv, type CsvCell } from "./csv.ts";
import { readiness } from "./http/readiness.ts";
import { admitRequest } from "./limits/httpLimits.ts";
import { decodeSegment, refusal, refuse, requestUrl, sendJson as json, tooMany } from "./http/respond.ts";

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

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

/**
 * Checks a secret under the per-address limit on wrong ones (see http/limits.ts): what `check` grants,
 * or null after answering (429 while the address is over its limit, else `denied`). A wrong secret
 * counts against the address; no secret at all is no guess, is refused at once and is not counted.
 */
async function withSecret<T>(
  req: IncomingMessage,
  res: ServerResponse,
  secret: string,
  check: () => Promise<T | null> | T | null,
  denied: () => void,
): Promise<T | null> {
  const address = clientAddress(req);
  if (secret && !secretGuessAllowed(address, Date.now())) {
    tooMany(res, secretRetryAfterMs(address, Date.now()), TOO_MANY_WRONG_SECRETS);
    return null;
  }
  const granted = secret ? await check() : null;
  if (granted !== null) return granted;
  if (secret) noteFailedSecret(address, Date.now());
  denied();
  return null;
}

/** Admin-only routes: the admin secret, guesses limited like the host's. */
async function adminOnly(
  req: IncomingMessage,
  res: ServerResponse,
  what: "debugState" | "metrics",
): Promise<boolean> {
  const why = refusal("ADMIN_ONLY", { what });
  const secret = String(req.headers["x-admin-secret"] ?? "");
  const granted = await withSecret(
    req,
    res,
    secret,
    () => (isAdmin(req) ? true : null),
    () => refuse(res, 403, why),
  );
  return granted !== null;
}

/**
 * Exports answer a room that does not exist exactly as one whose secret does not match (403, same
 * body): otherwise the difference would tell a prober which room ids exist. 403 rather than 404
 * because the client's usual case is a real game with a wrong or missing secret.
 */
const EXPORT_DENIED = refusal("EXPORT_DENIED");

/** Until the browser client lands (issue #5), the root page says what runs here and how to reach it. */
const LANDING = `<!doctype html><meta charset="utf-8"><title>Hashrate Atlas</title>
<h1>Hashrate Atlas / 矿机版图</h1>
<p>The game server is running. The browser client is not built yet; scripts can play through the
protocol (docs/protocol.md): WebSocket rooms named <code>game</code>, HTTP <a href="/api/rooms">/api/rooms</a>.</p>
<p>游戏服务器正在运行。浏览器客户端尚未完成；脚本可以通过协议（docs/protocol.md）进行游戏。</p>`;

const BAD_CODE = refusal("BAD_CODE");
const NO_SUCH_CODE = refusal("NO_SUCH_CODE");

const routes: { pattern: RegExp; handler: Handler }[] = [
  {
    pattern: /^\/$/,
    handler: (_q, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(LANDING);
    },
  },
  // Alive (the process answers); /ready: it can take players now (http/readiness.ts).
  { pattern: /^\/health$/, handler: (_q, res) => json(res, 200, { ok: true }) },
  {
    pattern: /^\/ready$/,
    handler: async (_q, res) => {
      const answer = await readiness();
      json(res, answer.ready ? 200 : 503, answer);
    },
  },
  // Where students reach this server (PUBLIC_URL, else the LAN address): the join link and QR carry it.
  { pattern: /^\/api\/join-address$/, handler: (req, res) => json(res, 200, joinAddressFor(req)) },
  {
    // The synced state as the server holds it (everything, private parts included), for tests that
    // check clients decode exactly what the server sent: behind the admin secret.
    pattern: /^\/api\/debug\/state\/[^/]+$/,
    handler: async (req, res, url) => {
      if (!(await adminOnly(req, res, "debugState"))) return;
      const room = roomOf(decodeSegment(url.pathname.split("/").pop() ?? ""));
      if (!room) return refuse(res, 404, refusal("NO_SUCH_ROOM"));
      json(res, 200, room.state.toJSON());
    },
  },
  {
    // Server-side tick timing for the load test and operators: behind the admin secret.
    pattern: /^\/api\/metrics$/,
    handler: async (req, res) => {
      if (!(await adminOnly(req, res, "metrics"))) return;
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
    // Look-ups are limited per address by their misses (http/limits.ts): guessing codes is all misses;
    // and all of them, hits too, by the shared limit (limits/httpLimits.ts).
    handler: async (req, res, url) => {
      const code = (url.pathname.split("/").pop() ?? "").toUpperCase();
      if (!joinCode.safeParse(code).success) return refuse(res, 400, BAD_CODE);
      if (!(await admitRequest("code", req, res))) return;
      const address = clientAddress(req);
      const wait = codeMisses.retryAfterMs(address, Date.now());
      if (wait > 0) return tooMany(res, wait, TOO_MANY_MISSES);
      const rooms = await matchMaker.query({ name: "game" });
      const room = rooms.find((r) => r.metadata?.code === code);
      if (!room) {
        codeMisses.noteFailure(address, Date.now());
        return refuse(res, 404, NO_SUCH_CODE);
      }
      // The join page shows the game's name and how full it is before a student types their name.
      const m = (room.metadata ?? {}) as Record<string, unknown>;
      const { name, scenario, phase, seats, taken } = m;
      json(res, 200, { roomId: room.roomId, name, scenario, phase, seats, taken });
    },
  },
  {
    pattern: /^\/api\/export\/([^/]+)\/(company-days|events|commands|predictions)\.(csv|json)$/,
    handler: async (req, res, url) => {
      const [, roomId, table, format] =
        /^\/api\/export\/([^/]+)\/(company-days|events|commands|predictions)\.(csv|json)$/.exec(
          url.pathname,
        ) ?? [];
      if (!(await admitRequest("export", req, res))) return;
      const store = services().store;
      const secret = String(req.headers["x-host-secret"] ?? url.searchParams.get("secret") ?? "");
      const session = await withSecret(
        req,
        res,
        secret,
        async () => {
          const found = await store.session(decodeSegment(roomId ?? ""));
          return found && secretMatches(secret, found.hostHash) ? found : null;
        },
        () => refuse(res, 403, EXPORT_DENIED),
      );
      if (!session) return;
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
            : table === "predictions"
              ? await predictionsOf(session.roomId)
              : format === "csv"
                ? // People read the CSV: plain words and who acted; programs read the JSON: the log as stored.
                  ((await commandRows(session.roomId, secret, (id) => roomOf(id)?.session)) ?? [])
                : await store.commands(session.roomId);
      const stamped: Record<string, unknown>[] = rows.map((r) => ({ ...r, ...stamp }));
      const { hostHash: _hash, ...publicSession } = session;
      if (format === "json") return json(res, 200, { session: publicSession, rows: stamped });
      const header = stamped[0] ? Object.keys(stamped[0]) : ["scenarioHash", "seed", "engineVersion"];
      res.writeHead(200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${session.code}-${table}.csv"`,
      });
      res.end(csv([header, ...stamped.map((r) => header.map((h) => (r[h] ?? null) as CsvCell))]));
    },
  },
  {
    // The debrief: the host (secret) at any time, a player (seat token) once the game has ended.
    pattern: /^\/api\/debrief\/[^/]+$/,
    // A wrong secret or token counts against the address (debrief.ts answers an unknown room alike).
    handler: async (req, res, url) => {
      if (!(await admitRequest("debrief", req, res))) return;
      const request = {
        roomId: decodeSegment(url.pathname.split("/").pop() ?? ""),
        hostSecret: String(req.headers["x-host-secret"] ?? url.searchParams.get("secret") ?? ""),
        seatToken: String(req.headers["x-seat-token"] ?? url.searchParams.get("token") ?? ""),
      };
      const address = clientAddress(req);
      const offered = request.hostSecret !== "" || request.seatToken !== "";
      if (offered && !secretGuessAllowed(address, Date.now()))
        return tooMany(res, secretRetryAfterMs(address, Date.now()), TOO_MANY_WRONG_SECRETS);
      const answer = await debrief(request, (id) => roomOf(id)?.session);
      if (answer.status === 403 && answer.body.code === "FORBIDDEN") noteFailedSecret(address, Date.now());
      bigJson(req, res, answer.status, answer.body);
    },
  },
];

/** The predictions export's rows, companies named as the roster names them. */
async function predictionsOf(roomId: string): Promise<object[]> {
  const store = services().store;
  const archive = await store.archive(roomId);
  const names = new Map((archive?.progress.seats ?? []).map((s) => [s.id, s.name]));
  return predictionRows(await store.predictions(roomId), names);
}

export function roomOf(roomId: string): GameRoom | undefined {
  return matchMaker.getLocalRoomById(roomId) as GameRoom | undefined;
}

/**
 * Handles our routes; returns false for anything else (static files, 404). A malformed request throws
 * BadRequest and any other failure throws too: the HTTP guard (http/guard.ts) answers 400 or 500.
 */
export async function route(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = requestUrl(req);
  const hit = routes.find((r) => r.pattern.test(url.pathname));
  if (!hit) return false;
  try {
    await hit.handler(req, res, url);
  } catch (e) {
    // A log this engine cannot replay (recorded by another engine version, or its scenario changed since)
    // is a conflict with what is stored, not a fault: 409 with the reason.
    if (!(e instanceof ReplayError)) throw e;
    json(res, 409, { code: "REPLAY_CONFLICT", error: e.message });
  }
  return true;
}
