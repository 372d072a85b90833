/**
 * The queue for a full region's hosting: requests wait in order of bid (a higher bid is served first),
 * then of arrival, and are served whole, in that order, as room frees or the region grows. The world's
 * machines leave the queued kW free (world.ts), so the region's growth goes to the queue first.
 */
import { formatIsoDate } from "../math/calendar.ts";
import { usd } from "../math/money.ts";
import type { RegionSpec } from "../scenario/types.ts";
import {
  crunchOn,
  expectedWaitDays,
  grantLease,
  hostingPriceCents,
  lockedPrice,
  queuedKw,
  roomForQueued,
  tellHosting,
  utilisationBps,
} from "./hosting.ts";
import { hostingFeeToday } from "./hostingFee.ts";
import type { LeaseRequest } from "./hostingState.ts";
import type { CommandOf } from "./commands/schema.ts";
import { refuse } from "../protocol/refusals/index.ts";
import type { Company, GameState, RegionState } from "./state.ts";

/** Puts a request in its place: after every request bidding as much or more (first come, first served). */
export function enqueue(state: GameState, request: LeaseRequest): void {
  const queue = state.hosting.queue;
  let at = queue.length;
  for (let k = 0; k < queue.length; k++) {
    if ((queue[k] as LeaseRequest).bidCentsPerKwMonth < request.bidCentsPerKwMonth) {
      at = k;
      break;
    }
  }
  queue.splice(at, 0, request);
}

/** The queue part of a lease's quote: the region's use and price, who waits, and the expected wait. */
export function queueQuote(state: GameState, index: number, kw: number, bid: number) {
  const spec = state.scenario.regions[index] as RegionSpec;
  const region = state.world.regions[index] as RegionState;
  const wait = expectedWaitDays(state, index, kw, bid);
  return {
    utilisationBps: utilisationBps(state, region),
    baseCentsPerKwMonth: hostingFeeToday(state, index),
    priceCentsPerKwMonth: hostingPriceCents(state, index),
    crunch: crunchOn(state),
    queuedKw: queuedKw(state, spec.id),
    queueLength: state.hosting.queue.filter((r) => r.region === spec.id).length,
    waitDays: wait,
    readyDate: wait === null ? null : formatIsoDate(state.day + wait),
  };
}

/** Why a waiting request leaves the queue unserved (bankrupt, banned, power differs), or null. */
function dropReason(company: Company | undefined, r: LeaseRequest, region: RegionState) {
  if (!company || company.bankrupt) return "bankrupt";
  if (region.policy === "banned") return "banned";
  const lease = company.leases.find((l) => l.region === r.region);
  if (lease && lease.renewable !== r.renewable) return "power";
  return null;
}

/** Serves the queue: whole requests, in order, region by region, while the region has room. */
export function serveQueue(state: GameState): void {
  const blocked = new Set<string>();
  const kept: LeaseRequest[] = [];
  for (const r of state.hosting.queue) {
    const index = state.scenario.regions.findIndex((s) => s.id === r.region);
    const region = state.world.regions[index] as RegionState;
    const spec = state.scenario.regions[index] as RegionSpec;
    const company = state.companies.find((c) => c.id === r.company);
    const drop = dropReason(company, r, region);
    if (drop) {
      if (company && drop !== "bankrupt") tellDropped(state, r, spec, drop);
      continue;
    }
    if (
      blocked.has(r.region) ||
      region.moratoriumUntil > state.day ||
      r.kw > Math.floor(roomForQueued(state, index, r.bidCentsPerKwMonth))
    ) {
      // Strict order: a request that does not fit holds back those behind it in the same region.
      blocked.add(r.region);
      kept.push(r);
      continue;
    }
    serve(state, company as Company, r, index, spec);
  }
  state.hosting.queue = kept;
}

function serve(state: GameState, company: Company, r: LeaseRequest, index: number, spec: RegionSpec): void {
  const price = lockedPrice(state, index, r.bidCentsPerKwMonth);
  if (r.kw * price > company.cashCents) {
    tellDropped(state, r, spec, "cash");
    return;
  }
  grantLease(state, company, index, r.kw, r.renewable, price);
  tellHosting(
    state,
    company.id,
    "leaseServed",
    spec.id,
    `Your queued lease of ${r.kw} kW in ${spec.name.en} is ready, at ${usd(price)} per kW-month.`,
    `你在${spec.name.zh}排队的 ${r.kw} 千瓦租约已就绪，价格为每千瓦每月 ${usd(price)}。`,
  );
}

const DROPPED = {
  banned: { en: "mining is banned there", zh: "该地已禁止挖矿" },
  power: { en: "your lease there now runs on other power", zh: "你在该地的租约已改用其他电力" },
  cash: { en: "you could not pay the first month", zh: "你无力支付首月费用" },
};

function tellDropped(state: GameState, r: LeaseRequest, spec: RegionSpec, why: keyof typeof DROPPED): void {
  tellHosting(
    state,
    r.company,
    "leaseDropped",
    spec.id,
    `Your queued lease of ${r.kw} kW in ${spec.name.en} leaves the queue: ${DROPPED[why].en}.`,
    `你在${spec.name.zh}排队的 ${r.kw} 千瓦租约已出列：${DROPPED[why].zh}。`,
  );
}

/** Leaving a region's queue: only a company that waits there. */
export function validateLeaveQueue(state: GameState, company: Company, cmd: CommandOf<"leaveQueue">) {
  const waits = state.hosting.queue.some((r) => r.company === company.id && r.region === cmd.region);
  return waits ? null : refuse("NOT_QUEUED", { region: cmd.region });
}

export function applyLeaveQueue(state: GameState, company: Company, cmd: CommandOf<"leaveQueue">): void {
  state.hosting.queue = state.hosting.queue.filter(
    (r) => r.company !== company.id || r.region !== cmd.region,
  );
}
