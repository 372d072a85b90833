/**
 * The game's measure of who wins, in words: its name, each company's figure by it, and my equity's
 * breakdown. The engine ranks (shared/engine/scoreMeasure.ts); this only formats what the view carries.
 */
import { t, type Lang } from "../i18n/index.ts";
import type { ScoreMeasure } from "../../../shared/engine/scoreMeasure.ts";
import type { GameView } from "../net/view.ts";
import { formatCents, formatEfficiency, formatNumber, formatSats } from "./format.ts";

type Row = GameView["companies"][number];

export function measureName(by: ScoreMeasure): string {
  return t(`score.by.${by}`);
}

/** A company's figure under the game's measure, as the leaderboard shows it. */
export function measureText(by: ScoreMeasure, value: number, lang: Lang): string {
  switch (by) {
    case "equity":
      return formatCents(value, lang, true);
    case "btcMined":
      return formatSats(value, lang);
    case "efficiency":
      return value > 0 ? formatEfficiency(value, lang) : t("score.none");
    case "carbon":
      return value > 0 ? t("score.carbonValue", { t: formatNumber(value / 1000, lang, 2) }) : t("score.none");
    case "mix":
      return t("score.mixValue", { n: formatNumber(value, lang, 1) });
  }
}

/** "Equity $X = cash + bitcoin + machines at the bid − owed", for a company whose private part I see. */
export function breakdownText(row: Row, lang: Lang): string | null {
  const s = row.priv?.score;
  if (!s) return null;
  // Own sites are named only when the company has one: most never build.
  return t(s.sitesCents > 0 ? "score.breakdownSites" : "score.breakdown", {
    equity: formatCents(row.equityCents, lang, true),
    cash: formatCents(s.cashCents, lang, true),
    btc: formatCents(s.btcCents, lang, true),
    machines: formatCents(s.machinesCents, lang, true),
    sites: formatCents(s.sitesCents, lang, true),
    owed: formatCents(s.owedCents, lang, true),
  });
}
