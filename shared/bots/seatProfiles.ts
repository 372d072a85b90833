/**
 * Each seat's profile (levels.ts seatProfile: the strategy's knobs turned by the level and the game's
 * drawn temperament), kept in the bots' caches rather than drawn again on every call: `decide` runs for
 * every seat every day, and the draw (a generator seeded from a hash of the seat) was a visible share of
 * a quick daily look. A pure function of its arguments, kept with them and checked on every call; the
 * profile is shared, and read only, as the bots read a profile.
 */
import type { Level } from "../strategy/names.ts";
import type { BotCaches } from "./caches.ts";
import type { Profile } from "./common.ts";
import { seatProfile } from "./levels.ts";

/** A seat's profile and the arguments it was drawn with. */
export interface KeptProfile {
  base: Profile;
  level: Level;
  seed: number;
  profile: Profile;
}

/** seatProfile(base, level, seed, companyId), drawn once per seat and kept in `bots`. */
export function seatProfileOf(
  bots: BotCaches,
  base: Profile,
  level: Level,
  seed: number,
  companyId: string,
): Profile {
  const kept = bots.profiles.get(companyId);
  if (kept && kept.base === base && kept.level === level && kept.seed === seed) return kept.profile;
  const profile = seatProfile(base, level, seed, companyId);
  bots.profiles.set(companyId, { base, level, seed, profile });
  return profile;
}
