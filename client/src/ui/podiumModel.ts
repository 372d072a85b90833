/**
 * The podium's standings, without the DOM: companies by the game's final ranks (its measure: equity
 * unless the host chose another; by final equity when the payload has no ranks), the top three, the
 * reader's rank.
 */
import type { DebriefPayload } from "../../../shared/protocol/debrief.ts";

export interface Placed {
  rank: number;
  id: string;
  name: string;
  bot: boolean;
  equityUsd: number;
}

export function standings(p: Pick<DebriefPayload, "companies" | "final">): Placed[] {
  const ranked = p.final.rank.length === p.companies.length;
  return p.companies
    .map((c, i) => ({
      id: c.id,
      name: c.name,
      bot: c.bot,
      equityUsd: p.final.equityUsd[i] ?? 0,
      by: ranked ? -(p.final.rank[i] ?? 0) : (p.final.equityUsd[i] ?? 0),
    }))
    .sort((a, b) => b.by - a.by)
    .map(({ by: _by, ...c }, i) => ({ ...c, rank: i + 1 }));
}

/** The top three, and the reader's own place when they played (null for the host or a spectator). */
export function podium(p: Pick<DebriefPayload, "companies" | "final" | "seat">): {
  top: Placed[];
  mine: Placed | null;
} {
  const all = standings(p);
  return { top: all.slice(0, 3), mine: all.find((c) => c.id === p.seat) ?? null };
}
