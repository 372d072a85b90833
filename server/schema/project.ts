/**
 * Writes the engine's state into the synced schema after each step, touching only what changed so
 * that patches stay small (schema setters send nothing for an unchanged value).
 */
import { ArraySchema } from "@colyseus/schema";
import { difficultyFromBits, type EngineCaches } from "../../shared/index.ts";
import { retargetEstimatePct } from "../../shared/engine/chain.ts";
import { equities } from "../../shared/engine/companies.ts";
import { nextHalvingHeight, nextRetargetHeight } from "../../shared/protocol/bitcoin/index.ts";
import { formatIsoDate } from "../../shared/math/calendar.ts";
import { lotDay } from "../../shared/engine/economics.ts";
import { lotKw, lotModel } from "../../shared/engine/fleet.ts";
import { freeKw, powerPriceToday, rowRunningThs } from "../../shared/engine/regions.ts";
import type { GameState, Lot } from "../../shared/engine/state.ts";
import type { Notice, Shipment } from "../../shared/engine/tradeState.ts";
import type { SeatInfo } from "../game/seats.ts";
import type { GameRoomState } from "./state.ts";
import { CompanyView, LeaseView, LotView, NewsView, OfferView, RegionView, ShipmentView } from "./state.ts";

const NEWS_KEPT = 30;
const REGION_HISTORY_KEPT = 6;

/**
 * Writes the synced view of the game. `caches` are the game's engine caches (the session's); `hashing`
 * is each company's TH/s today, from the last day's report (the engine works it out while stepping; it
 * is not kept in the state).
 */
export function projectGame(
  view: GameRoomState,
  state: GameState,
  seats: SeatInfo[],
  caches: EngineCaches,
  hashing: ReadonlyMap<string, number> = new Map(),
): void {
  view.date = formatIsoDate(state.day);
  view.tick = state.tick;
  view.days = state.scenario.days;
  view.height = state.chain.height;
  view.difficulty = difficultyFromBits(state.chain.bits);
  view.nextRetargetHeight = nextRetargetHeight(state.chain.height);
  view.nextHalvingHeight = nextHalvingHeight(state.chain.height);
  view.retargetEstimatePct = retargetEstimatePct(state.chain);
  view.priceUsd = state.market.priceCents / 100;
  view.hashpriceUsd = state.market.hashpriceMicroUsd / 1e6;
  view.networkEhs = state.networkThs / 1e6;
  view.playerEhs = state.playerThs / 1e6;
  projectRegions(view, state, caches);
  projectCompanies(view, state, seats, hashing, caches);
  projectShipments(view, state);
}

function projectRegions(view: GameRoomState, state: GameState, caches: EngineCaches): void {
  const total = state.networkThs || 1;
  state.world.regions.forEach((region, i) => {
    let r = view.regions.get(region.id);
    if (!r) {
      r = new RegionView();
      r.id = region.id;
      r.country = state.scenario.regions[i]?.country ?? "";
      view.regions.set(region.id, r);
    }
    const ths = region.offlineUntil > state.day ? 0 : rowRunningThs(region);
    r.policy = region.policy;
    r.banPending = region.banPendingDay !== null;
    r.offline = region.offlineUntil > state.day;
    r.powerUsdPerKwh = powerPriceToday(state, i, caches) / 1e6;
    r.freeMw = Math.floor(freeKw(region)) / 1000;
    r.rowEhs = ths / 1e6;
    r.sharePct = (ths / total) * 100;
  });
}

function projectCompanies(
  view: GameRoomState,
  state: GameState,
  seats: SeatInfo[],
  hashing: ReadonlyMap<string, number>,
  caches: EngineCaches,
): void {
  // One pass over the lots values every company (the engine's equities), not one pass per company.
  const equity = equities(state, caches);
  const shipments = new Map(state.shipments.map((s) => [s.id, s]));
  const ranked = state.companies
    .map((c, i) => ({ id: c.id, equity: equity[i] as number }))
    .sort((a, b) => b.equity - a.equity);
  state.companies.forEach((company, i) => {
    const seat = seats[i];
    let c = view.companies.get(company.id);
    if (!c) {
      c = new CompanyView();
      c.seat = company.id;
      view.companies.set(company.id, c);
    }
    c.name = view.hideNames ? `Company ${i + 1}` : (seat?.name ?? company.name);
    c.bot = seat?.kind !== "human" || !seat.connected;
    c.connected = seat?.connected ?? false;
    c.away = seat?.kind === "human" && !seat.connected;
    c.equityUsd = (ranked.find((r) => r.id === company.id)?.equity ?? 0) / 100;
    c.rank = ranked.findIndex((r) => r.id === company.id) + 1;
    c.minedBtc = company.minedSats / 1e8;
    c.ths = hashing.get(company.id) ?? 0;
    c.carbonT = company.carbonKgTotal / 1000;
    c.bankrupt = company.bankrupt;
    const p = c.priv;
    p.cashUsd = company.cashCents / 100;
    p.btc = company.btcSats / 1e8;
    p.sellRatioBps = company.sellRatioBps;
    p.payout = company.payout;
    syncLots(c, state, company.id, shipments, caches);
    syncLeases(c, company.leases);
    syncOffers(c, state, company.id);
  });
}

