/**
 * What rooms need from the process: scenarios (loaded once), seeds, and the store. Set once at start;
 * tests set their own.
 */
import { randomInt } from "node:crypto";
import type { Scenario } from "../shared/scenario/types.ts";
import { loadScenario } from "../node/scenarios.ts";
import type { GameStore } from "./store/store.ts";

export interface Services {
  scenario(id: string): Scenario;
  seed(): number;
  store: GameStore;
}

let current: Services | null = null;

export function configureServices(store: GameStore): Services {
  const cache = new Map<string, Scenario>();
  current = {
    scenario(id) {
      let s = cache.get(id);
      if (!s) {
        s = loadScenario(id);
        cache.set(id, s);
      }
      return s;
    },
    seed: () => randomInt(0, 0xffffffff),
    store,
  };
  return current;
}

export function services(): Services {
  if (!current) throw new Error("services not configured: call configureServices first");
  return current;
}
