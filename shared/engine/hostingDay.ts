/**
 * The hosting layer's daily pass, run by step.ts before the world's fleet moves (so that kW a bankrupt
 * guest gave back are the host's again before the world's machines look for room): hosting offers
 * expire and contracts end or are paid, sites connect or cost their upkeep, then the lease queue is
 * served from what is free.
 */
import type { EngineCaches } from "./caches.ts";
import { fadeBacklog } from "./hosting.ts";
import { advanceHostingContracts } from "./hostingOffers.ts";
import { serveQueue } from "./hostingQueue.ts";
import { advanceSites } from "./sites.ts";
import type { GameState } from "./state.ts";

export function advanceHosting(state: GameState, caches: EngineCaches): void {
  advanceHostingContracts(state, caches);
  advanceSites(state);
  serveQueue(state);
  fadeBacklog(state);
}
