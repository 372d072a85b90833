/**
 * Moving machines, the same for every strategy: ship what the factory hands over, lease and install what
 * arrives, get machines out of regions that ban mining (or switch them off there), re-export lots held
 * at customs for a ban, switch lots off while they lose money on power, and give back unused leases.
 */
import type { ShippingMode } from "../scenario/types.ts";
import { lotKw, lotModel, lotThs } from "../engine/fleet.ts";
import { declaredValue, departurePlace, quoteShipment } from "../engine/logistics/ship.ts";
import type { ShipmentQuote } from "../engine/logistics/quote.ts";
import { shipmentById } from "../engine/logistics/shipmentIndex.ts";
import type { Shipment } from "../engine/tradeState.ts";
import { regionIndex } from "../engine/regions.ts";
import { leaseSetupCents } from "../engine/commands/leaseCapacity.ts";
import type { Lot, RegionState } from "../engine/state.ts";
import type { RegionSpec } from "../scenario/types.ts";
import {
  add,
  addChained,
  addLease,
  freeTodayKw,
  hostingPriceAt,
  leaseAt,
  orderedKw,
  spareKw,
  type Ctx,
  loadAt,
} from "./common.ts";
import { marginOf, thDay } from "./econ.ts";
import { dutyOf } from "./duties.ts";
import { licenceOf, lotsOf, prefersRenewableAt, siteOf, watchedLotsOf } from "./world.ts";
import { pickMode } from "./routes.ts";
import { queueLease } from "./hostingQueue.ts";
import type { Broker } from "../scenario/tradeSpec.ts";

export interface Route {
  r: number;
  mode: ShippingMode;
  insured: boolean;
  payNow: number;
  broker: Broker;
}

/** Whether the company's lease in region `r` is (or would be) on renewable power. */
function renewableAt(ctx: Ctx, r: number): boolean {
  const lease = leaseAt(ctx, (ctx.state.scenario.regions[r] as RegionSpec).id);
  return lease ? lease.renewable : prefersRenewableAt(ctx.world, r);
}

/** A conservative hashprice for running decisions: today's or the month's average, whichever is lower. */
export function runningHashprice(ctx: Ctx): number {
  return ctx.world.runningHashprice;
}

/**
 * Where `quantity` units of a lot should go, and how: the regions where they earn most over a year net
 * of duty and storage (never one banned, with a ban announced, under a moratorium or full), then the
 * cheapest mode that arrives within the profile's limit (else the fastest), for the best two.
 */
