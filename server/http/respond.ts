/**
 * How HTTP answers are written: JSON with `no-store`, and every refusal as `{ code, error, zh }` (a stable
 * code for scripts, the reason in English and in Simplified Chinese for people). Also the input helpers
 * whose failures are the client's fault (a malformed address): they throw BadRequest, which the guard
 * (guard.ts) answers with 400 wherever it is thrown.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import {
  refuse as refusalText,
  type RefusalId,
  type RefusalParams,
} from "../../shared/protocol/refusals/index.ts";

export interface Refusal {
  code: string;
  error: string;
  zh: string;
}

/** The refusal `id` of the table (shared/protocol/refusals) with its parameters, as HTTP answers it. */
export function refusal<K extends RefusalId>(id: K, ...params: RefusalParams[K]): Refusal {
  const { code, message } = refusalText(id, ...params);
  return { code, error: message.en, zh: message.zh };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: OutgoingHttpHeaders = {},
): void {
  res.writeHead(status, {
    ...headers,
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
  });
  res.end(JSON.stringify(body));
}

export function refuse(
  res: ServerResponse,
  status: number,
  why: Refusal,
  headers: OutgoingHttpHeaders = {},
): void {
  sendJson(res, status, why, headers);
}

/** 429 with Retry-After in whole seconds (at least one: "0" would invite an immediate retry loop). */
export function tooMany(
  res: ServerResponse,
  retryAfterMs: number,
  why: (seconds: number) => Refusal,
  headers: OutgoingHttpHeaders = {},
): void {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  refuse(res, 429, why(seconds), { ...headers, "retry-after": String(seconds) });
}

/** A request the client got wrong (bad escape, bad address, bad JSON): answered 400 with this reason. */
export class BadRequest extends Error {
  constructor(readonly why: Refusal) {
    super(why.error);
    this.name = "BadRequest";
  }
}

const BAD_ESCAPE = refusal("BAD_ESCAPE");
const BAD_URL = refusal("BAD_URL");

/** decodeURIComponent, whose URIError on "%" or "%E0%A4" would otherwise escape as a crash. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new BadRequest(BAD_ESCAPE);
  }
}

/** The request's URL: an absolute-form target with a bad port ("http://x:99999/") makes `new URL` throw. */
export function requestUrl(req: IncomingMessage): URL {
  try {
    return new URL(req.url ?? "/", "http://localhost");
  } catch {
    throw new BadRequest(BAD_URL);
  }
}
