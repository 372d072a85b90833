/**
 * "Did you mean …": the known name nearest a misspelt one, by edit distance (fast-levenshtein), when it
 * is near enough to be a typo rather than a different word.
 */
import levenshtein from "fast-levenshtein";

/** The nearest of `known` to `word` within a third of its length (at least 2 edits), else one it begins; null if none. */
export function nearest(word: string, known: Iterable<string>): string | null {
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of known) {
    if (candidate === word) continue;
    const d = levenshtein.get(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== null && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (bestDistance <= limit) return best;
  // A shortened id ("cn-sichuan" for "cn-sichuan-hydro") is far in edits but plainly the same name.
  const lower = word.toLowerCase();
  return [...known].sort().find((c) => lower.length >= 3 && c.toLowerCase().startsWith(lower)) ?? null;
}

/** ` (did you mean "x"?)`, or "" when nothing is near. */
export function didYouMean(word: string, known: Iterable<string>): string {
  const hit = nearest(word, known);
  return hit === null ? "" : `; did you mean "${hit}"?`;
}
