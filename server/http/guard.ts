/**
 * The HTTP front door: every request passes here first. Whatever a handler throws, synchronously or
 * not, becomes an answer (400 for a request the client got wrong, 500 otherwise) and never reaches
 * the process: Colyseus turns an uncaught exception into a shutdown of every game on the server.
 *
 * Order: matchmaking (our own route, see matchmake.ts), then a body check (only matchmaking reads a
 * body), then the monitor, the built client, our routes, and 404.
 */
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { Server } from "@colyseus/core";
import { route } from "../http.ts";
import { serveClient } from "../static.ts";
import { closeGently, declaredTooLarge, hasBody, refuseTooLarge } from "./body.ts";
import { isMatchmake, matchmake } from "./matchmake.ts";
import { BadRequest, refuse, refusal } from "./respond.ts";
import { log, requestLog } from "../log.ts";
import type { MetricsHandler } from "./metricsRoute.ts";

type Listener = (req: IncomingMessage, res: ServerResponse) => unknown;
export type AdminHandler = ((req: IncomingMessage, res: ServerResponse) => boolean) | null;

const INTERNAL = refusal("REQUEST_FAILED");
const NOT_FOUND = refusal("NOT_FOUND");

/** What a failed handler answers: its 400 for a bad request, else 500 (and a log line for the operator). */
function fail(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  const bad = error instanceof BadRequest;
  // The path only: a query may carry a secret (?secret=, ?token=), which must not reach the log.
  const path = (req.url ?? "").split("?")[0];
  if (!bad) requestLog(req).log.error({ err: error, method: req.method, path }, "HTTP handler failed");
  if (res.headersSent) return void res.destroy(); // half an answer: the client must not take it as whole
  refuse(res, bad ? 400 : 500, bad ? error.why : INTERNAL, { connection: "close" });
}

/**
 * The listener, with every throw and rejection turned into an answer. Every answer carries the
 * request's id (X-Request-Id: the caller's when usable, else a new one), as do its log lines.
 */
export function guarded(listener: Listener): Listener {
  return (req, res) => {
    res.setHeader("x-request-id", requestLog(req).id);
    if (log().isLevelEnabled("debug")) accessLine(req, res);
    try {
      const result = listener(req, res);
      if (result instanceof Promise) result.catch((e: unknown) => fail(req, res, e));
    } catch (e) {
      fail(req, res, e);
    }
  };
}

/** At LOG_LEVEL=debug, a line per answered request: method, path, status and time taken. */
function accessLine(req: IncomingMessage, res: ServerResponse): void {
  const started = performance.now();
  res.once("finish", () => {
    const ms = Math.round(performance.now() - started);
    const path = (req.url ?? "").split("?")[0]; // the query may carry a secret (?secret=, ?token=)
    requestLog(req).log.debug({ method: req.method, path, status: res.statusCode, ms }, "HTTP answered");
  });
}

/**
 * Everything but matchmaking. None of it reads a request body: one that announces more than the
 * limit is refused at once, and any other is dropped as it arrives, the answer closing the connection.
 */
function application(admin: AdminHandler, metrics: MetricsHandler | null): Listener {
  return async (req, res) => {
    if (declaredTooLarge(req)) return refuseTooLarge(req, res);
    if (hasBody(req)) {
      closeGently(req);
      res.setHeader("connection", "close");
    }
    if (admin?.(req, res)) return;
    if (metrics?.(req, res)) return;
    if (serveClient(req, res)) return;
    if (!(await route(req, res)) && !res.headersSent) refuse(res, 404, NOT_FOUND);
  };
}

const applications = new WeakMap<http.Server, Listener>();

/** The HTTP server for the game's port, with the application behind the guard. */
export function createHttpServer(admin: AdminHandler, metrics: MetricsHandler | null = null): http.Server {
  const app = application(admin, metrics);
  const server = http.createServer(guarded(app));
  applications.set(server, app);
  return server;
}

/**
 * Takes /matchmake back from Colyseus. Its Server constructor replaced the "request" listeners with
 * one that sends any URL containing "/matchmake" to its own handler; this replaces that one in turn:
 * our matchmaking for paths under /matchmake, the application for everything else. Call it right
 * after `new Server(...)`.
 */
export function guardMatchmaking(colyseus: Server, httpServer: http.Server): void {
  const app = applications.get(httpServer);
  if (!app) throw new Error("guardMatchmaking needs the server made by createHttpServer");
  httpServer.removeAllListeners("request");
  httpServer.on(
    "request",
    guarded((req, res) =>
      isMatchmake(req) ? matchmake(req, res, colyseus.transport.protocol) : app(req, res),
    ),
  );
}

/**
 * A promise rejected with nobody to catch it is logged, not fatal. Node's default would raise it as
 * an uncaught exception, which Colyseus answers by shutting the whole server down: every game for one
 * forgotten `.catch`. (The pm2 metrics module Colyseus loads happens to install the same hook a moment
 * after start, unless pm2 runs it in cluster mode; this does not depend on it.)
 */
export function installProcessSafetyNet(): void {
  process.on("unhandledRejection", (reason) => {
    log().error({ err: reason }, "unhandled promise rejection (logged, the server goes on)");
  });
}
