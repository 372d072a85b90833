/** The game server's HTTP routes the lobby uses: the room list and join codes (docs/protocol.md). */
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from "../../../shared/protocol/constants.ts";

export interface RoomListing {
  roomId: string;
  clients: number;
  scenario: string;
  name: string;
  seats: number;
  taken: number;
  phase: string;
  pace: number;
  code: string;
  classroom: boolean;
}

export async function fetchRooms(scenario?: string): Promise<RoomListing[]> {
  const query = scenario ? `?scenario=${encodeURIComponent(scenario)}` : "";
  const res = await fetch(`/api/rooms${query}`, { cache: "no-store" });
  if (!res.ok) throw new Error(`rooms: HTTP ${res.status}`);
  return (await res.json()) as RoomListing[];
}

/** Upper-cases and checks a join code the way the server does; null when it cannot be one. */
export function normalizeCode(input: string): string | null {
  // Codes are read off a projector and typed in pieces: spaces and dashes anywhere are not part of them.
  const code = input.replace(/[\s-]/g, "").toUpperCase();
  const ok = code.length === JOIN_CODE_LENGTH && [...code].every((c) => JOIN_CODE_ALPHABET.includes(c));
  return ok ? code : null;
}

/** The room behind a code, or null when no game has it. */
export async function roomIdForCode(code: string): Promise<string | null> {
  const res = await fetch(`/api/code/${encodeURIComponent(code)}`, { cache: "no-store" });
  if (res.status === 404 || res.status === 400) return null;
  if (!res.ok) throw new Error(`code: HTTP ${res.status}`);
  return ((await res.json()) as { roomId: string }).roomId;
}

/** The link that opens this page straight into a game: ?code=ABC234. */
export function joinLink(origin: string, pathname: string, code: string): string {
  return `${origin}${pathname}?code=${encodeURIComponent(code)}`;
}
