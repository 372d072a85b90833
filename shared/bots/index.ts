/**
 * Bots: pure functions of the game state. `decide` returns the commands a company gives today under a
 * strategy; the caller applies them in order with applyCommand. Bots read the state and never change it;
 * their only randomness is a private stream derived from the seed, the company and the day. They think
 * in depth once a week (each seat on its own weekday, to spread the work) and otherwise only react:
 * a lot handed over or landed, a ban announced where they have machines, a shipment held, an offer.
 */
import type { Command } from "../engine/commands/schema.ts";
import type { Company, GameState, Lot } from "../engine/state.ts";
import type { Shipment } from "../engine/tradeState.ts";
import { modelOf } from "../engine/fleet.ts";
import { regionIndex } from "../engine/regions.ts";
import { BotCaches } from "./caches.ts";
import { reviewSlots, reviewsOn } from "./levels.ts";
import { seatProfileOf } from "./seatProfiles.ts";
import { boomSellRatioBps, pacedProfile } from "./boom.ts";
import { parseStrategyName } from "../strategy/names.ts";
import { makeCtx, reserveCents, spendable, type Ctx, type Profile } from "./common.ts";
import { minOrderCents } from "./buy.ts";
import { buyCautious, CAUTIOUS } from "./cautious.ts";
import { buyCheapPower, CHEAP_POWER } from "./cheapPower.ts";
import { buyEfficiency, EFFICIENCY } from "./efficiency.ts";
import { earnsItsPower } from "./econ.ts";
import { respondOffers } from "./offers.ts";
import { releaseLeases, tendLots } from "./pipeline.ts";
import { heldShipmentsOf, siteOf, watchedLotsOf, worldOf, type World } from "./world.ts";
import { buyTrader, tradeUsed, TRADER } from "./trader.ts";
import { marginCalled, meetMarginCalls, reviewFinance } from "./finance.ts";
import { answerMachineLeases, offerMachineLeases } from "./machineLeases.ts";
import { respondHostingOffers, reviewHosting } from "./hosting.ts";

export { BotCaches };
export { caretake } from "./caretaker.ts";
export { actingOrder } from "./order.ts";

export const STRATEGIES: readonly string[] = ["efficiency", "cheap-power", "cautious", "trader"];

interface Strategy {
  profile: Profile;
  buy(ctx: Ctx): void;
  /** Days of margin an offered lot is worth to this strategy. */
  offerPaybackDays: number;
  trade?(ctx: Ctx): void;
}

const BY_NAME: Record<string, Strategy> = {
  efficiency: { profile: EFFICIENCY, buy: buyEfficiency, offerPaybackDays: 300 },
  "cheap-power": { profile: CHEAP_POWER, buy: buyCheapPower, offerPaybackDays: 300 },
  cautious: { profile: CAUTIOUS, buy: buyCautious, offerPaybackDays: 250 },
  trader: { profile: TRADER, buy: buyTrader, offerPaybackDays: 150, trade: tradeTrader },
};

/** The trader's trade: the used market, then machine leases (offers of its running lots, answers). */
function tradeTrader(ctx: Ctx): void {
  tradeUsed(ctx);
  offerMachineLeases(ctx);
}

/**
 * Something that cannot wait for the weekly review. Cheap: it runs every day for every seat, so it looks
 * only at the company's own lots and shipments, with the day's facts about regions worked out once, and
 * allocates nothing.
 */
function urgent(state: GameState, id: string, w: World): boolean {
  // A margin call gives only a few days' grace (finance.ts).
  if (state.loans.length > 0 && marginCalled(state, id)) return true;
  // Only held shipments can call for action: the day's list of them, rather than every shipment.
  const shipments = heldShipmentsOf(w);
  for (let i = 0; i < shipments.length; i++) {
    const s = shipments[i] as Shipment;
    if (s.owner !== id || s.status !== "held") continue;
    if (s.holdReason === "ban") return true;
    const dest = regionIndex(state, s.to, w.caches);
    if (dest >= 0 && w.unsafe[dest]) return true;
  }
  // Installed lots matter only where a region is unsafe; the others can give no reason to act today.
  const lots = watchedLotsOf(w, id);
  const hashprice = state.market.hashpriceMicroUsd;
  for (let i = 0; i < lots.length; i++) {
    const lot = lots[i] as Lot;
    const loc = lot.location;
    if (loc.kind === "factory") {
      // Handed over today (or yesterday): ship it; older ones wait for the review.
      if (lot.status === "stored" && lot.readyDay >= state.day - 1) return true;
    } else if (loc.kind === "region") {
      if (lot.status !== "stored" && !w.anyUnsafe) continue;
      const r = regionIndex(state, loc.region, w.caches);
      if (r < 0) continue;
      if (w.unsafe[r]) return true;
      // Waiting in the warehouse and would earn more than its power there today: install it.
      const model = lot.status === "stored" ? modelOf(state, lot.model, w.caches) : undefined;
      if (
        model &&
        earnsItsPower(
          state,
          siteOf(w, r, { renewable: false, longRun: false }),
          model.efficiencyJPerTh,
          hashprice,
        )
      )
        return true;
    }
  }
  const offers = state.offers;
  for (let i = 0; i < offers.length; i++) {
    const o = offers[i] as GameState["offers"][number];
    if (o.to === id && o.status === "open") return true;
  }
  // A lease offer made to it (machineLeases.ts) is answered the same day, as an offer is.
  for (const lease of state.machineLeases) if (lease.to === id && lease.status === "open") return true;
  for (const o of state.hosting.offers) if (o.to === id && o.status === "open") return true;
  return false;
}

