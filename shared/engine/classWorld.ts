/**
 * The class-sized world (issue #13 §3): an option the host picks when creating the game. The rest of the
 * world's fleet and its new deployments are scaled down so that the players' companies together can hold
 * a large share of the network (30–60% with typical play): difficulty becomes the commons the class
 * depletes together, since every machine a player switches on slows every other player's blocks.
 *
 * What is scaled, by one factor `scalePpm` (parts per million), chosen once at tick 0 and kept in the state:
 * - the rest of the world's installed fleet (every region's tiers) and its daily deployments (world.ts);
 * - the difficulty (the target is divided by the factor: blocks keep coming every ten minutes);
 * - the block reward (subsidy and fees), so that the hashprice, the revenue of one TH/s, is unchanged:
 *   a machine earns what it earns in the full world, and machines, power and hosting cost the same.
 * Nothing else moves: BTC price, power, capacity, factories, used markets (atFullScale below reads
 * what the scaled fleet lists for sale at the full world's size). With no class-sized world (the default, and
 * every no-player run) the factor is absent and every figure is exactly the full world's.
 *
 * The factor: the players' buying power on day 0 (seats × (starting cash at the factory's price per
 * TH/s + the scenario's starting fleet)) times WORLD_PER_PLAYER_POWER is the rest of the world's day-0
 * hashrate. Deterministic: it depends on the scenario and the number of seats only.
 */
import { compactToTarget, targetToCompact, workFromTarget } from "../bitcoin/index.ts";
import type { GameState } from "./state.ts";

/** The class-sized world in force: the factor the rest of the world and the block reward are scaled by. */
export interface ClassWorld {
  /** Scale of the rest of the world, its deployments, the difficulty and the block reward, ppm. */
  scalePpm: number;
  /** The seats the world was sized for. */
  seats: number;
}

/** Full scale, ppm: the factor when no class-sized world is in force. */
export const FULL_SCALE_PPM = 1_000_000;

/**
 * The rest of the world's day-0 hashrate, in units of the players' day-0 buying power. Estimate, tuned
 * with tools/simulate.ts --class-share (the four bots, one run each, seed 1): at 1.0 the players' mean
 * share over a game was 12.5% (halving-2020), 23.9% (exodus-2021), 33.4% (sandbox), 29.8% (tariffs-2025),
 * because bots keep a reserve, spend on hosting and freight, and the world keeps deploying at its
 * scaled pace. 0.35 brought the four into about 30-60% then; once the bots invested their cash (issue
 * #14) 0.35 gave 36.5% (halving-2020), 53% (tariffs-2025) and 64% (sandbox), so 0.45 (10 runs each).
 * Those shares leaned on a flaw: the used markets opened on the full world's stock but were fed and priced
 * at the class's scale, so the stock drained to a fifth to a third of the full world's within three months
 * (cheap at first, scarce after) and a class found few used machines later in a game.
 * With the markets kept full-sized (atFullScale below), 0.45 gave 81/79/89/90% (halving-2020,
 * exodus-2021, tariffs-2025, sandbox; 6 runs), 1.5 gave 63/49/73/76%, and 3 gives 45.7/31.9/51.0/59.6%
 * (10 runs; 58.7/33.5/72.0/68.3% on the last day).
 */
export const WORLD_PER_PLAYER_POWER = 3;

/** The game's scale, ppm (FULL_SCALE_PPM when the world is full-sized). */
export function worldScalePpm(state: Pick<GameState, "classWorld">): number {
  return state.classWorld?.scalePpm ?? FULL_SCALE_PPM;
}

/** A full world's TH/s (or TH/s a day) at the game's scale: the figure itself at full scale. */
export function atWorldScale(state: Pick<GameState, "classWorld">, ths: number): number {
  const scale = worldScalePpm(state);
  return scale === FULL_SCALE_PPM ? ths : (ths * scale) / FULL_SCALE_PPM;
}

/**
 * TH/s of the rest of the world's fleet read at the full world's size: the figure itself at full scale.
 * A class-sized world's used markets stay the real world's, as its factories and hosting capacity do:
 * they open on the full world's stock, so what the scaled fleet lists each day, and the stock it would
 * keep, are scaled back up (usedMarket.ts, usedMarketFlows.ts). Read at the class's scale, the listings
 * drained a full-sized opening stock for over a year: used prices rose through the game by themselves.
 */
export function atFullScale(state: Pick<GameState, "classWorld">, ths: number): number {
  const scale = worldScalePpm(state);
  return scale === FULL_SCALE_PPM ? ths : (ths * FULL_SCALE_PPM) / scale;
}

/** A reward (subsidy or fees, satoshis) at the game's scale: the figure itself at full scale. */
export function scaledReward(sats: number, scalePpm: number): number {
  if (scalePpm === FULL_SCALE_PPM) return sats;
  return Math.round((sats * scalePpm) / FULL_SCALE_PPM);
}

/** The factor a class-sized world would take in this game now, ppm (never above full scale). */
export function classWorldScalePpm(state: GameState): number {
  const price = Math.max(1, state.market.factoryCentsPerTh);
  const seats = state.companies.length;
  // A scenario's starting fleet is the players' hashrate from day 0, beside what their cash buys.
  let fleetThs = 0;
  for (const lot of state.scenario.company.startingFleet) {
    const model = state.scenario.asics.find((m) => m.id === lot.model);
    fleetThs += ((model?.hashrateGhs ?? 0) / 1000) * lot.quantity;
  }
  const buyingPowerThs = seats * (state.scenario.company.startingCashCents / price + fleetThs);
  const worldThs = Math.max(1, state.networkThs);
  const scale = (buyingPowerThs * WORLD_PER_PLAYER_POWER) / worldThs;
  return Math.max(1, Math.min(FULL_SCALE_PPM, Math.round(scale * FULL_SCALE_PPM)));
}

/** Scales the world, the difficulty and today's fees of a game at tick 0 to the class-sized world. */
export function applyClassWorld(state: GameState): void {
  const scalePpm = classWorldScalePpm(state);
  const f = scalePpm / FULL_SCALE_PPM;
  for (const region of state.world.regions) {
    for (const tier of region.rowTiers) tier.installedThs *= f;
    for (const tier of region.idleTiers) tier.installedThs *= f;
  }
  state.networkThs *= f;
  // A smaller network finds blocks at the same pace only against an easier target.
  const target = (compactToTarget(state.chain.bits) * BigInt(FULL_SCALE_PPM)) / BigInt(scalePpm);
  state.chain.bits = targetToCompact(target);
  state.chain.hashesPerBlock = Number(workFromTarget(compactToTarget(state.chain.bits)));
  state.market.feesSatsPerBlock = scaledReward(state.market.feesSatsPerBlock, scalePpm);
  state.classWorld = { scalePpm, seats: state.companies.length };
}

/** The players' share of the network's running hashrate at the end of the last day, ppm. */
export function playersSharePpm(state: Pick<GameState, "playerThs" | "networkThs">): number {
  if (!(state.networkThs > 0)) return 0;
  return Math.round((state.playerThs / state.networkThs) * FULL_SCALE_PPM);
}
