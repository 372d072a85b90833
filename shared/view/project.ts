/**
 * viewOf: the one projector from the engine's state to what players see. It returns object literals
 * of the declared view types (types.ts), so a field added to a view and forgotten here is a compile
 * error. Every figure is the engine's own, in the engine's units; derived figures come from engine
 * functions with the engine's constants.
 */
import { machineLeasesOf } from "./machineLeases.ts";
import type { EngineCaches } from "../engine/caches.ts";
import { retargetEstimatePct } from "../engine/chain.ts";
import { networkPowerCostPerThDay } from "../engine/networkPowerCost.ts";
import { scoreParts, type ScoreParts } from "../engine/score.ts";
import { measureInputs, measureValues, ranksBy, type ScoreMeasure } from "../engine/scoreMeasure.ts";
import { lotDay } from "../engine/economics.ts";
import { lotKw, lotModel } from "../engine/fleet.ts";
import { installableIn, lotCannotPower, lotCannotShip } from "../engine/lotActions.ts";
import { powerPriceToday, restOfWorldRunningThs } from "../engine/regions.ts";
import type { Company, GameState, Lot, LotLocation } from "../engine/state.ts";
import type { Shipment } from "../engine/tradeState.ts";
import { difficultyFromBits, nextHalvingHeight, nextRetargetHeight } from "../bitcoin/index.ts";
import type { NewsBoard } from "./news.ts";
import { financeOf, loansViewOf } from "./finance.ts";
import { pledgeOf } from "../engine/loansDebt.ts";
import type {
  CompanyPrivateView,
  CompanyView,
  LotView,
  OfferView,
  RegionView,
  ShipmentView,
  WorldView,
} from "./types.ts";
import { preordersOf } from "./factoryView.ts";
import { hostingDealsOf } from "./hostingView.ts";
import { freeForNewLease } from "../engine/hosting.ts";

/** Who sits in each seat, as the view shows them (the room knows; the engine does not). */
export interface SeatLabel {
  name: string;
  kind: "human" | "bot" | "open";
  connected: boolean;
}

export interface ViewInput {
  /** In the order of `state.companies`. */
  seats: readonly SeatLabel[];
  /** Shared screens show "Company 1…" instead of names. */
  hideNames: boolean;
  /** Each company's TH/s today, from the last day's report (worked out while stepping, not kept). */
  hashing: ReadonlyMap<string, number>;
  news: NewsBoard;
  /** What wins (the room's create option); equity when omitted. */
  scoreBy?: ScoreMeasure;
}

/** The view of `state`; `caches` are the game's speed caches (shared/engine/caches.ts). */
export function viewOf(state: GameState, input: ViewInput, caches: EngineCaches): WorldView {
  const chain = state.chain;
  return {
    day: state.day,
    tick: state.tick,
    days: state.scenario.days,
    height: chain.height,
    difficulty: difficultyFromBits(chain.bits),
    nextRetargetHeight: nextRetargetHeight(chain.height),
    retargetEstimatePct: retargetEstimatePct(chain),
    nextHalvingHeight: nextHalvingHeight(chain.height),
    priceCents: state.market.priceCents,
    hashpriceMicroUsd: state.market.hashpriceMicroUsd,
    networkPowerCostMicroUsdPerThDay: networkPowerCostPerThDay(state, caches),
    machinePriceHashpriceMicroUsd: state.market.hashpriceMemoryMicroUsd,
    networkThs: state.networkThs,
    playerThs: state.playerThs,
    regions: regionsOf(state, input.news, caches),
    companies: companiesOf(state, input, caches),
    shipments: state.shipments.map((s) => shipmentOf(state, s)),
    news: input.news.ticker,
    scoreBy: input.scoreBy ?? "equity",
    classWorld: (state.classWorld ?? null) !== null,
  };
}

function regionsOf(state: GameState, news: NewsBoard, caches: EngineCaches): RegionView[] {
  return state.world.regions.map((region, i) => {
    const offline = region.offlineUntil > state.day;
    const ths = offline ? 0 : restOfWorldRunningThs(region);
    return {
      id: region.id,
      country: state.scenario.regions[i]?.country ?? "",
      policy: region.policy,
      banPending: region.banPendingDay !== null,
      offline,
      powerMicroUsdPerKwh: powerPriceToday(state, i, caches),
      // What a new lease may take: queued requests and, in a crunch, the world's waiting machines have the rest.
      freeKw: freeForNewLease(state, i),
      restOfWorldThs: ths,
      shareBps: shareBps(ths, state.networkThs),
      history: news.regions[region.id] ?? [],
    };
  });
}