function syncLots(
  c: CompanyView,
  state: GameState,
  owner: string,
  shipments: Map<string, Shipment>,
  caches: EngineCaches,
): void {
  const lots = c.priv.lots;
  const live = new Set<string>();
  for (const lot of state.lots) {
    if (lot.owner !== owner) continue;
    live.add(lot.id);
    let l = lots.get(lot.id);
    if (!l) {
      l = new LotView();
      l.id = lot.id;
      l.model = lot.model;
      l.origin = lot.origin;
      l.name = lotModel(state, lot, caches).name;
      lots.set(lot.id, l);
    }
    l.quantity = lot.quantity;
    l.kw = lotKw(lotModel(state, lot, caches), lot.quantity);
    l.pnlUsdDay = lotDay(state, lot, caches).netCents / 100;
    l.until = untilOf(lot, shipments);
    l.status = lot.status;
    l.powered = lot.powered;
    const loc = lot.location;
    l.location =
      loc.kind === "factory"
        ? `factory:${loc.hub}`
        : loc.kind === "region"
          ? `region:${loc.region}`
          : `shipment:${loc.shipment}`;
  }
  for (const id of [...lots.keys()]) if (!live.has(id)) lots.delete(id);
}

/** When a lot's wait ends: the factory's hand-over, or customs' decision for a lot at sea or at a port. */
function untilOf(lot: Lot, shipments: Map<string, Shipment>): string {
  if (lot.status === "onOrder") return formatIsoDate(lot.readyDay);
  if (lot.location.kind !== "shipment") return "";
  const s = shipments.get(lot.location.shipment);
  return s ? formatIsoDate(s.customsDay) : "";
}

/** Open offers this company made or received (closed ones leave: the notices told the story). */
function syncOffers(c: CompanyView, state: GameState, id: string): void {
  const offers = c.priv.offers;
  const live = new Set<string>();
  for (const o of state.offers) {
    if (o.status !== "open" || (o.from !== id && o.to !== id)) continue;
    live.add(o.id);
    if (offers.has(o.id)) continue; // an offer's terms never change while it is open
    const v = new OfferView();
    v.id = o.id;
    v.from = o.from;
    v.to = o.to;
    v.lot = o.lot;
    v.model = state.lots.find((l) => l.id === o.lot)?.model ?? "";
    v.quantity = o.quantity;
    v.priceUsd = o.priceCents / 100;
    v.expires = formatIsoDate(o.expiresDay);
    offers.set(o.id, v);
  }
  for (const key of [...offers.keys()]) if (!live.has(key)) offers.delete(key);
}

function syncLeases(c: CompanyView, leases: GameState["companies"][number]["leases"]): void {
  const arr = c.priv.leases;
  const same =
    arr.length === leases.length &&
    leases.every((l, i) => arr[i]?.region === l.region && arr[i]?.kw === l.kw);
  if (same) return;
  arr.clear();
  for (const l of leases) {
    const v = new LeaseView();
    v.region = l.region;
    v.kw = l.kw;
    v.renewable = l.renewable;
    arr.push(v);
  }
}

function projectShipments(view: GameRoomState, state: GameState): void {
  const live = new Set<string>();
  for (const s of state.shipments) {
    live.add(s.id);
    let v = view.shipments.get(s.id);
    if (!v) {
      v = new ShipmentView();
      v.id = s.id;
      v.owner = s.owner;
      v.mode = s.mode;
      v.path = new ArraySchema<number>(...s.path.flat());
      view.shipments.set(s.id, v);
    }
    v.status = s.status;
    const span = Math.max(1, s.arriveDay - s.departDay);
    v.progress = Math.min(1, Math.max(0, (state.day - s.departDay) / span));
  }
  for (const id of [...view.shipments.keys()]) if (!live.has(id)) view.shipments.delete(id);
}

/** Public notices become the news ticker (newest last, the last 30 kept). */
export function pushNews(view: GameRoomState, notices: readonly Notice[]): void {
  for (const n of notices) {
    if (n.company !== null) continue;
    view.news.push(newsItem(n));
    // Each region keeps its own short history, naming it or its country, longer than the ticker's.
    for (const region of view.regions.values()) {
      if (!n.targets.some((t) => t === region.id || t === region.country)) continue;
      region.history.push(newsItem(n));
      while (region.history.length > REGION_HISTORY_KEPT) region.history.shift();
    }
  }
  while (view.news.length > NEWS_KEPT) view.news.shift();
}

function newsItem(n: Notice): NewsView {
  const item = new NewsView();
  item.day = n.day;
  item.kind = n.kind;
  item.en = n.text.en;
  item.zh = n.text.zh;
  for (const t of n.targets) item.targets.push(t);
  return item;
}
