/**
 * The server's log: one JSON object per line (pino), so that a log shipper or `jq` reads each line's
 * level, time and fields without parsing sentences. Lines about a room carry `roomId` (and `seat` when a
 * seat is concerned), lines about an HTTP request carry `reqId`, the id echoed in the answer's
 * X-Request-Id header, so that a complaint ("my export failed") finds its line.
 *
 * The process has one root logger, set once at start-up from LOG_LEVEL (server/main.ts); modules ask
 * for it when they log (`log()`), so tests can set their own with a captured stream.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { format } from "node:util";
import { pino, type DestinationStream, type Logger } from "pino";
import type { Config } from "./config.ts";

export type LogLevel = Config["LOG_LEVEL"];

/** A JSON logger at `level`, to stdout (written synchronously: a line is out before process.exit) or `to`. */
export function createLog(level: LogLevel, to?: DestinationStream): Logger {
  const options = {
    level,
    // "level":"info" rather than "level":30: read by people as often as by programs.
    formatters: { level: (label: string) => ({ level: label }) },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return to ? pino(options, to) : pino(options);
}

/** Fields every line has, left out of a plain line's key=value tail. */
const COMMON = new Set(["level", "time", "msg", "pid", "hostname"]);

/**
 * The same lines for a person at a terminal: `12:04:05 info  msg key=value …` (the err field as its
 * stack). Only for a terminal in development (main.ts): anything else reads the JSON.
 */
export function plainLines(out: { write(text: string): unknown }): DestinationStream {
  return {
    write(line: string) {
      const o = JSON.parse(line) as Record<string, unknown>;
      const time = typeof o.time === "string" ? o.time.slice(11, 19) : "";
      const err = o.err as { stack?: string } | undefined;
      const rest = Object.entries(o)
        .filter(([k]) => !COMMON.has(k) && k !== "err")
        .map(([k, v]) => ` ${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
        .join("");
      const level = String(o.level).padEnd(5);
      out.write(`${time} ${level} ${String(o.msg ?? "")}${rest}${err?.stack ? `\n${err.stack}` : ""}\n`);
    },
  };
}

let root: Logger = createLog("info");

/** The process's logger. */
export function log(): Logger {
  return root;
}

/** Sets the process's logger (start-up, from LOG_LEVEL; tests, with a captured stream). */
export function setLog(logger: Logger): void {
  root = logger;
}

/** A logger whose every line names the room (and the seat, when given). */
export function roomLog(roomId: string, seat?: string | null): Logger {
  return root.child(seat ? { roomId, seat } : { roomId });
}

/** A request id the client or proxy sent is kept when it is short and plain; otherwise a new one. */
const SAFE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

const requestLogs = new WeakMap<IncomingMessage, { id: string; log: Logger }>();

/** The request's id (its X-Request-Id when usable, else a new UUID), fixed on first ask. */
export function requestLog(req: IncomingMessage): { id: string; log: Logger } {
  let known = requestLogs.get(req);
  if (!known) {
    const given = req.headers["x-request-id"];
    const id = typeof given === "string" && SAFE_ID.test(given) ? given : randomUUID();
    known = { id, log: root.child({ reqId: id }) };
    requestLogs.set(req, known);
  }
  return known;
}

type Method = "trace" | "debug" | "info" | "warn" | "error";

/**
 * What Colyseus's `logger` option expects: console-like methods taking any arguments. Pino takes
 * (fields, message) instead and would drop the rest, so the arguments become one message, an Error
 * among them the `err` field (message and stack as pino's serializer writes them).
 */
export function colyseusLogger(logger: Logger): Record<Method, (...args: unknown[]) => void> {
  return consoleLike(logger.child({ component: "colyseus" }));
}

/** Console-like methods over `logger`: the arguments as one message, an Error among them as `err`. */
function consoleLike(logger: Logger): Record<Method, (...args: unknown[]) => void> {
  const method =
    (level: Method) =>
    (...args: unknown[]): void => {
      const err = args.find((a) => a instanceof Error);
      const rest = args.filter((a) => a !== err);
      const message = format(...rest);
      if (err) logger[level]({ err }, message);
      else logger[level](message);
    };
  return {
    trace: method("trace"),
    debug: method("debug"),
    info: method("info"),
    warn: method("warn"),
    error: method("error"),
  };
}

/**
 * console.log/info/warn/error as log lines, for the modules that still write to the console (the store
 * and recovery: another part of the work moves them to log()) and for libraries: every line the
 * process writes is then JSON. Production only (main.ts): tests and tools keep their console.
 */
export function consoleToLog(logger: Logger): void {
  const to = consoleLike(logger.child({ component: "console" }));
  console.log = to.info;
  console.info = to.info;
  console.warn = to.warn;
  console.error = to.error;
  console.debug = to.debug;
}
