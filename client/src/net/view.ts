/**
 * The synced state as the client reads it: plain objects mirroring server/schema/state.ts (the client
 * never imports server code). toView turns the decoded schema's toJSON() into these, filling defaults,
 * so that scenes and panels work on plain, typed data and never on the room's live objects.
 */
export type Policy = "allowed" | "licensed" | "banned";

export interface RegionState {
  id: string;
  /** Fields added for the gameplay panels are optional (toView always fills them), so views built by hand stay valid. */
  country?: string;
  policy: Policy;
  banPending: boolean;
  offline: boolean;
  powerUsdPerKwh: number;
  freeMw: number;
  rowEhs: number;
  sharePct: number;
  /** The last few news items naming the region or its country, oldest first. */
  history?: NewsItem[];
}

export interface LotState {
  id: string;
  model: string;
  quantity: number;
  status: string;
  location: string;
  powered: boolean;
  origin: string;
  /** The model's name (model is its id). The next four are optional like RegionState.country. */
  name?: string;
  kw?: number;
  /** Expected profit today at today's prices, USD (the server's engine estimate). */
  pnlUsdDay?: number;
  /** On order: ISO day it leaves the factory; in transit: the day customs decides; else "". */
  until?: string;
}

export interface OfferState {
  id: string;
  from: string;
  to: string;
  lot: string;
  model: string;
  quantity: number;
  priceUsd: number;
  expires: string;
}

export interface LeaseState {
  region: string;
  kw: number;
  renewable: boolean;
}

/** Only our own seat's company (or every company, for the host) carries this part. */
export interface CompanyPrivateState {
  cashUsd: number;
  btc: number;
  sellRatioBps: number;
  payout: string;
  lots: LotState[];
  leases: LeaseState[];
  /** Open offers made or received. */
  offers?: OfferState[];
}

export interface CompanyState {
  seat: string;
  name: string;
  bot: boolean;
  connected: boolean;
  /** A person holds the seat but is away; a bot stands in meanwhile. */
  away?: boolean;
  equityUsd: number;
  minedBtc: number;
  ths: number;
  carbonT: number;
  bankrupt: boolean;
  rank: number;
  priv: CompanyPrivateState | null;
}

export interface ShipmentState {
  id: string;
  owner: string;
  mode: string;
  status: string;
  progress: number;
  /** Waypoints as [lon, lat, lon, lat, ...]. */
  path: number[];
}

export interface NewsItem {
  day: number;
  kind: string;
  en: string;
  zh: string;
  targets: string[];
}

export interface GameView {
  phase: string;
  scenario: string;
  code: string;
  privateRoom: boolean;
  pace: number;
  hideNames: boolean;
  date: string;
  tick: number;
  days: number;
  height: number;
  difficulty: number;
  nextRetargetHeight: number;
  retargetEstimatePct: number;
  nextHalvingHeight: number;
  priceUsd: number;
  hashpriceUsd: number;
  networkEhs: number;
  playerEhs: number;
  regions: RegionState[];
  companies: CompanyState[];
  shipments: ShipmentState[];
  news: NewsItem[];
}

type Raw = Record<string, unknown>;

const obj = (v: unknown): Raw => (v && typeof v === "object" ? (v as Raw) : {});
const num = (v: unknown, d = 0): number => (typeof v === "number" && Number.isFinite(v) ? v : d);
const str = (v: unknown, d = ""): string => (typeof v === "string" ? v : d);
const bool = (v: unknown): boolean => v === true;
/** A MapSchema's toJSON is an object keyed by id; an ArraySchema's is an array. */
const values = (v: unknown): Raw[] =>
  (Array.isArray(v) ? v : v && typeof v === "object" ? Object.values(v) : []).map(obj);
const policyOf = (v: unknown): Policy => (v === "licensed" || v === "banned" ? v : "allowed");

function privateOf(v: unknown): CompanyPrivateState | null {
  // Hidden behind @view(): absent (or empty) for other companies' seats.
  if (!v || typeof v !== "object" || !("cashUsd" in v)) return null;
  const p = obj(v);
  return {
    cashUsd: num(p.cashUsd),
    btc: num(p.btc),
    sellRatioBps: num(p.sellRatioBps),
    payout: str(p.payout, "pool"),
    lots: values(p.lots).map((l) => ({
      id: str(l.id),
      model: str(l.model),
      quantity: num(l.quantity),
      status: str(l.status),
      location: str(l.location),
      powered: bool(l.powered),
      origin: str(l.origin),
      name: str(l.name) || str(l.model),
      kw: num(l.kw),
      pnlUsdDay: num(l.pnlUsdDay),
      until: str(l.until),
    })),
    leases: values(p.leases).map((l) => ({
      region: str(l.region),
      kw: num(l.kw),
      renewable: bool(l.renewable),
    })),
    offers: values(p.offers).map((o) => ({
      id: str(o.id),
      from: str(o.from),
      to: str(o.to),
      lot: str(o.lot),
      model: str(o.model),
      quantity: num(o.quantity),
      priceUsd: num(o.priceUsd),
      expires: str(o.expires),
    })),
  };
}

function newsOf(n: Raw): NewsItem {
  return {
    day: num(n.day),
    kind: str(n.kind),
    en: str(n.en),
    zh: str(n.zh),
    targets: (Array.isArray(n.targets) ? n.targets : []).map((x) => String(x)),
  };
}

export function toView(raw: unknown): GameView {
  const s = obj(raw);
  return {
    phase: str(s.phase, "lobby"),
    scenario: str(s.scenario),
    code: str(s.code),
    privateRoom: bool(s.privateRoom),
    pace: num(s.pace, 1),
    hideNames: bool(s.hideNames),
    date: str(s.date),
    tick: num(s.tick),
    days: num(s.days),
    height: num(s.height),
    difficulty: num(s.difficulty),
    nextRetargetHeight: num(s.nextRetargetHeight),
    retargetEstimatePct: num(s.retargetEstimatePct),
    nextHalvingHeight: num(s.nextHalvingHeight),
    priceUsd: num(s.priceUsd),
    hashpriceUsd: num(s.hashpriceUsd),
    networkEhs: num(s.networkEhs),
    playerEhs: num(s.playerEhs),
    regions: values(s.regions).map((r) => ({
      id: str(r.id),
      country: str(r.country),
      policy: policyOf(r.policy),
      banPending: bool(r.banPending),
      offline: bool(r.offline),
      powerUsdPerKwh: num(r.powerUsdPerKwh),
      freeMw: num(r.freeMw),
      rowEhs: num(r.rowEhs),
      sharePct: num(r.sharePct),
      history: values(r.history).map(newsOf),
    })),
    companies: values(s.companies)
      .map((c) => ({
        seat: str(c.seat),
        name: str(c.name),
        bot: bool(c.bot),
        connected: bool(c.connected),
        away: bool(c.away),
        equityUsd: num(c.equityUsd),
        minedBtc: num(c.minedBtc),
        ths: num(c.ths),
        carbonT: num(c.carbonT),
        bankrupt: bool(c.bankrupt),
        rank: num(c.rank),
        priv: privateOf(c.priv),
      }))
      .sort((a, b) => (a.rank || 99) - (b.rank || 99) || a.seat.localeCompare(b.seat)),
    shipments: values(s.shipments).map((x) => ({
      id: str(x.id),
      owner: str(x.owner),
      mode: str(x.mode),
      status: str(x.status),
      progress: Math.min(1, Math.max(0, num(x.progress))),
      path: (Array.isArray(x.path) ? x.path : []).filter((n): n is number => typeof n === "number"),
    })),
    news: values(s.news).map(newsOf),
  };
}
