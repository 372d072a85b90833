/**
 * Hashrate Atlas rules engine: the public surface. Pure and deterministic: no I/O, no clock, no
 * ambient randomness, no state of its own. The server, the bots, the tools and the client all run this
 * one engine.
 *
 * A game is a GameState (plain data) and, beside it, the EngineCaches its owner makes once and passes
 * to step, applyCommand, validate and the quotes: look-ups the engine would otherwise repeat, which
 * change no result (see engine/caches.ts).
 */
export {
  compactToTarget,
  targetToCompact,
  difficultyFromBits,
  calculateNextWorkRequired,
  blockSubsidy,
} from "./bitcoin/index.ts";

export { createGame, type PlayerSeat } from "./engine/create.ts";
export { EngineCaches } from "./engine/caches.ts";
export { step, type StepReport } from "./engine/step.ts";
export {
  applyCommand,
  applyTrustedCommand,
  parseCommand,
  validate,
  type CommandResult,
} from "./engine/commands/index.ts";
export { legalCommands, candidateCommands } from "./engine/commands/legal.ts";
export { commandSchema, type Command, type Actor } from "./engine/commands/schema.ts";
export type { Rejection, RejectionCode } from "./engine/commands/errors.ts";
export { stateHash, canonicalJson } from "./engine/hash.ts";
export { equityCents } from "./engine/companies.ts";
export { factoryUnitPriceCents, usedBidUnitCents, computeHashprice } from "./engine/market.ts";
export { quoteOrder } from "./engine/commands/orderMachines.ts";
export type { GameState, Company, Lot } from "./engine/state.ts";
export { ENGINE_VERSION } from "./engine/state.ts";
export type { Scenario } from "./scenario/types.ts";

/**
 * Strategies anyone can write (docs/strategies.md): the interface, the view a strategy is given, the
 * built-in bots registered through it, and strategy names with their levels (`hard:trader`).
 */
export type { Frozen, Preview, ShopCatalog, Strategy, StrategyView } from "./strategy/api.ts";
export { Lens } from "./strategy/view.ts";
export { askStrategy, type Answer } from "./strategy/play.ts";
export { BUILTIN_STRATEGIES, builtinStrategy, IDLE } from "./strategy/registry.ts";
export {
  botDecideName,
  DEFAULT_LEVEL,
  formatStrategyName,
  isStrategyPath,
  LEVELS,
  parseStrategyName,
  type Level,
  type StrategyName,
} from "./strategy/names.ts";
export type { CompanyView, WorldView } from "./view/types.ts";
