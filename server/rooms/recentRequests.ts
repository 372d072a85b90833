/**
 * Each connection's recent request ids and what they were answered: a command or host action sent again
 * with the same ref (a retry after a reconnect, a message sent twice) is answered again, the same way,
 * and done only once. The answer to an accepted request is its ack, which goes out once the store has
 * committed it; a repeat waits for the same commit.
 */
import type { Refused } from "../../shared/protocol/refusals/index.ts";

export type Answer = { ok: true } | { ok: false; refusal: Refused };

/** A refusal is known at once (and answered in order with everything else); an ack waits for the store. */
export type Answering = Answer | Promise<Answer>;

/** How many refs each connection remembers: far more than a player has in flight. */
const KEPT = 64;

export class RecentRequests {
  private readonly byConnection = new Map<string, Map<string, Answering>>();

  /** The answer already given (or coming) to this ref from this connection, if it was seen. */
  answered(connection: string, ref: string): Answering | undefined {
    return this.byConnection.get(connection)?.get(ref);
  }

  remember(connection: string, ref: string, answer: Answering): void {
    let refs = this.byConnection.get(connection);
    if (!refs) this.byConnection.set(connection, (refs = new Map()));
    refs.set(ref, answer);
    // A Map iterates in insertion order: the first key is the oldest.
    if (refs.size > KEPT) refs.delete(refs.keys().next().value as string);
  }

  /** The connection is gone for good (its reconnection window closed): nothing can repeat now. */
  forget(connection: string): void {
    this.byConnection.delete(connection);
  }
}
