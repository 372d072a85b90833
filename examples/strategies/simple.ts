/**
 * A worked example strategy (docs/strategies.md walks through it): once a week it buys the most
 * efficient machine on sale with part of its cash, leases power for it in the cheapest open region, ships
 * it there by the cheapest shipping mode the engine accepts, installs it and switches it on. Every day it
 * looks after lots that arrived. It sees only what a player sees (view.world, view.company) and asks the
 * engine before acting (view.preview, view.shop), so it sends few commands that fail.
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

/** The region with the cheapest power today among those where mining is allowed and power is free. */
function cheapestRegion(view: StrategyView, kw: number): Region | undefined {
  const open = view.world.regions.filter((r) => r.policy === "allowed" && !r.banPending && r.freeKw >= kw);
  return [...open].sort((a, b) => a.powerMicroUsdPerKwh - b.powerMicroUsdPerKwh)[0];
}

/** The weekly purchase: machines, and the power to run them. */
function buy(view: StrategyView, out: Command[]): void {
  const cash = view.company?.priv?.cashCents ?? 0;
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

/** Ships a lot to the open region with the most of its leased power free, by the cheapest mode. */
function ship(view: StrategyView, lot: string, out: Command[]): void {
  const leases = view.company?.priv?.leases ?? [];
  const region = leases[0]?.region;
  if (!region) return;
  const answer = view.preview({ type: "shipLot", lot, to: region, mode: "sea", insured: true });
  const quote = answer.quote;
  if (quote?.kind !== "ship") return;
  const modes = quote.modes.filter((m) => m.ok && m.quote);
  const cheapest = modes.sort((a, b) => (a.quote?.landedCostCents ?? 0) - (b.quote?.landedCostCents ?? 0))[0];
  if (cheapest) out.push({ type: "shipLot", lot, to: region, mode: cheapest.mode, insured: true });
}

/** Lots waiting at a factory are shipped; lots in a region are installed, then switched on. */
function tend(view: StrategyView, out: Command[]): void {
  for (const lot of view.company?.priv?.lots ?? []) {
    if (lot.status === "stored" && lot.placeKind === "factory" && lot.canShip) ship(view, lot.id, out);
    else if (lot.status === "stored" && lot.placeKind === "region") {
      const install: Command = { type: "installLot", lot: lot.id, region: lot.placeId };
      if (view.preview(install).ok) out.push(install, { type: "powerLot", lot: lot.id, on: true });
    }
  }
}

export function decide(view: StrategyView): Command[] {
  const out: Command[] = [];
  if (!view.company || view.company.bankrupt) return out;
  tend(view, out);
  if (view.tick % 7 === 0) buy(view, out);
  return out;
}
