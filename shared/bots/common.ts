/**
 * What every bot shares: its profile (the knobs a strategy turns), the day's context (the company, its
 * lots, a running cash budget and the commands chosen so far), and a checked way to add a command.
 * Commands are applied by the caller in order after `decide` returns, so the context keeps its own
 * book of what earlier commands will spend and occupy, and checks later ones against that.
 */
import { validate } from "../engine/commands/index.ts";
import type { Actor, Command } from "../engine/commands/schema.ts";
import { lotKw, lotModel } from "../engine/fleet.ts";
import { leaseSetupCents } from "../engine/commands/leaseCapacity.ts";
import {
  freeForNewLease,
  hostingPriceCents,
  leaseHostingCentsPerDay,
  queuedKw,
  roomForQueued,
} from "../engine/hosting.ts";
import { bidCentsOf, leasePowerRefused, queuedToday, queueLease } from "./hostingQueue.ts";
import { shipmentById } from "../engine/logistics/shipmentIndex.ts";
import { regionIndex } from "../engine/regions.ts";
import type { Company, GameState, Lot, RegionState } from "../engine/state.ts";
import type { RegionSpec } from "../scenario/types.ts";
import { lotsOf, siteOf, type World } from "./world.ts";
import type { Survey } from "./buy.ts";
import type { EngineCaches } from "../engine/caches.ts";

export interface Profile {
  /** Share of each day's mined BTC sold at the close, basis points. */
  sellRatioBps: number;
  /** Cash never spent on machines, as a share of the starting cash. */
  reserveShare: number;
  /** Days of power and hosting for the fleet kept in cash, on top. */
  opexReserveDays: number;
  /** Longest trip (transit, customs) a shipment may take when a slower mode is cheaper, days. */
  maxShipDays: number;
  /** Insure every shipment, or only modes whose damage rate exceeds the premium. */
  insureAlways: boolean;
  /** Stay away from countries that make imports wait for a licence. */
  avoidLicence: boolean;
  /** A purchase must keep power, tax and hosting under this share of revenue. */
  maxCostShare: number;
  /** Longest payback (the landed cost the resale would not return, over the margin) a purchase may have, days. */
  maxPaybackDays: number;
  /**
   * Share of today's used bid a machine is expected to fetch when it is sold or the game ends (prices
   * fall with the hashprice): the resale a purchase counts on.
   */
  resaleKeep: number;
  /** Share of the spendable cash one weekly review may commit. */
  spendShare: number;
  /** Sell lots that have not paid for their power over the month (else only switch them off). */
  sellLosers: boolean;
  /** Bid premiums for earlier factory batches of new models (preorder.ts). */
  preorderBids?: boolean;
  /** Queue for a full region's space, bidding this % above its price (absent: give the region up). */
  hostingBidPct?: number;
  /** Build own sites in a crunch and rent out their spare kW (bots/hosting.ts). */
  buildsSites?: boolean;
  /** Build one only while machines wait for room (else in any crunch, where it holds most space). */
  buildsOnlyForWaiting?: boolean;
  /** false: never borrow, whatever the strategy (an easy bot's; levels.ts). */
  borrows?: boolean;
  /**
   * How strongly it plans with the hashprice cut in a boom, by how far it stands above the world's power
   * cost (cycle.ts): the cut's power, 0 (absent) for none.
   */
  cyclePower?: number;
  /**
   * Reads a boom as a hard bot does (boom.ts; cyclePower unused): plans with the hashprice's path back to
   * the normal ratio over its payback horizon, commits only the boom's floor share of a review's budget,
   * and sells all it mines while the boom lasts.
   */
  readsBoom?: boolean;
}

/** kW a company holds and needs in one region: leased, installed, waiting in the warehouse, on the way. */
export interface RegionLoad {
  leased: number;
  installed: number;
  stored: number;
  inbound: number;
}

export interface Ctx {
  state: GameState;
  company: Company;
  actor: Actor;
  profile: Profile;
  /** The company's lots (a snapshot: commands chosen today do not change it). */
  lots: readonly Lot[];
  /** Cash left after the commands chosen so far. */
  cash: number;
  out: Command[];
  /** Lots already given a command today: one decision per lot per day. */
  touched: Set<string>;
  /**
   * Per region index; updated as today's commands move machines and leases. Made when first needed
   * (loadAt): a region the company has nothing in reads as all zeros (spareKw), as it would start.
   */
  load: (RegionLoad | undefined)[];
  /** A weekly review day (purchases, sales, housekeeping) rather than a quick daily look. */
  review: boolean;
  /** kW of free capacity today's leases take, per region index (none yet: undefined, read as 0). */
  takenKw: (number | undefined)[];
  /** Today's facts about the world, shared by every seat. */
  world: World;
  /** The engine's caches, which the state is read through (world.caches). */
  caches: EngineCaches;
  /** Power and hosting per day (dailyOpexCents), once worked out: the lots and leases do not change today. */
  opex: number | null;
  /** The review's survey of regions, once made (buy.ts). */
  survey: Survey | null;
  /** Per region index: hostingPriceCents, once asked (see hostingPriceAt). */
  hostingPrice: (number | undefined)[];
  /**
   * Sums over the lots, once worked out (the lots do not change today): what they cost (fleetCostCents,
   * asked for every offer a review weighs) and the reserve for those still on order (reserveCents).
   */
  fleetCost: number | null;
  pipelineReserve: number | null;
}

