/**
 * Who gets in, decided before a connection counts (Colyseus calls onAuth when the socket arrives).
 * Seats, the host and returning players always get in: a stranger opening dozens of spectator sockets
 * once filled a room and locked out a student, a seated student's reload and the teacher's second tab.
 * So spectators have their own small allowance, per room and per address, and never use the places of
 * the people who play; wrong host secrets are counted per address and slowed down.
 */
import { refuse, type Refused } from "../../shared/protocol/refusals/index.ts";
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

/** A connection refused before it joins; Colyseus reports the English reason (`message`). */
export class Refusal extends Error {
  readonly code: string;

  constructor(refused: Refused) {
    super(refused.message.en);
    this.code = refused.code;
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
    throw new Refusal(refuse("WRONG_HOST_SECRETS", { seconds }));
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
    throw new Refusal(refuse("HOST_CONNECTIONS", { max: MAX_HOST_CONNECTIONS }));
  if (role !== "spectator") return;
  if (spectators >= MAX_SPECTATORS) throw new Refusal(refuse("SPECTATORS_FULL", { max: MAX_SPECTATORS }));
  if (fromAddress >= MAX_SPECTATORS_PER_ADDRESS)
    throw new Refusal(refuse("SPECTATORS_PER_ADDRESS", { max: MAX_SPECTATORS_PER_ADDRESS }));
}
