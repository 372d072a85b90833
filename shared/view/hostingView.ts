/**
 * The hosting layer in a company's private view (issue #13 §3): its queued lease requests, its own
 * sites, and the hosting offers and contracts it is party to, one flat kind of item (Colyseus syncs a
 * seat's private items one level deep).
 */
import type { EpochDay } from "../math/calendar.ts";
import type { Cents } from "../math/money.ts";
import type { GameState } from "../engine/state.ts";

export type HostingDealKind = "queue" | "site" | "offer" | "contract";

export interface HostingDealView {
  id: string;
  kind: HostingDealKind;
  region: string;
  kw: number;
  /** Offer and contract: host and guest; queue and site: the company itself in both. */
  from: string;
  to: string;
  /** Contract and offer: the price; queue: the bid (0: today's price). Site: 0. */
  centsPerKwMonth: Cents;
  months: number;
  /** Offer: last day to accept; contract: end of term; site: ready day; queue: the day it joined. */
  day: EpochDay;
  /** Site: finished. Others: false. */
  built: boolean;
}

const NO_TERM = { months: 0, built: false };

export function hostingDealsOf(state: GameState, companyId: string): HostingDealView[] {
  const h = state.hosting;
  const me = { from: companyId, to: companyId };
  return [
    ...h.queue
      .filter((r) => r.company === companyId)
      .map((r) => ({
        id: r.id,
        kind: "queue" as const,
        region: r.region,
        kw: r.kw,
        ...me,
        centsPerKwMonth: r.bidCentsPerKwMonth,
        ...NO_TERM,
        day: r.day,
      })),
    ...h.sites
      .filter((s) => s.owner === companyId)
      .map((s) => ({
        id: s.id,
        kind: "site" as const,
        region: s.region,
        kw: s.kw,
        ...me,
        centsPerKwMonth: 0,
        months: 0,
        day: s.readyDay,
        built: s.built,
      })),
    ...h.offers
      .filter((o) => o.status === "open" && (o.from === companyId || o.to === companyId))
      .map((o) => ({
        id: o.id,
        kind: "offer" as const,
        region: o.region,
        kw: o.kw,
        from: o.from,
        to: o.to,
        centsPerKwMonth: o.centsPerKwMonth,
        months: o.months,
        day: o.expiresDay,
        built: false,
      })),
    ...h.contracts
      .filter((c) => c.host === companyId || c.guest === companyId)
      .map((c) => ({
        id: c.id,
        kind: "contract" as const,
        region: c.region,
        kw: c.kw,
        from: c.host,
        to: c.guest,
        centsPerKwMonth: c.centsPerKwMonth,
        months: Math.round((c.endDay - c.startDay) / 30),
        day: c.endDay,
        built: false,
      })),
  ];
}
