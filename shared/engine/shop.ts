/**
 * The machine shop's catalog for today: every model on sale (and those coming soon) with its
 * nameplate figures, the factory's price and lead time (quoteOrder: what an order is charged), the
 * breakeven power price at today's hashprice, and the used market's bid and ask. Plain data, read-only:
 * the client shows it, bots or tools may use it; nothing here changes the state.
 */
import { formatIsoDate } from "../math/calendar.ts";
import { factoryFor, openFactories, quoteOrder } from "./commands/orderMachines.ts";
import { USED_MARKET_DELAY_DAYS } from "./commands/usedMachines.ts";
import { breakevenPowerPrice } from "./economics.ts";
import { isReleased, madeNew, madeUntilDate, usedAskUnitCents, usedBidUnitCents } from "./market.ts";
import type { GameState } from "./state.ts";
import type { EngineCaches } from "./caches.ts";

/** Models released within this many days are listed as coming soon. */
const COMING_SOON_DAYS = 120;

export interface ShopFactory {
  hub: string;
  country: string;
  /** Days from an order today to the machines leaving the factory. */
  leadDays: number;
  /** Price multiplier on list price, basis points (chip shortages raise it). */
  priceMultiplierBps: number;
  /** Exports restricted until this date (ISO), or null. */
  exportBlockedUntil: string | null;
}

export interface ShopModel {
  id: string;
  name: string;
  manufacturer: string;
  ths: number;
  powerW: number;
  jPerTh: number;
  releaseDate: string;
  onSale: boolean;
  /** The default factory's quote for one unit (null when the model is not on sale). */
  factory: string | null;
  unitCents: number | null;
  leadDays: number | null;
  /** Power price below which it pays its power at today's hashprice, micro-USD per kWh. */
  breakevenMicroUsdPerKwh: number;
  /** Used market: what a seller receives and a buyer pays per unit, cents. */
  usedBidCents: number;
  usedAskCents: number;
  /** Day second-hand units of the model can first be bought (ISO). */
  usedFromDate: string;
  usedOpen: boolean;
  /** Last day the factories make it new (ISO; null: no end): after it, used only. */
  madeUntil: string | null;
}

export interface ShopCatalog {
  date: string;
  hashpriceMicroUsd: number;
  poolFeeBps: number;
  factories: ShopFactory[];
  /** Best efficiency first; models coming soon last. */
  models: ShopModel[];
}

export function shopCatalog(state: GameState, caches: EngineCaches): ShopCatalog {
  const day = state.day;
  const factories: ShopFactory[] = openFactories(state).map((hub) => {
    const f = state.factories.find((x) => x.hub === hub.id);
    return {
      hub: hub.id,
      country: hub.country,
      leadDays: state.scenario.factory.leadDays + (f?.leadExtraDays ?? 0),
      priceMultiplierBps: f?.priceMultiplierBps ?? 10_000,
      exportBlockedUntil: f && f.exportBlockedUntil > day ? formatIsoDate(f.exportBlockedUntil) : null,
    };
  });
  const models: ShopModel[] = [];
  for (const m of state.scenario.asics) {
    const onSale = madeNew(state, m, day);
    if (!isReleased(m, day) && m.releaseDay > day + COMING_SOON_DAYS) continue;
    const hub = onSale ? factoryFor(state, m) : undefined;
    const quote = hub ? quoteOrder(state, { type: "orderMachines", model: m.id, quantity: 1 }, caches) : null;
    const usedFrom = m.releaseDay + USED_MARKET_DELAY_DAYS;
    models.push({
      id: m.id,
      name: m.name,
      manufacturer: m.manufacturer,
      ths: m.hashrateGhs / 1000,
      powerW: m.powerW,
      jPerTh: m.efficiencyJPerTh,
      releaseDate: formatIsoDate(m.releaseDay),
      onSale,
      factory: quote?.factory ?? null,
      unitCents: quote?.unitCents ?? null,
      leadDays: quote ? quote.readyDay - day : null,
      breakevenMicroUsdPerKwh: breakevenPowerPrice(state, m.efficiencyJPerTh),
      usedBidCents: usedBidUnitCents(state, m),
      usedAskCents: usedAskUnitCents(state, m),
      usedFromDate: formatIsoDate(usedFrom),
      usedOpen: isReleased(m, day) && usedFrom <= day,
      madeUntil: madeUntilDate(state, m),
    });
  }
  models.sort(
    (a, b) => Number(b.onSale) - Number(a.onSale) || a.jPerTh - b.jPerTh || a.id.localeCompare(b.id),
  );
  return {
    date: formatIsoDate(day),
    hashpriceMicroUsd: state.market.hashpriceMicroUsd,
    poolFeeBps: state.scenario.poolFeeBps,
    factories,
    models,
  };
}
