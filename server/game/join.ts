/**
 * What a join makes of a connection: the host by the host secret, a returning player by the seat
 * token, a new player to the first open seat, everyone else a spectator. A seat's new holder displaces
 * the connection that held it (members.ts).
 */
import type { JoinOptions } from "../../shared/protocol/index.ts";
import { refuse } from "../../shared/protocol/refusals/index.ts";
import type { Denial, Phase } from "./authorize.ts";
import { secretMatches } from "./codes.ts";
import { displaceHolder, type Joined, type Membership, type Roster } from "./members.ts";
import { occupy, type SeatInfo } from "./seats.ts";

/** What the game's settings say about joins. */
export interface JoinRules {
  hostHash: string;
  /** The host takes a seat only in a game where the host plays (see CreateOptions.hostPlays). */
  hostPlays: boolean;
  phase: Phase;
}

type Asked = Pick<JoinOptions, "role" | "seatToken" | "hostSecret">;

/** What a join with these options would make of the connection, without changing anything. */
export function roleFor(roster: Roster, hostHash: string, options: Asked): Membership["role"] {
  if (secretMatches(options.hostSecret, hostHash)) return "host";
  if (options.seatToken && roster.tokens.seatOf(roster.seats, options.seatToken)) return "player";
  const open = roster.seats.some((s) => s.kind === "open");
  return options.role === "player" && open ? "player" : "spectator";
}

/** Joins a connection: the host by secret, a returning player by token, a new player to an open seat. */
export function join(
  roster: Roster,
  rules: JoinRules,
  sessionId: string,
  options: JoinOptions,
): Joined | Denial {
  const isHost = secretMatches(options.hostSecret, rules.hostHash);
  const back = options.seatToken ? roster.tokens.claim(roster.seats, options.seatToken) : undefined;
  const seat = back ?? newSeat(roster.seats, rules, isHost, options);
  if (seat && "code" in seat) return seat;
  let displaced: string | null = null;
  if (seat) {
    displaced = displaceHolder(roster.members, seat, sessionId);
    occupy(seat, sessionId, seat === back ? seat.name : options.name);
  }
  const membership: Membership = {
    role: isHost ? "host" : seat ? "player" : "spectator",
    seat: seat?.id ?? null,
    seatToken: seat?.token ?? null,
  };
  const name = seat?.name ?? options.name;
  roster.members.set(sessionId, { ...membership, ...(name ? { name } : {}) });
  return { ...membership, displaced };
}

/** The open seat a new player takes; none for a watcher; a refusal when a lobby's seats are all taken. */
function newSeat(
  seats: readonly SeatInfo[],
  rules: JoinRules,
  isHost: boolean,
  options: JoinOptions,
): SeatInfo | Denial | undefined {
  const wantsSeat = options.role === "player" && (!isHost || rules.hostPlays);
  if (!wantsSeat) return undefined;
  const open = seats.find((s) => s.kind === "open");
  if (open) return open;
  // A host without a free seat still hosts; a late player watches.
  if (rules.phase !== "lobby" || isHost) return undefined;
  return refuse("SEATS_TAKEN");
}
