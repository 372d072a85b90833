/**
 * Request bodies with a ceiling. Only matchmaking reads a body (room options: a few hundred bytes), so
 * 16 KiB is plenty; a body that announces more is refused before a byte of it is read, and one that
 * streams past the ceiling (chunked, no length) is refused the moment it does. Either way the answer
 * closes the connection, and nothing more of the body is kept.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { refuse, refusal } from "./respond.ts";

export const BODY_LIMIT = 16 * 1024;

export type BodyResult = { ok: true; body: Buffer } | { ok: false; reason: "too-large" | "aborted" };

/** The body's declared length is over `limit` (no content-length: unknown, checked while reading). */
export function declaredTooLarge(req: IncomingMessage, limit = BODY_LIMIT): boolean {
  const declared = Number(req.headers["content-length"] ?? 0);
  return !Number.isFinite(declared) || declared > limit;
}

/** The request carries a body of any length (declared, or chunked). */
export function hasBody(req: IncomingMessage): boolean {
  return req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
}

/** Reads the body up to `limit` bytes; past it, stops reading (keeps nothing) and says so. */
export function readBody(req: IncomingMessage, limit = BODY_LIMIT): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      req.off("data", onData);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      chunks.length = 0;
      settle({ ok: false, reason: "too-large" });
    };
    req.on("data", onData);
    req.once("end", () => settle({ ok: true, body: Buffer.concat(chunks) }));
    req.once("error", () => settle({ ok: false, reason: "aborted" }));
    req.once("close", () => settle({ ok: false, reason: "aborted" }));
  });
}

/** How long a refused upload's connection stays open after the answer, so the answer is read. */
const LINGER_MS = 2000;

/**
 * Closes the connection after the answer, gently. Node's own close (after a `connection: close`
 * answer) tears the socket down while the client is still sending, and the kernel then resets the
 * connection, which throws away the answer before the client reads it (its write fails with EPIPE
 * instead). So: half-close at once (the client sees the answer end), discard what still arrives, and
 * tear down after a moment, or sooner when the client gives up.
 */
export function closeGently(req: IncomingMessage): void {
  const socket = req.socket;
  req.resume(); // what still arrives is dropped, never kept
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
}

/** 413, then the connection closes (see closeGently): a 150 MB upload costs the server no memory. */
export function refuseTooLarge(
  req: IncomingMessage,
  res: ServerResponse,
  headers: OutgoingHttpHeaders = {},
): void {
  closeGently(req);
  refuse(res, 413, refusal("BODY_TOO_LARGE", { maxBytes: BODY_LIMIT }), { ...headers, connection: "close" });
}