export function makeCtx(
  world: World,
  company: Company,
  profile: Profile,
  review: boolean,
  lots: readonly Lot[] = lotsOf(world, company.id),
): Ctx {
  const state = world.state;
  const caches = world.caches;
  const load: (RegionLoad | undefined)[] = [];
  for (const lease of company.leases) {
    const r = regionIndex(state, lease.region, caches);
    if (r >= 0) newLoad(load, r).leased += lease.kw;
  }
  for (const lot of lots) {
    const kw = lotKw(lotModel(state, lot, caches), lot.quantity);
    let region: string | null = null;
    if (lot.location.kind === "region") region = lot.location.region;
    else if (lot.location.kind === "shipment") region = shipmentTo(state, lot.location.shipment, caches);
    const r = region === null ? -1 : regionIndex(state, region, caches);
    if (r < 0) continue;
    const l = newLoad(load, r);
    if (lot.status === "installed") l.installed += kw;
    else if (lot.status === "stored") l.stored += kw;
    else if (lot.status === "inTransit") l.inbound += kw;
  }
  return {
    state,
    company,
    actor: { kind: "company", companyId: company.id },
    profile,
    lots,
    cash: company.cashCents,
    out: [],
    touched: new Set(),
    load,
    review,
    takenKw: [],
    world,
    caches,
    opex: null,
    survey: null,
    hostingPrice: [],
    fleetCost: null,
    pipelineReserve: null,
  };
}

/**
 * Today's price of a new lease in region `r` (hostingPriceCents), once per decision: the state does not
 * change while a bot decides (its commands are applied after), and buyers price every model there.
 */
export function hostingPriceAt(ctx: Ctx, r: number): number {
  let price = ctx.hostingPrice[r];
  if (price === undefined) price = ctx.hostingPrice[r] = hostingPriceCents(ctx.state, r);
  return price;
}

/** The company's load in region `r`, made (all zeros) when first needed. */
export function loadAt(ctx: Ctx, r: number): RegionLoad {
  return newLoad(ctx.load, r);
}

function newLoad(load: (RegionLoad | undefined)[], r: number): RegionLoad {
  let l = load[r];
  if (!l) load[r] = l = { leased: 0, installed: 0, stored: 0, inbound: 0 };
  return l;
}

function shipmentTo(state: GameState, id: string, caches: EngineCaches): string | null {
  return shipmentById(state, id, caches)?.to ?? null;
}

/** kW of lease in region `r` that no machine installed, stored or inbound there needs. */
export function spareKw(ctx: Ctx, r: number): number {
  const l = ctx.load[r];
  // Nothing here yet: 0 - 0 - 0 - 0, as the sum of an untouched region would be.
  return l ? l.leased - l.installed - l.stored - l.inbound : 0;
}

/**
 * Capacity region `r` can give this bot after today's leases, kW (0 under a moratorium): what a direct
 * lease may take, or, for a bot that bids for space, what its bid at the crunch price would be served
 * from the queue (it outbids the world's waiting machines, hosting.ts outbidsWorld).
 */
export function freeTodayKw(ctx: Ctx, r: number): number {
  const { state } = ctx;
  const region = state.world.regions[r] as RegionState;
  if (region.moratoriumUntil > state.day) return 0;
  const bidPct = ctx.profile.hostingBidPct;
  const direct = freeForNewLease(state, r);
  const byBid =
    bidPct === undefined
      ? 0
      : roomForQueued(state, r, bidCentsOf(state, r, bidPct)) - queuedKw(state, region.id);
  return Math.max(0, Math.max(direct, byBid) - (ctx.takenKw[r] ?? 0));
}