export function chooseRoute(ctx: Ctx, lot: Lot, quantity: number, exclude: string | null): Route | null {
  const { state, profile, world: w } = ctx;
  const model = lotModel(state, lot, ctx.caches);
  const kw = lotKw(model, quantity);
  const ths = lotThs(model, quantity);
  const value = declaredValue(lot, quantity);
  const hashprice = w.runningHashprice;
  // The best two regions by score (ties to the lower index), kept as we go rather than sorted.
  let r1 = -1;
  let s1 = 0;
  let r2 = -1;
  let s2 = 0;
  const specs = state.scenario.regions;
  const from = departurePlace(state, lot, ctx.caches);
  // A lot that cannot leave now has no route (every quote would be refused).
  if ("code" in from) return null;
  for (let r = 0; r < specs.length; r++) {
    const spec = specs[r] as RegionSpec;
    if (w.closed[r] || spec.id === exclude) continue;
    const licence = licenceOf(w, r);
    if (profile.avoidLicence && licence > 0) continue;
    const spare = Math.max(0, spareKw(ctx, r));
    if (spare + freeTodayKw(ctx, r) * 0.8 < kw) continue;
    const margin = marginOf(
      thDay(
        state,
        siteOf(w, r, { renewable: renewableAt(ctx, r), longRun: true }),
        model.efficiencyJPerTh,
        hashprice,
      ),
    );
    if (margin <= 0) continue;
    const storage = licence * state.scenario.logistics.storageCentsPerUnitDay * quantity;
    const lease = spare >= kw ? 0 : leaseSetupCents(Math.ceil(kw - spare), hostingPriceAt(ctx, r));
    const score = (margin * ths * 365) / 10_000 - value * dutyOf(w, r, lot.origin) - storage - lease;
    if (!(score > 0)) continue;
    if (r1 < 0 || score > s1) {
      r2 = r1;
      s2 = s1;
      r1 = r;
      s1 = score;
    } else if (r2 < 0 || score > s2) {
      r2 = r;
      s2 = score;
    }
  }
  let best: { r: number; mode: ShippingMode; insured: boolean; score: number; quote: ShipmentQuote } | null =
    null;
  for (let k = 0; k < 2; k++) {
    const r = k === 0 ? r1 : r2;
    if (r < 0) break;
    const score = k === 0 ? s1 : s2;
    const pick = pickMode(ctx, lot, quantity, from, r, bansAhead);
    if (!pick) continue;
    const spec = state.scenario.logistics.modes[pick.mode];
    const insured =
      profile.insureAlways || spec.damageBps + spec.lossBps >= state.scenario.logistics.insuranceBps;
    const premium = insured ? Math.round((value * state.scenario.logistics.insuranceBps) / 10_000) : 0;
    // `score` already counts duty and VAT; the quote's landed cost counts them again with the freight.
    const total = score + value * dutyOf(w, r, lot.origin) - pick.landedCostCents - premium;
    if (!best || total > best.score) best = { r, mode: pick.mode, insured, score: total, quote: pick };
  }
  if (!best) return null;
  const broker = best.quote.broker;
  if (!best.insured)
    return { r: best.r, mode: best.mode, insured: false, payNow: best.quote.payNowCents, broker };
  // Insured: the engine's quote says what the premium adds to what is paid now.
  const q = quoteShipment(
    state,
    {
      lotId: lot.id,
      to: (specs[best.r] as RegionSpec).id,
      mode: best.mode,
      insured: true,
      quantity,
      broker,
    },
    ctx.caches,
  );
  return q.ok ? { r: best.r, mode: best.mode, insured: true, payNow: q.quote.payNowCents, broker } : null;
}

/** A quote warns of a ban in force, or one announced to take effect around the arrival. */
function bansAhead(q: ShipmentQuote): boolean {
  for (const w of q.warnings) if (w.en.includes("ban")) return true;
  return false;
}

/** Ships (part of) a lot along `route`, updating today's book of where the company's kW are. */
function ship(ctx: Ctx, lot: Lot, quantity: number, route: Route, fromR: number): boolean {
  const to = (ctx.state.scenario.regions[route.r] as RegionSpec).id;
  const cmd = {
    type: "shipLot" as const,
    lot: lot.id,
    to,
    mode: route.mode,
    insured: route.insured,
    quantity,
    ...(route.broker === "standard" ? {} : { broker: route.broker }),
  };
  if (!add(ctx, cmd, route.payNow)) return false;
  const kw = lotKw(lotModel(ctx.state, lot, ctx.caches), quantity);
  if (fromR >= 0) {
    const from = loadAt(ctx, fromR);
    if (lot.status === "installed") from.installed -= kw;
    else from.stored -= kw;
  }
  loadAt(ctx, route.r).inbound += kw;
  ctx.touched.add(lot.id);
  return true;
}

/** Sends a lot (or part of it) to the best other region; false when none is open or cash is short. */
function sendAway(ctx: Ctx, lot: Lot, quantity: number, fromR: number, exclude: string | null): boolean {
  const route = chooseRoute(ctx, lot, quantity, exclude);
  return route !== null && ship(ctx, lot, quantity, route, fromR);
}