/** The seat's review slot this game (levels.ts reviewSlots), drawn once per game and kept in `bots`. */
function reviewSlotOf(bots: BotCaches, seed: number, seats: number, seat: number): number {
  let kept = bots.reviewSlots;
  if (kept === null || kept.seed !== seed || kept.seats !== seats)
    kept = bots.reviewSlots = { seed, seats, slots: reviewSlots(seed, seats) };
  return kept.slots[seat] ?? seat;
}

/** Whether today's review bought machines (an order or a used purchase among its commands). */
function bought(ctx: Ctx, from: number): boolean {
  for (let i = from; i < ctx.out.length; i++) {
    const t = (ctx.out[i] as Command).type;
    if (t === "orderMachines" || t === "buyUsed") return true;
  }
  return false;
}

/**
 * Sells all the day's BTC while cash is short of the reserve for running costs, or while the review finds
 * machines that pay back within its limit (`investing`): a company keeps BTC as a bet on the price only
 * with nothing better to do with the money, as miners sold to fund their fleets. Else the strategy's
 * ratio, raised in a boom for a hard bot (boom.ts). (Holding a fixed share while machines paid back in months
 * left the holders' BTC idle and the cheap-power company, which sells it all, won almost every sandbox
 * and tariffs-2025 game.)
 */
function sellRatio(ctx: Ctx, investing: boolean): void {
  const short = ctx.company.cashCents < reserveCents(ctx) * 0.5;
  const usual = boomSellRatioBps(ctx.profile, ctx.state, ctx.caches, ctx.profile.sellRatioBps);
  const want = short || investing ? 10_000 : usual;
  if (ctx.company.sellRatioBps !== want) {
    ctx.out.push({ type: "setSellRatio", ratioBps: want });
  }
}

/**
 * The commands `companyId` gives today under `strategy` ([] for an unknown strategy or company).
 * `bots`: the caches the game's bots keep between calls (see caches.ts); pass the game's own, made over
 * its EngineCaches, for speed. Omitted, a fresh one is made: the same commands, only slower.
 */
export function decide(
  state: GameState,
  companyId: string,
  strategy: string,
  bots: BotCaches = new BotCaches(),
): Command[] {
  const named = parseStrategyName(strategy);
  const plan = BY_NAME[named.strategy];
  if (!plan || state.finished) return [];
  // The seat's position (its review slot is drawn from it, reviewSlotOf), found without a closure.
  const companies = state.companies;
  let seat = -1;
  for (let i = 0; i < companies.length; i++) {
    if ((companies[i] as Company).id === companyId) {
      seat = i;
      break;
    }
  }
  const company = companies[seat];
  if (!company || company.bankrupt) return [];
  const review = reviewsOn(named.level, state.tick, reviewSlotOf(bots, state.seed, companies.length, seat));
  const w = worldOf(state, bots);
  if (!review && !urgent(state, companyId, w)) return [];
  const kept = seatProfileOf(bots, plan.profile, named.level, state.seed, companyId);
  // A review buys at the pace a boom allows (boom.ts); the daily look only reacts.
  const profile = review ? pacedProfile(kept, state, w.caches) : kept;
  const ctx = makeCtx(w, company, profile, review);
  tendLots(ctx);
  meetMarginCalls(ctx);
  respondOffers(ctx, plan.offerPaybackDays);
  // Every bot answers lease offers made to it, as it answers offers of lots (yes only when they pay).
  answerMachineLeases(ctx);
  respondHostingOffers(ctx);
  if (review) {
    plan.trade?.(ctx);
    releaseLeases(ctx);
    reviewFinance(ctx, named.strategy);
    const before = ctx.out.length;
    plan.buy(ctx);
    // Investing: it bought, or what it commits a review (its share of the spendable cash) is below an
    // order (it would buy with more). Tested on the spendable cash alone, a bot committing 40% of it kept
    // its BTC while its share stayed under an order, and its cash never grew to one (cautious,
    // tariffs-2025: no purchase in the game's last 15 months, 34M of its 55M in BTC).
    sellRatio(ctx, bought(ctx, before) || spendable(ctx) * profile.spendShare < minOrderCents(ctx));
    reviewHosting(ctx);
  }
  return ctx.out;
}
