/**
 * The hosting layer's part of the game state (issue #13 §3): lease requests waiting for room, own sites
 * being built or running, hosting offers between companies and the contracts they became. Plain data,
 * like the rest of the state (hashed, snapshotted, replayed).
 */
import type { EpochDay } from "../math/calendar.ts";
import type { Cents } from "../math/money.ts";

/** A lease request that found the region full: served in order of bid, then of arrival, as room frees. */
export interface LeaseRequest {
  id: string;
  company: string;
  region: string;
  kw: number;
  renewable: boolean;
  /** Most the company will pay, cents per kW-month (0: today's price); a higher bid is served first. */
  bidCentsPerKwMonth: Cents;
  day: EpochDay;
}

/** A company's own site: capacity it pays to build, then owns (no hosting fee, upkeep instead). */
export interface Site {
  id: string;
  owner: string;
  region: string;
  kw: number;
  startDay: EpochDay;
  /** First day it can be powered (later if a moratorium holds the connection). */
  readyDay: EpochDay;
  built: boolean;
}

export type HostingOfferStatus = "open" | "accepted" | "declined" | "expired" | "cancelled";

/** A site owner's offer of spare own kW to another company, for a term at a price per kW-month. */
export interface HostingOffer {
  id: string;
  from: string;
  to: string;
  region: string;
  kw: number;
  centsPerKwMonth: Cents;
  months: number;
  madeDay: EpochDay;
  /** Last day it can be accepted. */
  expiresDay: EpochDay;
  status: HostingOfferStatus;
}

/** An accepted hosting offer: the guest uses the host's kW and pays the host each day until endDay. */
export interface HostingContract {
  id: string;
  host: string;
  guest: string;
  region: string;
  kw: number;
  centsPerKwMonth: Cents;
  startDay: EpochDay;
  /** The day the space goes back to the host (the term is over). */
  endDay: EpochDay;
}

export interface HostingState {
  /** Last day the rest of the world's machines found no room anywhere (−1: never): a crunch. */
  crunchDay: EpochDay;
  queue: LeaseRequest[];
  sites: Site[];
  offers: HostingOffer[];
  contracts: HostingContract[];
  /**
   * kW of the world's machines waiting for racks: what it failed to place, fading over
   * CRUNCH_MEMORY_DAYS (hosting.ts worldClaimKw). They claim the players' reserve without running.
   */
  backlogKw: number;
}

export function emptyHosting(): HostingState {
  return { crunchDay: -1, queue: [], sites: [], offers: [], contracts: [], backlogKw: 0 };
}