/** Adds a lease of `kw` in region `r` if capacity and cash allow it today. */
export function addLease(ctx: Ctx, r: number, kw: number, renewable: boolean): boolean {
  const spec = ctx.state.scenario.regions[r] as RegionSpec;
  if (kw > freeForNewLease(ctx.state, r) - (ctx.takenKw[r] ?? 0)) {
    // Not free for a direct lease: wait in the queue (with the profile's bid), holding the room meanwhile.
    const queued = queueLease(ctx, r, kw, renewable);
    ctx.takenKw[r] = (ctx.takenKw[r] ?? 0) + kw;
    return queued;
  }
  if (leasePowerRefused(ctx, spec, renewable)) return false;
  // A request queued here earlier today (for another lot) is one request per region: the engine, having
  // applied it first, refuses a direct lease after it (ALREADY_SO), and the install chained to it.
  if (queuedToday(ctx, spec.id)) return false;
  const cmd = { type: "leaseCapacity" as const, region: spec.id, kw, ...(renewable ? { renewable } : {}) };
  if (!add(ctx, cmd, leaseSetupCents(kw, hostingPriceCents(ctx.state, r)))) return false;
  ctx.takenKw[r] = (ctx.takenKw[r] ?? 0) + kw;
  loadAt(ctx, r).leased += kw;
  return true;
}

/**
 * Adds a command if the engine would accept it now and today's budget covers `costCents`. Only for
 * commands that do not depend on an earlier command of the same day (those use `addChained`).
 */
export function add(ctx: Ctx, cmd: Command, costCents: number): boolean {
  if (costCents > ctx.cash) return false;
  if (validate(ctx.state, ctx.actor, cmd, ctx.caches) !== null) return false;
  ctx.out.push(cmd);
  ctx.cash -= costCents;
  return true;
}

/** Adds a command whose legality rests on an earlier one of today (install after lease): checked by the caller. */
export function addChained(ctx: Ctx, cmd: Command): void {
  ctx.out.push(cmd);
}

/** Power and hosting the company pays per day now, cents (from its installed, powered lots and its leases). */
export function dailyOpexCents(ctx: Ctx): number {
  if (ctx.opex === null) ctx.opex = computeOpex(ctx);
  return ctx.opex;
}

function computeOpex(ctx: Ctx): number {
  const { state } = ctx;
  let microUsd = 0;
  for (const lot of ctx.lots) {
    if (lot.status !== "installed" || !lot.powered || lot.location.kind !== "region") continue;
    const region = lot.location.region;
    const r = regionIndex(state, region, ctx.caches);
    if (r < 0) continue;
    const site = siteOf(ctx.world, r, {
      renewable: leaseAt(ctx, region)?.renewable ?? false,
      longRun: false,
    });
    const kwh = lotKw(lotModel(state, lot, ctx.caches), lot.quantity) * 24 * site.uptime;
    microUsd += kwh * (site.price + site.carbonPerKwh);
  }
  let hosting = 0;
  for (const lease of ctx.company.leases) {
    const spec = state.scenario.regions[regionIndex(state, lease.region, ctx.caches)];
    if (spec) hosting += leaseHostingCentsPerDay(lease, spec, state.day);
  }
  return microUsd / 10_000 + hosting;
}

/** The company's lease in a region, if it holds one. */
export function leaseAt(ctx: Ctx, region: string): Company["leases"][number] | undefined {
  for (const l of ctx.company.leases) if (l.region === region) return l;
  return undefined;
}

/**
 * Cash the company keeps back from new purchases: the strategy's floor, months of running costs, and
 * what the lots not yet landed will still cost (freight, duty and VAT: up to a third of their price).
 */
export function reserveCents(ctx: Ctx, extraOpexPerDay = 0): number {
  const p = ctx.profile;
  const floor = p.reserveShare * ctx.state.scenario.company.startingCashCents;
  const opex = (dailyOpexCents(ctx) + extraOpexPerDay) * p.opexReserveDays;
  return Math.max(floor, opex) + pipelineReserveCents(ctx);
}

/** A share of what the lots still on order (or at a factory) cost, kept in cash for them. */
function pipelineReserveCents(ctx: Ctx): number {
  if (ctx.pipelineReserve !== null) return ctx.pipelineReserve;
  let pipeline = 0;
  for (const lot of ctx.lots) {
    if (lot.status === "onOrder" || lot.location.kind === "factory") pipeline += lot.costCents * 0.35;
  }
  return (ctx.pipelineReserve = pipeline);
}

/** What the company may commit to new machines today. */
export function spendable(ctx: Ctx): number {
  return Math.max(0, ctx.cash - reserveCents(ctx));
}

/** kW of the company's machines still on order or waiting at a factory (they will need a lease). */
export function orderedKw(ctx: Ctx): number {
  let kw = 0;
  for (const lot of ctx.lots)
    if (lot.status === "onOrder" || lot.location.kind === "factory")
      kw += lotKw(lotModel(ctx.state, lot, ctx.caches), lot.quantity);
  return kw;
}

/** What the company's lots cost, cents (order sizes grow with it). */
export function fleetCostCents(ctx: Ctx): number {
  if (ctx.fleetCost !== null) return ctx.fleetCost;
  let cents = 0;
  for (const lot of ctx.lots) cents += lot.costCents;
  return (ctx.fleetCost = cents);
}