/** Leases what is missing and installs a lot that has arrived; sends away what cannot fit. */
function install(ctx: Ctx, lot: Lot, r: number): void {
  const { state } = ctx;
  const spec = state.scenario.regions[r] as RegionSpec;
  const model = lotModel(state, lot, ctx.caches);
  const d = thDay(
    state,
    siteOf(ctx.world, r, { renewable: renewableAt(ctx, r), longRun: false }),
    model.efficiencyJPerTh,
    runningHashprice(ctx),
  );
  // Not worth switching on here today: it waits in the warehouse (the weekly review may move or sell it).
  if (d.revenue <= d.energy) return;
  const need = lotKw(model, lot.quantity);
  const l = loadAt(ctx, r);
  const room = l.leased - l.installed;
  const install = { type: "installLot" as const, lot: lot.id, region: spec.id };
  const done = (): void => {
    l.installed += need;
    l.stored -= need;
    ctx.touched.add(lot.id);
  };
  if (room + 1e-9 >= need) {
    if (add(ctx, install, 0)) done();
    return;
  }
  const free = freeTodayKw(ctx, r);
  const missing = Math.ceil(need - room - 1e-9);
  if (missing <= free) {
    // A lease is extended on its own terms (the engine refuses a grid extension of a green lease).
    const renewable = renewableAt(ctx, r);
    if (addLease(ctx, r, missing, renewable)) {
      addChained(ctx, install);
      done();
    }
    return;
  }
  // Not enough room. Another trip costs freight, damage and weeks, and the space may be gone again by
  // the time it lands (the crunch of 2021 sent machines round in circles): a profile that bids for space
  // waits here in the region's queue; the others look elsewhere only at the weekly review.
  if (waitsInQueue(ctx, r, missing) || !ctx.review) return;
  // If most of the lot fits, that part stays (installed on a later day) and the rest
  // goes elsewhere; else the whole lot goes. Splitting off a few machines at a time would leave a trail
  // of small lots, each one more shipment to pay for and more work for every day of the game.
  const fit = Math.floor((Math.max(0, room) + free) / (model.powerW / 1000));
  const away = fit * 2 >= lot.quantity ? lot.quantity - fit : lot.quantity;
  if (away > 0) sendAway(ctx, lot, away, r, spec.id);
}

/** Bought on the used market in the last days (purchaseLot stamps readyDay with the day of purchase). */
function justBoughtUsed(ctx: Ctx, lot: Lot): boolean {
  return lot.builtDay !== undefined && lot.readyDay >= ctx.state.day - FORWARD_WITHIN_DAYS;
}
/** Days after a used purchase in which the bot forwards the lot from the market where it stands. */
const FORWARD_WITHIN_DAYS = 2;

/** Whether the company waits for `kw` in region `r`'s queue: already queued there, or queueing now. */
function waitsInQueue(ctx: Ctx, r: number, kw: number): boolean {
  const id = (ctx.state.scenario.regions[r] as RegionSpec).id;
  const queued = (): boolean =>
    ctx.state.hosting.queue.some((q) => q.company === ctx.company.id && q.region === id) ||
    ctx.out.some((c) => c.type === "leaseCapacity" && c.region === id && c.queue === true);
  if (queued()) return true;
  queueLease(ctx, r, kw, renewableAt(ctx, r));
  return queued();
}

/** Switches a lot on or off as today's revenue covers its power; on review days sells lasting losers. */
function runOrStop(ctx: Ctx, lot: Lot, r: number): void {
  const { state } = ctx;
  const model = lotModel(state, lot, ctx.caches);
  const site = siteOf(ctx.world, r, { renewable: renewableAt(ctx, r), longRun: false });
  const today = thDay(state, site, model.efficiencyJPerTh, state.market.hashpriceMicroUsd);
  const month = thDay(state, site, model.efficiencyJPerTh, state.market.hashpriceAvgMicroUsd);
  if (ctx.profile.sellLosers && month.revenue < month.energy && today.revenue < today.energy) {
    if (add(ctx, { type: "sellMachines", lot: lot.id, quantity: lot.quantity }, 0)) {
      loadAt(ctx, r).installed -= lotKw(model, lot.quantity);
      ctx.touched.add(lot.id);
    }
    return;
  }
  if (lot.powered && today.revenue < today.energy) add(ctx, { type: "powerLot", lot: lot.id, on: false }, 0);
  else if (!lot.powered && today.revenue > today.energy * 1.05)
    add(ctx, { type: "powerLot", lot: lot.id, on: true }, 0);
}

function regionOf(ctx: Ctx, id: string): number {
  return regionIndex(ctx.state, id, ctx.caches);
}

