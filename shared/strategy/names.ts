/**
 * Strategy names as people write them: `hard:cheap-power`, `easy:trader`, `efficiency` (normal), or a
 * path to a strategy module of one's own (`./mine.ts`). One parser for every place a name goes: the
 * Monte-Carlo tools' --bots list, the tournament, the server's seats and the host's seat controls.
 * The stored form keeps the level (`hard:cheap-power`); a normal level is written without a prefix, so
 * the names seats had before levels existed stay the same.
 */

/** How well a bot plays: easy (a first-time student can beat it), normal, hard. */
export const LEVELS = ["easy", "normal", "hard"] as const;
export type Level = (typeof LEVELS)[number];

export const DEFAULT_LEVEL: Level = "normal";

export interface StrategyName {
  level: Level;
  /** The strategy without its level: a built-in's name, "idle", or a module's path. */
  strategy: string;
}

const isLevel = (s: string): s is Level => (LEVELS as readonly string[]).includes(s);

/**
 * `level:strategy` split; without a known level prefix the whole string is the strategy, at the normal
 * level (so a path with a colon in it stays a path).
 */
export function parseStrategyName(s: string): StrategyName {
  const text = s.trim();
  const colon = text.indexOf(":");
  const prefix = colon > 0 ? text.slice(0, colon) : "";
  if (isLevel(prefix)) return { level: prefix, strategy: text.slice(colon + 1).trim() };
  return { level: DEFAULT_LEVEL, strategy: text };
}

/** The stored form: `hard:trader`; the normal level unprefixed (`trader`). */
export function formatStrategyName(name: StrategyName): string {
  return name.level === DEFAULT_LEVEL ? name.strategy : `${name.level}:${name.strategy}`;
}

/** A strategy given as a module to load (./x.ts, ../x.js, /abs/x.ts, x.ts), not a built-in's name. */
export function isStrategyPath(strategy: string): boolean {
  return /^(\.{1,2}[\\/]|\/)/.test(strategy) || /\.(m?[jt]s)$/.test(strategy);
}

/**
 * The name shared/bots' decide is given for a stored strategy name: the name itself, level and all
 * (decide reads the level with parseStrategyName; what it does is shared/bots/levels.ts).
 */
export function botDecideName(stored: string): string {
  return stored;
}
