/**
 * POST /matchmake/<method>/<room>: Colyseus's matchmaking route, taken over from Colyseus (its own
 * handler buffers any body whole and throws on odd addresses). Same contract as Colyseus 0.16 for a
 * well-formed request: the same CORS headers, 204 for OPTIONS, 503 while shutting down, and 200 with
 * `{ ...seatReservation, protocol }` or `{ code, error }` from `matchMaker.controller.invokeMethod`.
 * What it adds: clear refusals for a wrong address or method (404, 405), a 16 KiB body (413), JSON
 * that parses (400), and, for new games, a per-address creation limit (429) and a room cap for this
 * process (503), both checked before anything is built.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { getBearerToken, matchMaker } from "@colyseus/core";
import { clientAddress } from "../limits/addressLimiter.ts";
import { declaredTooLarge, readBody, refuseTooLarge } from "./body.ts";
import { liveRoomsOf, noteCreated } from "../limits/roomOwners.ts";
import {
  maxRooms,
  maxRoomsPerAddress,
  roomCreations,
  SERVER_FULL,
  TOO_MANY_LIVE_ROOMS,
  TOO_MANY_ROOMS,
} from "./limits.ts";
import { refusal, refuse, sendJson, tooMany } from "./respond.ts";
import { admitRequest } from "../limits/httpLimits.ts";

const ROUTE = `/${matchMaker.controller.matchmakeRoute}`;
/** /matchmake/<method>/<room or room id>, names as Colyseus allows them; a trailing slash is tolerated. */
const SHAPE = /^\/[^/]+\/([A-Za-z]+)\/([A-Za-z0-9_-]+)\/?$/;
/** The game room's name: only new games are limited (joining is the rooms' own business). */
const LIMITED_ROOM = "game";
const CREATING = new Set(["create", "joinOrCreate"]);

/** Creations under way (counted before the room exists), so that a burst cannot overshoot the cap. */
let creating = 0;

/** The request's path is the matchmaking route (the path only: "/api/x?y=/matchmake" is not). */
export function isMatchmake(req: IncomingMessage): boolean {
  const path = (req.url ?? "").split("?")[0] ?? "";
  return path === ROUTE || path.startsWith(`${ROUTE}/`);
}

function corsHeaders(req: IncomingMessage): OutgoingHttpHeaders {
  return { ...matchMaker.controller.DEFAULT_CORS_HEADERS, ...matchMaker.controller.getCorsHeaders(req) };
}

export async function matchmake(
  req: IncomingMessage,
  res: ServerResponse,
  protocol: string | undefined,
): Promise<void> {
  const cors = corsHeaders(req);
  if (matchMaker.state === matchMaker.MatchMakerState.SHUTTING_DOWN) {
    return refuse(res, 503, SHUTTING_DOWN, cors);
  }
  if (req.method === "OPTIONS") {
    res.writeHead(204, cors);
    return void res.end();
  }
  if (req.method !== "POST") return refuse(res, 405, WRONG_METHOD, { ...cors, allow: "OPTIONS, POST" });
  const [, method = "", roomName = ""] = SHAPE.exec((req.url ?? "").split("?")[0] ?? "") ?? [];
  if (!matchMaker.controller.exposedMethods.includes(method)) return refuse(res, 404, NO_ROUTE, cors);
  if (!(await admitRequest("matchmake", req, res, cors))) return; // every join and creation, all processes
  if (declaredTooLarge(req)) return refuseTooLarge(req, res, cors);
  const body = await readBody(req);
  if (!body.ok) return body.reason === "too-large" ? refuseTooLarge(req, res, cors) : undefined;
  const clientOptions = parseOptions(body.body);
  if (!clientOptions) return refuse(res, 400, BAD_JSON, cors);
  if (CREATING.has(method) && roomName === LIMITED_ROOM && !admitCreation(req, res, cors)) return;
  await invoke(req, res, cors, { method, roomName, clientOptions, protocol });
}

/** The room options: a JSON object (an empty body counts as `{}`, as Colyseus's default does); null if not. */
function parseOptions(body: Buffer): Record<string, unknown> | null {
  const text = body.toString("utf8").trim();
  if (text === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const isObject = typeof parsed === "object" && parsed !== null && !Array.isArray(parsed);
  return isObject ? (parsed as Record<string, unknown>) : null;
}

/**
 * A new game may be built: the process has room for it (503 otherwise; checked first so that a full
 * server does not spend the caller's allowance) and the address is within its creation limit (429).
 */
function admitCreation(req: IncomingMessage, res: ServerResponse, cors: OutgoingHttpHeaders): boolean {
  const max = maxRooms();
  if (matchMaker.stats.local.roomCount + creating >= max) {
    refuse(res, 503, SERVER_FULL(max), { ...cors, "retry-after": "60" });
    return false;
  }
  const address = clientAddress(req);
  const perAddress = maxRoomsPerAddress();
  if (liveRoomsOf(address) >= perAddress) {
    refuse(res, 429, TOO_MANY_LIVE_ROOMS(perAddress), { ...cors, "retry-after": "60" });
    return false;
  }
  const now = Date.now();
  if (roomCreations().allow(address, now)) return true;
  tooMany(res, roomCreations().retryAfterMs(address, now), TOO_MANY_ROOMS, cors);
  return false;
}

interface Call {
  method: string;
  roomName: string;
  clientOptions: Record<string, unknown>;
  protocol: string | undefined;
}

/** Hands the request to Colyseus's controller exactly as Colyseus's own route does, and answers alike. */
async function invoke(req: IncomingMessage, res: ServerResponse, cors: OutgoingHttpHeaders, call: Call) {
  const counted = CREATING.has(call.method) && call.roomName === LIMITED_ROOM;
  if (counted) creating++;
  let answer: unknown;
  try {
    const response = (await matchMaker.controller.invokeMethod(
      call.method,
      call.roomName,
      call.clientOptions,
      {
        token: getBearerToken(req.headers.authorization ?? ""),
        headers: req.headers,
        ip: req.headers["x-real-ip"] ?? req.headers["x-forwarded-for"] ?? req.socket.remoteAddress ?? "",
        req,
      },
    )) as Record<string, unknown>;
    answer = call.protocol === undefined ? response : { ...response, protocol: call.protocol };
    const room = response.room as { roomId?: unknown } | undefined;
    if (counted && typeof room?.roomId === "string") noteCreated(room.roomId, clientAddress(req));
  } catch (e) {
    const error = e as { code?: unknown; message?: unknown };
    answer = { code: error.code, error: error.message };
  } finally {
    if (counted) creating--;
  }
  // Colyseus answers 200 with { code, error } when the room refuses: colyseus.js reads it that way.
  sendJson(res, 200, answer, cors);
}

const SHUTTING_DOWN = refusal("SHUTTING_DOWN");
const WRONG_METHOD = refusal("METHOD_NOT_ALLOWED");
const NO_ROUTE = refusal("NO_MATCHMAKE_ROUTE", { methods: matchMaker.controller.exposedMethods });
const BAD_JSON = refusal("BAD_JSON");
