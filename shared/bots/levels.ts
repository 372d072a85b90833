/**
 * Bot levels (issue #14 §1) and each game's temperament. A seat's strategy may carry a level, written
 * "easy:trader" or "hard:cheap-power" ("normal" when it has none; strategy/names.ts reads it). A level
 * turns the strategy's knobs: an easy bot looks at its business every other week, commits half as much of
 * its cash a review, counts on less resale and leaves pre-order and hosting bids, sites and loans alone; a
 * hard one commits more and keeps a thinner cash reserve, buys machines nearer their breakeven (it
 * switches them off when they stop paying), builds sites only for machines waiting for room, and reads
 * a boom as a path back to normal: it prices each machine on that path over its payback (a quick payback
 * keeps more of the boom than a normal bot's cut, a slow one less), buys in steps and sells more of what
 * it mines the higher the boom (cycle.ts, boom.ts); in a falling market it commits, and counts on
 * resale, only the share of the hashprice machine prices have followed down so far (cycle.ts
 * fallingShare). An easy bot takes a boom's hashprice at face value. A level that borrows does so only
 * while its spendable cash is short of the loan (finance.ts). Every game each bot also draws a
 * temperament from the seed: its knobs moved a little (more at easy, less at hard), so two games with the
 * same history do not play the same and no strategy wins by being predictable.
 */
import { createRng, hash32, nextFloat } from "../math/rng.ts";
import type { Level } from "../strategy/names.ts";
import type { Profile } from "./common.ts";

/** Days between a level's reviews (purchases, sales, housekeeping); urgent matters are daily at every level. */
const REVIEW_EVERY: Record<Level, number> = { easy: 14, normal: 7, hard: 7 };

/**
 * Whether the seat in review slot `slot` (reviewSlot) reviews its business on day `tick` (each seat on its
 * own day, to spread the work).
 */
export function reviewsOn(level: Level, tick: number, slot: number): boolean {
  const every = REVIEW_EVERY[level];
  return tick % every === slot % every;
}

/**
 * Each seat's review slot this game (0: it reviews first). The first to review buys first, on the first
 * day, from the factories' batches, the used markets and the free hosting space, before the others have
 * moved prices and taken room: with the slot the seat's number, the first seat's strategy won most games
 * for it (halving-2020, 40 runs: efficiency won 72% as the first seat and 22% as the last; the trader
 * 52% as the first). So the seats take the first slot in turn, game by game (even over any run of
 * consecutive seeds, as a Monte-Carlo run plays them; a shuffle drawn from the seed gave the last of four
 * seats the first slot in 18 of seeds 1-40), and the others' order is drawn. The turn also steps on by
 * one every `seats` games: a Monte-Carlo run turns the strategies through the seats game by game (run i:
 * seed S + i, strategy k in seat (k + i) mod n), and with the first slot the seed modulo the seats the
 * same strategy had it in every game (cheap-power in the balance tables, the easy bot in hard-against-
 * easy games).
 */
export function reviewSlots(seed: number, seats: number): number[] {
  if (seats <= 0) return [];
  const rng = createRng(seed >>> 0, "bot:reviewOrder");
  const s = seed >>> 0;
  const first = (s + Math.floor(s / seats)) % seats;
  const rest: number[] = [];
  for (let i = 0; i < seats; i++) if (i !== first) rest.push(i);
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(nextFloat(rng) * (i + 1));
    const t = rest[i] as number;
    rest[i] = rest[j] as number;
    rest[j] = t;
  }
  const slots: number[] = new Array<number>(seats).fill(0);
  [first, ...rest].forEach((seat, slot) => (slots[seat] = slot));
  return slots;
}

/**
 * How strongly a level reads the mining cycle (cycle.ts): an easy bot takes a boom's hashprice at face
 * value, a normal one cuts it by a rule of thumb. A hard one reads the boom's path instead (readsBoom,
 * LEVEL_TURN): at a flat cut of 0.5 it lost exodus-2021 to the easy bot in most games, and at 1 more.
 */
const CYCLE_POWER: Record<Exclude<Level, "hard">, number> = { easy: 0, normal: 0.25 };

/**
 * How far a temperament moves each knob, as a share either way. Normal 0.4 (was 0.25): in the historical
 * scenarios the price path is the same every game, so at 0.25 the efficiency and cheap-power companies
 * played nearly the same two games over and over, and a 2% edge in one decided most of them (tariffs-2025,
 * 50 runs: 38/58% of the wins; at 0.4 46/46%, the others' share unchanged).
 */
const JITTER: Record<Level, number> = { easy: 0.45, normal: 0.4, hard: 0.1 };

/** The profile a seat plays this game: the strategy's, turned by its level and its drawn temperament. */
export function seatProfile(base: Profile, level: Level, seed: number, companyId: string): Profile {
  const rng = createRng((seed ^ hash32(companyId)) >>> 0, "bot:temperament");
  const j = JITTER[level];
  const draw = () => 1 + j * (2 * nextFloat(rng) - 1);
  const p: Profile = {
    ...base,
    spendShare: Math.min(0.95, base.spendShare * draw()),
    resaleKeep: Math.min(0.95, base.resaleKeep * draw()),
    maxPaybackDays: Math.round(base.maxPaybackDays * draw()),
    reserveShare: base.reserveShare * draw(),
    // How much of its mined BTC it keeps is a bet on the price: moved by up to the same share of all.
    sellRatioBps: Math.round(
      Math.min(10_000, Math.max(0, base.sellRatioBps + 10_000 * j * (2 * nextFloat(rng) - 1))),
    ),
    ...(level === "hard" ? {} : { cyclePower: CYCLE_POWER[level] }),
  };
  return level === "normal" ? p : LEVEL_TURN[level](p);
}

const LEVEL_TURN: Record<Exclude<Level, "normal">, (p: Profile) => Profile> = {
  easy: (p) => {
    const { hostingBidPct: _bid, ...rest } = p;
    return {
      ...rest,
      spendShare: p.spendShare * 0.5,
      resaleKeep: p.resaleKeep * 0.8,
      maxPaybackDays: Math.round(p.maxPaybackDays * 0.8),
      preorderBids: false,
      buildsSites: false,
      borrows: false,
    };
  },
  hard: (p) => ({
    ...p,
    spendShare: Math.min(0.95, p.spendShare * 1.4),
    reserveShare: p.reserveShare * 0.7,
    // It runs machines closer to their breakeven (power, tax and hosting up to a quarter more of revenue,
    // efficiency's 70% → 87.5%): it switches a machine off the day it stops paying, so a fall costs it the
    // machine's resale, not power. At the strategies' own share the hard efficiency bot passed over the
    // older machines that paid best and beat the easy one in 72% of 300 sandbox games (82% so; halving-
    // 2020 88% → 100%). The strategies' own shares are tuned against each other (efficiency.ts).
    maxCostShare: Math.min(0.95, p.maxCostShare * 1.25),
    readsBoom: true,
    buildsOnlyForWaiting: true,
  }),
};