function companiesOf(state: GameState, input: ViewInput, caches: EngineCaches): CompanyView[] {
  // One pass over the lots values every company (the engine's score), not one pass per company.
  const parts = scoreParts(state, caches);
  const inputs = measureInputs(state, parts, caches);
  const by = input.scoreBy ?? "equity";
  const values = measureValues(inputs, by);
  const ranks = ranksBy(inputs, by);
  const shipments = new Map(state.shipments.map((s) => [s.id, s]));
  return state.companies.map((company, i) => {
    const seat = input.seats[i];
    const held = seat?.kind === "human";
    return {
      seat: company.id,
      name: input.hideNames ? `Company ${i + 1}` : (seat?.name ?? company.name),
      bot: !held,
      connected: seat?.connected ?? false,
      away: held && !seat.connected,
      equityCents: (parts[i] as ScoreParts).equityCents,
      minedSats: company.minedSats,
      ths: input.hashing.get(company.id) ?? 0,
      shareBps: shareBps(input.hashing.get(company.id) ?? 0, state.networkThs),
      carbonKg: company.carbonKgTotal,
      bankrupt: company.bankrupt,
      scoreValue: values[i] as number,
      rank: ranks[i] as number,
      priv: privateOf(state, company, parts[i] as ScoreParts, shipments, caches),
    };
  });
}

/** A part of a whole, basis points (0 when there is no whole). */
function shareBps(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 10_000) : 0;
}

function privateOf(
  state: GameState,
  company: Company,
  score: ScoreParts,
  shipments: Map<string, Shipment>,
  caches: EngineCaches,
): CompanyPrivateView {
  return {
    cashCents: company.cashCents,
    btcSats: company.btcSats,
    sellRatioBps: company.sellRatioBps,
    payout: company.payout,
    lots: state.lots.filter((l) => l.owner === company.id).map((l) => lotOf(state, l, shipments, caches)),
    leases: company.leases.map((l) => ({ region: l.region, kw: l.kw, renewable: l.renewable })),
    offers: offersOf(state, company.id),
    score: {
      cashCents: score.cashCents,
      btcCents: score.btcCents,
      machinesCents: score.machinesCents,
      sitesCents: score.sitesCents,
      owedCents: score.owedCents,
    },
    preorders: preordersOf(state, company.id),
    finance: financeOf(state, company, caches),
    loans: loansViewOf(state, company, caches),
    machineLeases: machineLeasesOf(state, company.id, caches),
    hosting: hostingDealsOf(state, company.id),
  };
}

function lotOf(state: GameState, lot: Lot, shipments: Map<string, Shipment>, caches: EngineCaches): LotView {
  const model = lotModel(state, lot, caches);
  return {
    id: lot.id,
    model: lot.model,
    name: model.name,
    quantity: lot.quantity,
    status: lot.status,
    ...placeOf(lot.location),
    powered: lot.powered,
    origin: lot.origin,
    kw: lotKw(model, lot.quantity),
    pnlCentsPerDay: lotDay(state, lot, caches).netCents,
    untilDay: untilOf(lot, shipments),
    canShip: lotCannotShip(state, lot, caches) === null,
    canInstall: installableIn(lot) !== null,
    canPower: lotCannotPower(lot) === null,
    pledgedTo: pledgeOf(state, lot.id)?.id ?? "",
    given: lot.given === true,
  };
}

function placeOf(location: LotLocation): Pick<LotView, "placeKind" | "placeId"> {
  switch (location.kind) {
    case "factory":
      return { placeKind: "factory", placeId: location.hub };
    case "region":
      return { placeKind: "region", placeId: location.region };
    case "shipment":
      return { placeKind: "shipment", placeId: location.shipment };
  }
}

/** When a lot's wait ends: the factory's hand-over, or customs' decision for a lot at sea or at a port. */
function untilOf(lot: Lot, shipments: Map<string, Shipment>): number {
  if (lot.status === "onOrder") return lot.readyDay;
  if (lot.location.kind !== "shipment") return 0;
  return shipments.get(lot.location.shipment)?.customsDay ?? 0;
}

function offersOf(state: GameState, companyId: string): OfferView[] {
  return state.offers
    .filter((o) => o.status === "open" && (o.from === companyId || o.to === companyId))
    .map((o) => ({
      id: o.id,
      from: o.from,
      to: o.to,
      lot: o.lot,
      model: state.lots.find((l) => l.id === o.lot)?.model ?? "",
      quantity: o.quantity,
      priceCents: o.priceCents,
      expiresDay: o.expiresDay,
    }));
}

function shipmentOf(state: GameState, s: Shipment): ShipmentView {
  const span = Math.max(1, s.arriveDay - s.departDay);
  return {
    id: s.id,
    owner: s.owner,
    mode: s.mode,
    status: s.status,
    fromId: s.from.kind === "hub" ? s.from.hub : s.from.region,
    toId: s.to,
    progress: Math.min(1, Math.max(0, (state.day - s.departDay) / span)),
    path: s.path.flat(),
  };
}
