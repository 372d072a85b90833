/**
 * BotCaches: what the bots remember between calls to `decide`, in one explicit object rather than at
 * module level: the day's facts about the world, shared by every seat (world.ts), the duty shares kept
 * from day to day (duties.ts), and what they derive from the scenario, the models on sale (lineup.ts)
 * and which shipping modes can run (routes.ts); with the engine's own caches, which they read the state
 * through. Every entry is a pure function of the scenario, or is checked against the state before it is
 * used: the caches change how fast the bots think, never what they decide.
 *
 * Whoever plays bots in a game makes one, over the game's EngineCaches (so that the bots and the rules
 * share the look-ups), and hands it to every `decide` of the game: the server's game session, a
 * Monte-Carlo run. `decide` given none makes a fresh one: the same commands, only slower.
 */
import { EngineCaches } from "../engine/caches.ts";
import type { Scenario } from "../scenario/types.ts";
import type { Duties } from "./duties.ts";
import type { Lineup } from "./lineup.ts";
import type { KeptProfile } from "./seatProfiles.ts";
import type { World } from "./world.ts";

/** What the bots derive from one scenario, which never changes once resolved. */
export interface BotScenarioIndex {
  readonly scenario: Scenario;
  /** The models on sale, by how many are on sale new and used (lineup.ts). */
  readonly lineups: Map<number, Lineup>;
  /** Place key → per region index, a bit per shipping mode that can run (routes.ts). */
  readonly modeMasks: Map<string, number[]>;
}

export class BotCaches {
  /** The day's facts, for the state and day asked about last (world.ts's worldOf). */
  world: World | null = null;
  /** Duty and VAT shares, for the state asked about last, while its customs rules stay the same. */
  duties: Duties | null = null;
  /** What the bots derive from the scenario asked about last (botScenarioIndex). */
  scenario: BotScenarioIndex | null = null;
  /** Each seat's profile by company id, with what it was drawn from (seatProfiles.ts). */
  profiles = new Map<string, KeptProfile>();
  /** Each seat's review slot (levels.ts reviewSlots), for the seed and number of seats it was drawn for. */
  reviewSlots: { seed: number; seats: number; slots: number[] } | null = null;

  /** `engine`: the caches the game's rules are given (step, applyCommand), to share their look-ups. */
  constructor(readonly engine: EngineCaches = new EngineCaches()) {}
}

/** The bots' index of the scenario, made when the caches last served another scenario. */
export function botScenarioIndex(scenario: Scenario, bots: BotCaches): BotScenarioIndex {
  const index = bots.scenario;
  if (index !== null && index.scenario === scenario) return index;
  return (bots.scenario = { scenario, lineups: new Map(), modeMasks: new Map() });
}
