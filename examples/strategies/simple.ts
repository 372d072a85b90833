/**
 * A worked example strategy (docs/strategies.md walks through it): once a week it buys the most
 * efficient machine on sale with part of its cash and leases power for it in the cheapest open region.
 * Every day it ships lots handed over at a factory to a region where its leases have room for them, by
 * the cheapest shipping mode the engine accepts, and installs lots that landed (installing switches a lot
 * on). It sees only what a player sees (view.world, view.company) and asks the engine before acting
 * (view.preview, view.shop), so the engine refuses few of its commands.
 *
 *   npm run simulate -- --scenario halving-2020 --runs 4 --bots ./examples/strategies/simple.ts,efficiency
 */
import type { Command, StrategyView } from "../../shared/index.ts";

export const name = "simple";

/** Share of cash a weekly purchase may spend. */
const SPEND_SHARE = 0.4;
/** Cash kept for power, hosting and shipping, cents. */
const KEEP_CENTS = 200_000_00;

type Region = StrategyView["world"]["regions"][number];
type Lot = NonNullable<NonNullable<StrategyView["company"]>["priv"]>["lots"][number];

/** The region with the cheapest power today among those where mining is allowed and power is free. */
function cheapestRegion(view: StrategyView, kw: number): Region | undefined {
  const open = view.world.regions.filter((r) => r.policy === "allowed" && !r.banPending && r.freeKw >= kw);
  return [...open].sort((a, b) => a.powerMicroUsdPerKwh - b.powerMicroUsdPerKwh)[0];
}

/** The weekly purchase, with the cash today's shipping left: machines, and the power to run them. */
function buy(view: StrategyView, cash: number, out: Command[]): void {
  const budget = Math.floor((cash - KEEP_CENTS) * SPEND_SHARE);
  if (budget <= 0) return;
  const shop = view.shop();
  const best = shop.models
    .filter((m) => m.onSale && m.unitCents !== null && m.unitCents > 0)
    .sort((a, b) => a.jPerTh - b.jPerTh)[0];
  if (!best || best.unitCents === null) return;
  const quantity = Math.min(500, Math.floor(budget / best.unitCents));
  if (quantity < 1) return;
  const kw = Math.ceil((quantity * best.powerW) / 1000);
  const region = cheapestRegion(view, kw);
  if (!region) return;
  const order: Command = { type: "orderMachines", model: best.id, quantity };
  const lease: Command = { type: "leaseCapacity", region: region.id, kw };
  // Ask first: a rejected order would cost nothing, but it is good manners (and cheaper to read).
  if (view.preview(order).ok && view.preview(lease).ok) out.push(order, lease);
}

/**
 * Leased kW not yet spoken for, by region where mining is allowed and no ban is announced: the leases,
 * less the lots already there (installed or waiting) and those on their way there (a lot at sea sits in
 * a shipment, whose destination the world's list of shipments gives).
 */
function roomByRegion(view: StrategyView, lots: readonly Lot[]): Map<string, number> {
  const open = new Set(
    view.world.regions.filter((r) => r.policy === "allowed" && !r.banPending).map((r) => r.id),
  );
  const room = new Map<string, number>();
  for (const lease of view.company?.priv?.leases ?? [])
    if (open.has(lease.region)) room.set(lease.region, (room.get(lease.region) ?? 0) + lease.kw);
  const shipments = new Map(view.world.shipments.map((s) => [s.id, s.toId]));
  for (const lot of lots) {
    const region = lot.placeKind === "region" ? lot.placeId : shipments.get(lot.placeId);
    if (region !== undefined && room.has(region)) room.set(region, (room.get(region) ?? 0) - lot.kw);
  }
  return room;
}

/**
 * Ships a lot to the region whose leases have the most room left, by the mode with the lowest landed
 * cost it can pay for now; returns what leaving costs today (freight and insurance), cents.
 */
function ship(view: StrategyView, lot: Lot, room: Map<string, number>, cash: number, out: Command[]): number {
  const [region, free] = [...room].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (region === undefined || (free ?? 0) < lot.kw) return 0;
  const answer = view.preview({ type: "shipLot", lot: lot.id, to: region, mode: "sea", insured: true });
  const quote = answer.quote;
  if (quote?.kind !== "ship") return 0;
  // Each preview sees the cash before today's other commands: the strategy counts what they spend.
  const modes = quote.modes.filter((m) => m.ok && m.quote && m.quote.payNowCents <= cash);
  const cheapest = modes.sort((a, b) => (a.quote?.landedCostCents ?? 0) - (b.quote?.landedCostCents ?? 0))[0];
  if (!cheapest?.quote) return 0;
  out.push({ type: "shipLot", lot: lot.id, to: region, mode: cheapest.mode, insured: true });
  // The room is spoken for: the next lot looks elsewhere.
  room.set(region, (free ?? 0) - lot.kw);
  return cheapest.quote.payNowCents;
}

/** Installs a lot that landed, leasing the power it lacks first when the region has it free. */
function install(view: StrategyView, lot: Lot, out: Command[]): void {
  const command: Command = { type: "installLot", lot: lot.id, region: lot.placeId };
  const answer = view.preview(command);
  if (answer.ok) {
    out.push(command);
    return;
  }
  // The engine says why: with too little leased power here, lease what the lot needs (installed tomorrow).
  if (answer.error?.code !== "NO_LEASE_ROOM") return;
  const lease: Command = { type: "leaseCapacity", region: lot.placeId, kw: Math.ceil(lot.kw) };
  if (view.preview(lease).ok) out.push(lease);
}

/**
 * Lots waiting at a factory are shipped; lots that landed in a region are installed. Returns the cash
 * left once the shipping is paid, cents.
 */
function tend(view: StrategyView, cash: number, out: Command[]): number {
  const lots = view.company?.priv?.lots ?? [];
  const room = roomByRegion(view, lots);
  for (const lot of lots) {
    if (lot.status !== "stored") continue;
    if (lot.placeKind === "factory" && lot.canShip) cash -= ship(view, lot, room, cash, out);
    else if (lot.placeKind === "region" && lot.canInstall) install(view, lot, out);
  }
  return cash;
}

export function decide(view: StrategyView): Command[] {
  const out: Command[] = [];
  if (!view.company || view.company.bankrupt) return out;
  const cash = tend(view, view.company.priv?.cashCents ?? 0, out);
  if (view.tick % 7 === 0) buy(view, cash, out);
  return out;
}
