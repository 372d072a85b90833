/**
 * How a hard bot acts on a boom (issue #14 §1: a hard bot a strong human rarely beats), beyond pricing
 * machines on the hashprice's path back to normal (cycle.ts boomPathShare). In exodus-2021 the hard bot
 * lost to the easy one in most games (17-50% wins by strategy, 30 runs) though it priced the boom: it
 * spent most of its cash in the first weeks at the April 2021 peak, before the May crash and China's
 * dump halved machine prices, and kept part of what it mined as BTC through 2022's fall, while the easy
 * bot, buying a little every other week and selling all it mined, bought cheaper and held nothing.
 * A company that sees the hashprice many times the world's power cost knows both the machines and the
 * coin are dear: it buys in steps and takes the money for what it mines. Read from today's hashprice and
 * the network's power cost (both in every player's view: WorldView networkPowerCostMicroUsdPerThDay),
 * never the scenario's future.
 */
import type { EngineCaches } from "../engine/caches.ts";
import type { GameState } from "../engine/state.ts";
import type { Profile } from "./common.ts";
import { boomFloorShare, fallingShare } from "./cycle.ts";

/**
 * The profile a review buys with: a boom-reading bot commits the boom's floor share of its usual share
 * (a boom at 4 times the normal ratio: a quarter), so its cash goes into machines over the months the
 * boom's prices come down rather than at their peak; and in a falling market, the share of the hashprice
 * machine prices have followed down so far (cycle.ts fallingShare). Any other profile as it is.
 */
export function pacedProfile(profile: Profile, state: GameState, caches: EngineCaches): Profile {
  if (!profile.readsBoom) return profile;
  const pace = boomFloorShare(state, caches) * fallingShare(state);
  return pace >= 1 ? profile : { ...profile, spendShare: profile.spendShare * pace };
}

/**
 * The share of its mined BTC a company sells today, basis points, from its usual share `baseBps`: a
 * boom-reading bot sells more of the rest the further the boom stands above normal (the coin is dear
 * too), all of it once the hashprice is twice its normal ratio to the power cost (exodus-2021's 2021 stood
 * at 2-3 times it). Taken in quarters, so that a ratio that drifts day by day does not reset the company's
 * sell ratio every day; near the normal ratio (2020 after the halving, 2024-25) it keeps its usual share.
 */
export function boomSellRatioBps(
  profile: Profile,
  state: GameState,
  caches: EngineCaches,
  baseBps: number,
): number {
  if (!profile.readsBoom) return baseBps;
  const excess = Math.min(1, 2 * (1 - boomFloorShare(state, caches)));
  const quarters = Math.floor(4 * excess) / 4;
  return Math.round(baseBps + (10_000 - baseBps) * quarters);
}
