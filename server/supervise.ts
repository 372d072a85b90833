/**
 * Game ownership at run time, when several server processes share one database (PostgreSQL; see
 * server/store/ownership.ts). Every third of a lease this process:
 * - renews the leases of its games, and closes the room of any game another process has taken over;
 * - takes over the games whose owner's lease has expired (a process killed, or cut off from the
 *   database), restoring each from its snapshot and log under the same room id and join code, so that
 *   players rejoin with their seat tokens; and brings back its own games it had to close.
 * Never two live copies: a process that has not renewed for most of a lease (the database unreachable,
 * the process stalled) closes its rooms itself before the lease can expire and another take them.
 * On a SQLite file (one process, held by its lock) there is nothing to supervise.
 */
import { matchMaker } from "@colyseus/core";
import type { Scenario } from "../shared/scenario/types.ts";
import { localGameIds } from "./game/localGames.ts";
import { restoreRunningGames } from "./recovery.ts";
import type { GameStore } from "./store/store.ts";

/** Closes this process's copy of a game it no longer owns; its store writes nothing more for it. */
function closeCopy(store: GameStore, roomId: string, why: string): void {
  if (store.ownership.isDisowned(roomId)) return;
  store.ownership.disown(roomId);
  console.error(`ownership: room ${roomId} ${why}: this process closes its copy`);
  void matchMaker
    .getLocalRoomById(roomId)
    ?.disconnect()
    .catch(() => undefined);
}

/** Starts supervising; returns what stops it. */
export function superviseGames(store: GameStore, scenarioOf: (id: string) => Scenario): () => void {
  const own = store.ownership;
  if (!own.shared) return () => undefined;
  const every = Math.max(100, Math.floor(own.leaseMs / 3));
  let renewedAt = performance.now();
  // Renewing and taking over run apart: a long restore must not hold back the renewals (and so make
  // this process close its own games for want of one).
  const busy = { renew: false, sweep: false };

  const renewal = async () => {
    const sentAt = performance.now();
    // Listed before renewing: a room created meanwhile has its session written before the renewal.
    const local = localGameIds();
    await own.renew();
    renewedAt = sentAt;
    // Only a game another process holds now is closed here: an ended game keeps its room (the results
    // screen) though it is no longer 'running', and so no longer among the leases renewed.
    for (const id of await own.heldByOthers(local)) closeCopy(store, id, "was taken over by another process");
  };

  const sweep = async () => {
    const local = localGameIds();
    // Ours but not running here (closed while the database was unreachable), or nobody's: restore them.
    const owned = await own.owned();
    const back = owned.filter((id) => !local.includes(id) && own.isDisowned(id));
    const orphans = (await own.orphaned()).filter((id) => !local.includes(id));
    if (back.length + orphans.length === 0) return;
    console.log(`ownership: taking over ${[...back, ...orphans].join(", ")} (no live owner)`);
    await restoreRunningGames(store, scenarioOf, [...back, ...orphans]);
  };

  const run = (name: keyof typeof busy, task: () => Promise<void>) => {
    if (busy[name]) return;
    busy[name] = true;
    task()
      .catch((e: unknown) => console.error(`ownership: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => (busy[name] = false));
  };

  const timer = setInterval(() => {
    // Shutting down: the store releases our games for the others; taking them back would undo that.
    if (matchMaker.state === matchMaker.MatchMakerState.SHUTTING_DOWN) return clearInterval(timer);
    if (performance.now() - renewedAt > own.leaseMs - every) {
      // Too long without a renewal: another process may take these games soon. Close them first.
      for (const id of localGameIds()) closeCopy(store, id, "could not renew its lease");
    }
    run("renew", renewal);
    run("sweep", sweep);
  }, every);
  timer.unref();
  return () => clearInterval(timer);
}
