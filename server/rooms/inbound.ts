/**
 * A look at a client's raw frame before Colyseus decodes it. Colyseus closes the socket (code 4002)
 * when a frame does not decode (a truncated msgpack body, nesting deeper than the decoder's stack), so
 * a hostile or buggy client was disconnected instead of answered. Frames that carry a message are
 * checked here: too large is answered TOO_LARGE without decoding at all, undecodable is answered
 * MALFORMED, and only frames that decode go on to Colyseus. Frames over the transport's own limit
 * (maxPayload) never reach a room: the WebSocket closes them with 1009, as the protocol document says.
 */
import { Protocol } from "@colyseus/core";
import { unpack } from "@colyseus/msgpackr";
import { decode, type Iterator } from "@colyseus/schema";
import { MAX_MESSAGE_BYTES } from "../../shared/protocol/index.ts";
import { refuse } from "../../shared/protocol/refusals/index.ts";
import type { Text } from "../../shared/scenario/types.ts";

/** Room data frames carry their type, then the body; a little room for both beside the JSON limit. */
const MAX_FRAME_BYTES = MAX_MESSAGE_BYTES + 256;

export type Inbound = { pass: true } | { pass: false; code: "TOO_LARGE" | "MALFORMED"; message: Text };

const TOO_LARGE: Inbound = { pass: false, ...refuse("FRAME_TOO_LARGE", { maxBytes: MAX_MESSAGE_BYTES }) };

const UNDECODABLE: Inbound = { pass: false, ...refuse("UNDECODABLE") };

/** Whether a frame may go on to Colyseus; join and leave frames always may. */
export function inspectFrame(buffer: Buffer): Inbound {
  const code = buffer[0];
  if (code !== Protocol.ROOM_DATA && code !== Protocol.ROOM_DATA_BYTES) return { pass: true };
  if (buffer.byteLength > MAX_FRAME_BYTES) return TOO_LARGE;
  const it: Iterator = { offset: 1 };
  try {
    if (decode.stringCheck(buffer, it)) decode.string(buffer, it);
    else decode.number(buffer, it);
    if (it.offset > buffer.byteLength) return UNDECODABLE;
    if (code === Protocol.ROOM_DATA && buffer.byteLength > it.offset) unpack(buffer.subarray(it.offset));
  } catch {
    return UNDECODABLE;
  }
  return { pass: true };
}

/** JSON size of a decoded message, or Infinity when it cannot be written as JSON (BigInt, cycles). */
export function jsonBytes(message: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(message ?? null), "utf8");
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
