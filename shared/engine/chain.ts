/**
 * The simulated chain: blocks arrive as a Poisson process whose rate is the network hashrate divided by
 * the expected work per block; every 2016 blocks the target is retargeted with Bitcoin Core's rule, on
 * the simulated timestamps. One call mines one game day.
 */
import {
  blockSubsidySats,
  calculateNextWorkRequired,
  compactToTarget,
  difficultyFromBits,
  HALVING_INTERVAL,
  MAX_ACTUAL_TIMESPAN,
  MIN_ACTUAL_TIMESPAN,
  RETARGET_INTERVAL,
  TARGET_TIMESPAN,
  workFromTarget,
} from "../bitcoin/index.ts";
import { SECONDS_PER_DAY } from "../math/calendar.ts";
import { sampleExponential } from "../math/random.ts";
import { nextFloat } from "../math/rng.ts";
import type { ChainState, GameState, RetargetRecord } from "./state.ts";
import { scaledReward, worldScalePpm } from "./classWorld.ts";

/** Blocks into a period before its pace says anything about the next retarget. */
const ESTIMATE_AFTER_BLOCKS = 10;

/**
 * The next retarget's expected change, percent, if blocks keep coming at the period's pace so far: the
 * period's time so far stretched to a whole period, clamped as Bitcoin Core clamps the timespan (a
 * quarter to four times the target), so the estimate never promises a change the rule cannot make.
 */
export function retargetEstimatePct(chain: ChainState): number {
  const blocks = chain.height % RETARGET_INTERVAL;
  if (blocks < ESTIMATE_AFTER_BLOCKS) return 0;
  const elapsed = Math.max(1, chain.tipTime - chain.periodFirstTime);
  const projected = (elapsed * RETARGET_INTERVAL) / blocks;
  const timespan = Math.min(MAX_ACTUAL_TIMESPAN, Math.max(MIN_ACTUAL_TIMESPAN, projected));
  return (TARGET_TIMESPAN / timespan - 1) * 100;
}

export function hashesPerBlockForBits(bits: number): number {
  return Number(workFromTarget(compactToTarget(bits)));
}

export interface SoloMiner {
  companyIndex: number;
  ths: number;
}

export interface DayBlocks {
  blocks: number;
  retargets: RetargetRecord[];
  /** Heights of halvings that happened today. */
  halvings: number[];
  /** Satoshis won by solo miners, by company index. */
  soloWins: Map<number, number>;
}

/**
 * Mines blocks from the chain's clock to the end of the game day `state.day`.
 * `networkThs` is the hashrate working on the chain today (TH/s); `solo` lists solo miners' shares of it.
 */
export function mineDay(state: GameState, networkThs: number, solo: SoloMiner[]): DayBlocks {
  const chain = state.chain;
  const rng = state.rng.blocks;
  const dayEnd = (state.day + 1) * SECONDS_PER_DAY;
  const out: DayBlocks = { blocks: 0, retargets: [], halvings: [], soloWins: new Map() };
  chain.blocksToday = 0;
  chain.rewardToday = 0;
  chain.subsidyToday = 0;
  if (!(networkThs > 0)) {
    // No one is mining: the day passes without a block (the clock still moves: memoryless arrivals).
    chain.clock = Math.max(chain.clock, dayEnd);
    return out;
  }
  const hashesPerSecond = networkThs * 1e12;
  const fees = state.market.feesSatsPerBlock;
  let meanInterval = chain.hashesPerBlock / hashesPerSecond;
  let clock = Math.max(chain.clock, state.day * SECONDS_PER_DAY);
  // The subsidy only changes at a halving: compute it once per era, not per block (it is a BigInt shift).
  // In a class-sized world the reward is scaled with the network (classWorld.ts); else the factor is 1.
  const scale = worldScalePpm(state);
  let subsidy = scaledReward(blockSubsidySats(chain.height + 1), scale);
  for (;;) {
    const next = clock + sampleExponential(rng, meanInterval);
    if (next >= dayEnd) {
      // Memoryless: the draw past midnight is discarded and tomorrow starts its own from midnight.
      clock = dayEnd;
      break;
    }
    clock = next;
    const height = chain.height + 1;
    if (height % RETARGET_INTERVAL === 0) {
      const record = retarget(state, height);
      out.retargets.push(record);
      meanInterval = chain.hashesPerBlock / hashesPerSecond;
    }
    const time = Math.floor(clock);
    if (height % RETARGET_INTERVAL === 0) chain.periodFirstTime = time;
    if (height % HALVING_INTERVAL === 0) {
      out.halvings.push(height);
      subsidy = scaledReward(blockSubsidySats(height), scale);
    }
    chain.height = height;
    chain.tipTime = time;
    const reward = subsidy + fees;
    chain.subsidyToday += subsidy;
    chain.rewardToday += reward;
    chain.blocksToday++;
    out.blocks++;
    if (solo.length > 0) awardSolo(rng, networkThs, solo, reward, out.soloWins);
  }
  chain.clock = clock;
  return out;
}

function retarget(state: GameState, height: number): RetargetRecord {
  const chain = state.chain;
  const oldBits = chain.bits;
  const newBits = calculateNextWorkRequired(oldBits, chain.periodFirstTime, chain.tipTime);
  chain.bits = newBits;
  chain.hashesPerBlock = hashesPerBlockForBits(newBits);
  const ratio = difficultyFromBits(newBits) / difficultyFromBits(oldBits);
  const record: RetargetRecord = {
    height,
    day: state.day,
    time: chain.tipTime,
    oldBits,
    newBits,
    changePpm: Math.round((ratio - 1) * 1e6),
  };
  state.retargets.push(record);
  return record;
}

function awardSolo(
  rng: GameState["rng"]["blocks"],
  networkThs: number,
  solo: SoloMiner[],
  reward: number,
  wins: Map<number, number>,
): void {
  // One draw per block decides whether a solo miner found it: P(win) = its share of the network.
  let u = nextFloat(rng) * networkThs;
  for (const miner of solo) {
    if (u < miner.ths) {
      wins.set(miner.companyIndex, (wins.get(miner.companyIndex) ?? 0) + reward);
      return;
    }
    u -= miner.ths;
  }
}
