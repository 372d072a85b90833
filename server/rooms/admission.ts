/**
 * Who gets in, decided before a connection counts (Colyseus calls onAuth when the socket arrives).
 * Seats, the host and returning players always get in: a stranger opening dozens of spectator sockets
 * once filled a room and locked out a student, a seated student's reload and the teacher's second tab.
 * So spectators have their own small allowance, per room and per address, and never use the places of
 * the people who play; wrong host secrets are counted per address and slowed down.
 */
import type { Text } from "../../shared/scenario/types.ts";
import { noteFailedSecret, secretGuessAllowed, secretRetryAfterMs } from "../limits/failures.ts";

/** Spectators a room takes (a projector, a few watchers, a class's screens), and per address. */
export const MAX_SPECTATORS = 32;
export const MAX_SPECTATORS_PER_ADDRESS = 8; // a school behind one NAT still gets a few screens
/** Host connections at once: the console, a projector, a spare tab or two. */
export const MAX_HOST_CONNECTIONS = 6;
/**
 * Colyseus counts reserved places (including reconnection windows) against maxClients before onAuth
 * runs, so it only bounds memory here; the real limits are the role limits above.
 */
export const MAX_CONNECTIONS = 256;

export type Role = "host" | "player" | "spectator";

export interface Present {
  role: Role;
  address: string;
}

export class Refusal extends Error {
  constructor(
    readonly code: string,
    readonly text: Text,
  ) {
    super(text.en);
  }
}

/**
 * A join that presents a host secret, checked against the same per-address budget of wrong secrets
 * as the HTTP exports and debrief (ten, then one every ten seconds). Once an address is over it, every
 * try is refused, right or wrong: otherwise a lucky guess would still get through.
 */
export function checkSecretTry(address: string, right: boolean, now: number): void {
  if (!secretGuessAllowed(address, now)) {
    const seconds = Math.ceil(secretRetryAfterMs(address, now) / 1000);
    throw new Refusal("RATE_LIMITED", {
      en: `Too many wrong host secrets from this address; try again in ${seconds} s.`,
      zh: `该地址输入错误的主持人密钥次数过多；请 ${seconds} 秒后再试。`,
    });
  }
  if (!right) noteFailedSecret(address, now);
}

/** Throws a Refusal when a connection of `role` from `address` would take more than its share. */
export function admit(role: Role, address: string, present: Iterable<Present>): void {
  let spectators = 0;
  let fromAddress = 0;
  let hosts = 0;
  for (const p of present) {
    if (p.role === "spectator") {
      spectators++;
      if (p.address === address) fromAddress++;
    } else if (p.role === "host") hosts++;
  }
  if (role === "host" && hosts >= MAX_HOST_CONNECTIONS)
    throw new Refusal("ROOM_FULL", {
      en: `The host is already connected from ${MAX_HOST_CONNECTIONS} places; close one first.`,
      zh: `主持人已在 ${MAX_HOST_CONNECTIONS} 处连接；请先关闭一处。`,
    });
  if (role !== "spectator") return;
  if (spectators >= MAX_SPECTATORS)
    throw new Refusal("ROOM_FULL", {
      en: `This game already has ${MAX_SPECTATORS} spectators; players and the host can still join.`,
      zh: `本局已有 ${MAX_SPECTATORS} 名观众；玩家和主持人仍可加入。`,
    });
  if (fromAddress >= MAX_SPECTATORS_PER_ADDRESS)
    throw new Refusal("ROOM_FULL", {
      en: `At most ${MAX_SPECTATORS_PER_ADDRESS} spectators from one address.`,
      zh: `同一地址最多 ${MAX_SPECTATORS_PER_ADDRESS} 名观众。`,
    });
}
