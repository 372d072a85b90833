/**
 * Which regions an event hits, and which news items are new: the data behind the map's flashes. A
 * news item targets region ids or country codes (a country's ban hits each of its regions). Pure.
 */
import type { NewsView } from "../net/view.ts";

/** A news item's identity: the day and its English headline (news carries no id on the wire). */
export const newsKey = (n: NewsView): string => `${n.day}|${n.kind}|${n.en}`;

/** Region ids hit by these targets: a region id hits itself, a country code hits its regions. */
export function regionsHit(
  targets: readonly string[],
  regions: readonly { id: string; country: string }[],
): string[] {
  const wanted = new Set(targets);
  return regions.filter((r) => wanted.has(r.id) || wanted.has(r.country)).map((r) => r.id);
}

/**
 * News not seen before. The first call (joining mid-game, or a reload) only learns what is already
 * there: old news must not set the whole map flashing.
 */
export class NewsWatcher {
  private seen: Set<string> | null = null;

  fresh(news: readonly NewsView[]): NewsView[] {
    const first = this.seen === null;
    const seen = (this.seen ??= new Set());
    const out: NewsView[] = [];
    for (const n of news) {
      const key = newsKey(n);
      if (seen.has(key)) continue;
      seen.add(key);
      if (!first) out.push(n);
    }
    return out;
  }

  /** Forget everything (a new game). */
  reset(): void {
    this.seen = null;
  }
}
