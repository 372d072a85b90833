/**
 * The models on sale on a day, new and used, and the most efficient of each used tier: a pure cache per
 * scenario (see lineupOf), kept in the bots' caches.
 */
import { USED_MARKET_DELAY_DAYS } from "../engine/commands/usedMachines.ts";
import { isReleased, madeNew, usedTierOf } from "../engine/market.ts";
import type { AsicModel, Scenario } from "../scenario/types.ts";
import { botScenarioIndex, type BotCaches } from "./caches.ts";

export interface Lineup {
  newModels: AsicModel[];
  usedModels: AsicModel[];
  /** The most efficient model of each used tier whose used market is open. */
  tierLeaders: AsicModel[];
  /** The three most efficient models on sale new (ties by id): the cautious bot's short list. */
  mostEfficient: AsicModel[];
  /** The first model on sale new of each efficiency, in the scenario's order (factory prices go by it). */
  oneByEfficiency: AsicModel[];
}

/**
 * The models on sale on `day`, kept per scenario by how many are released, open used and out of
 * production. Each count only grows with the day and each set is a threshold on the release day, so two
 * days with the same counts have the same sets, in the
 * scenario's order: the lists are worked out once per release rather than every day. Shared: read only.
 */
export function lineupOf(scenario: Scenario, day: number, bots: BotCaches): Lineup {
  const asics = scenario.asics;
  let released = 0;
  let used = 0;
  let ended = 0;
  const state = { scenario };
  for (let i = 0; i < asics.length; i++) {
    const a = asics[i] as AsicModel;
    if (!isReleased(a, day)) continue;
    released++;
    if (a.releaseDay + USED_MARKET_DELAY_DAYS <= day) used++;
    if (!madeNew(state, a, day)) ended++;
  }
  const byCount = botScenarioIndex(scenario, bots).lineups;
  const n = asics.length + 1;
  const key = (released * n + used) * n + ended;
  let lineup = byCount.get(key);
  if (!lineup) byCount.set(key, (lineup = makeLineup(scenario, day)));
  return lineup;
}

function makeLineup(scenario: Scenario, day: number): Lineup {
  // New: what the factories still make; used: every released model once its used market opens.
  const newModels = scenario.asics.filter((a) => madeNew({ scenario }, a, day));
  const usedModels = scenario.asics.filter(
    (a) => isReleased(a, day) && a.releaseDay + USED_MARKET_DELAY_DAYS <= day,
  );
  const best = new Map<number, AsicModel>();
  for (const a of usedModels) {
    const tier = usedTierOf(a.efficiencyJPerTh);
    const cur = best.get(tier);
    if (!cur || a.efficiencyJPerTh < cur.efficiencyJPerTh) best.set(tier, a);
  }
  const mostEfficient = [...newModels]
    .sort((a, b) => a.efficiencyJPerTh - b.efficiencyJPerTh || a.id.localeCompare(b.id))
    .slice(0, 3);
  const oneByEfficiency: AsicModel[] = [];
  for (const a of newModels) {
    if (!oneByEfficiency.some((b) => b.efficiencyJPerTh === a.efficiencyJPerTh)) oneByEfficiency.push(a);
  }
  return { newModels, usedModels, tierLeaders: [...best.values()], mostEfficient, oneByEfficiency };
}
