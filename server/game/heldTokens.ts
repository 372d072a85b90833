/**
 * Seats restored after a restart keep only their token's hash (that is all the store holds): the
 * holder's client still has the token, and presenting it (hash equal) takes the seat back.
 */
import { hashSecret, secretMatches } from "./codes.ts";
import type { SeatInfo } from "./seats.ts";

export class HeldTokens {
  private readonly hashes = new Map<string, string>();

  hold(seatId: string, tokenHash: string): void {
    this.hashes.set(seatId, tokenHash);
  }

  forget(seatId: string): void {
    this.hashes.delete(seatId);
  }

  holds(seatId: string): boolean {
    return this.hashes.has(seatId);
  }

  /** The hash of the token that takes this seat back (what the store keeps), or null. */
  hashOf(seat: SeatInfo): string | null {
    return seat.token ? hashSecret(seat.token) : (this.hashes.get(seat.id) ?? null);
  }

  /** The seat whose token this is: by the token itself, or by its hash for a seat held since a restart. */
  seatOf(seats: readonly SeatInfo[], token: string): SeatInfo | undefined {
    return seats.find((s) => s.token === token) ?? seats.find((s) => this.matches(s.id, token));
  }

  /** The seat a token takes back; a seat held since a restart gets its token again (no hash kept). */
  claim(seats: readonly SeatInfo[], token: string): SeatInfo | undefined {
    const seat = this.seatOf(seats, token);
    if (seat && seat.token !== token) {
      seat.token = token;
      this.forget(seat.id);
    }
    return seat;
  }

  private matches(seatId: string, token: string): boolean {
    const hash = this.hashes.get(seatId);
    return hash !== undefined && secretMatches(token, hash);
  }
}