function heldShipment(ctx: Ctx, id: string): Shipment | null {
  const s = shipmentById(ctx.state, id, ctx.caches);
  return s?.status === "held" ? s : null;
}

/**
 * The lots tendLots looks at: all of them on a review day; on another day only those a daily look
 * watches (owned.ts watchedLotsOf: not installed in a region, or installed where it is unsafe), in the
 * same order, since an installed lot in a safe region has nothing to do then (switching is for reviews).
 * Skipping those changes nothing but the time. (Only for the company's own list, as makeCtx takes it.)
 */
function lotsToTend(ctx: Ctx): readonly Lot[] {
  const id = ctx.company.id;
  if (ctx.review || ctx.lots !== lotsOf(ctx.world, id)) return ctx.lots;
  // The watched lists were sorted when the id counter last stood here: if a command has made something
  // since (a shipment, a split), a lot may have changed status without a notice, so look at them all.
  if (ctx.state.nextId !== ctx.world.ownedFrom.nextId) return ctx.lots;
  return watchedLotsOf(ctx.world, id);
}

/** Every lot's move for today: ship, install, evacuate, re-export, switch; urgent ones every day. */
export function tendLots(ctx: Ctx): void {
  const { state } = ctx;
  for (const lot of lotsToTend(ctx)) {
    if (ctx.touched.has(lot.id) || lot.status === "onOrder") continue;
    const loc = lot.location;
    if (loc.kind === "shipment") {
      const s = heldShipment(ctx, loc.shipment);
      if (!s) continue;
      const dest = regionOf(ctx, s.to);
      // Held for a ban (or a ban came while waiting for a licence): re-export from the port.
      if (s.holdReason === "ban" || (dest >= 0 && ctx.world.unsafe[dest]))
        sendAway(ctx, lot, lot.quantity, dest, s.to);
      continue;
    }
    if (loc.kind === "factory") {
      sendAway(ctx, lot, lot.quantity, -1, null);
      continue;
    }
    const r = regionOf(ctx, loc.region);
    const region = state.world.regions[r] as RegionState;
    if (ctx.world.unsafe[r]) {
      // Machines left running under a ban risk seizure: off at once, then out if a better place takes them.
      if (lot.status === "installed" && lot.powered && region.policy === "banned") {
        add(ctx, { type: "powerLot", lot: lot.id, on: false }, 0);
      }
      sendAway(ctx, lot, lot.quantity, r, loc.region);
      continue;
    }
    // A used lot just bought in another region's market (usedGradient.ts) travels on to where power is
    // cheap. Only just bought: one that has travelled since waits for room where it landed (install).
    if (lot.status === "stored" && justBoughtUsed(ctx, lot) && !leaseAt(ctx, loc.region))
      sendAway(ctx, lot, lot.quantity, r, loc.region);
    else if (lot.status === "stored") install(ctx, lot, r);
    else if (lot.status === "installed" && ctx.review) runOrStop(ctx, lot, r);
  }
}

/**
 * Spare leased kW under this share of the lease is kept rather than given back: a machine that breaks
 * down frees a few kW, and a company does not hand back 3 kW a week only to lease them again, setup fee
 * and all, when its next lot arrives (the bots did, a few hundred times a game). A lease with nothing
 * left to run is given back whole.
 */
const KEEP_SPARE_SHARE = 0.05;

/** Gives back leased kW that nothing installed, stored, inbound or on order will need. */
export function releaseLeases(ctx: Ctx): void {
  const pending = orderedKw(ctx);
  for (const lease of ctx.company.leases) {
    const r = regionOf(ctx, lease.region);
    if (r < 0) continue;
    const unsafe = ctx.world.unsafe[r] as boolean;
    const kw = Math.min(Math.floor(spareKw(ctx, r) - (unsafe ? 0 : pending)), lease.kw);
    if (kw < 1 || (kw < lease.kw && kw < lease.kw * KEEP_SPARE_SHARE)) continue;
    if (add(ctx, { type: "releaseCapacity", region: lease.region, kw }, 0)) loadAt(ctx, r).leased -= kw;
  }
}
