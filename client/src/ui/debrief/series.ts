/**
 * Shapes a debrief into chart specifications: which lines each chart draws, with labels in the chosen
 * language and colours that stay with a company or a country across charts. Pure (no DOM, no uPlot), so
 * that it is unit-tested; charts.ts draws the specifications.
 */
import type { DebriefPayload } from "../../../../shared/protocol/debrief.ts";
import { RETARGET_LUCK_FLOOR_PP } from "../../../../shared/bitcoin/retargetLuck.ts";
import { pick, translate, type Lang, type MessageKey } from "../../i18n/index.ts";

export type ChartUnit = "usd" | "ehs" | "difficulty" | "hashprice" | "tonnes";

export interface ChartLine {
  label: string;
  values: (number | null)[];
  color: string;
  /** Real history is dashed beside the game's solid line. */
  dash: boolean;
}

export interface ChartSpec {
  id: "equity" | "countries" | "network" | "difficulty" | "hashprice" | "price" | "carbon";
  title: string;
  note: string | null;
  unit: ChartUnit;
  /** Seconds since 1970 (UTC midnight) of each day: uPlot's time axis. */
  x: number[];
  lines: ChartLine[];
}

export const PALETTE = [
  "#f5b700",
  "#4fc3f7",
  "#ef5350",
  "#66bb6a",
  "#ab47bc",
  "#ff8a65",
  "#26a69a",
  "#d4e157",
  "#8d6e63",
  "#90a4ae",
];
const HISTORY = "#cfd8dc";

/**
 * A company's colour, the same in every chart and on the timeline: the palette's ten for the first
 * ten, then hues spread by the golden angle (a class of 40 gets 40 colours, neighbours far apart).
 */
export function companyColor(index: number): string {
  if (index < PALETTE.length) return PALETTE[index] as string;
  const hue = Math.round((index * 137.508) % 360);
  return `hsl(${hue} ${index % 2 ? 55 : 75}% ${index % 3 ? 62 : 52}%)`;
}

/** Countries drawn in the country chart: the biggest by the game's mean hashrate. */
export const TOP_COUNTRIES = 4;

export function dayToSeconds(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 1000;
}

/** A company as this reader may name it: "Company n" in their language when the host hid names. */
export function companyLabel(p: DebriefPayload, index: number, lang: Lang): string {
  if (p.access === "player" && p.hideNames) return translate(lang, "debrief.company", { n: index + 1 });
  return p.companies[index]?.name ?? `#${index + 1}`;
}

export function countryLabel(p: DebriefPayload, id: string, lang: Lang): string {
  if (id === "PLAYERS") return translate(lang, "debrief.players");
  const name = p.countries.names[id];
  return name ? pick(name, lang) : id;
}

const mean = (xs: number[]): number => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);
const hasAny = (xs: (number | null)[]): boolean => xs.some((x) => x !== null);

/** The countries the chart shows, biggest first; the players' own line is always among them. */
export function topCountries(p: DebriefPayload, n = TOP_COUNTRIES): string[] {
  const ranked = p.countries.ids
    .map((id, i) => ({ id, m: mean(p.countries.ehs[i] ?? []) }))
    .filter((c) => c.id !== "PLAYERS")
    .sort((a, b) => b.m - a.m || (a.id < b.id ? -1 : 1))
    .slice(0, n)
    .map((c) => c.id);
  return p.countries.ids.includes("PLAYERS") ? [...ranked, "PLAYERS"] : ranked;
}

function classVsHistory(lang: Lang, game: (number | null)[], real: (number | null)[]): ChartLine[] {
  const lines: ChartLine[] = [
    { label: translate(lang, "debrief.class"), values: game, color: PALETTE[0] as string, dash: false },
  ];
  if (hasAny(real))
    lines.push({ label: translate(lang, "debrief.history"), values: real, color: HISTORY, dash: true });
  return lines;
}

/** One line per company (equity, carbon), each in its company's colour. */
function perCompany(p: DebriefPayload, lang: Lang, series: number[][]): ChartLine[] {
  return series.map((values, i) => ({
    label: companyLabel(p, i, lang),
    values,
    color: companyColor(i),
    dash: false,
  }));
}

/** The biggest countries' hashrate in the game, each with its real history dashed beside it. */
function countryLines(p: DebriefPayload, lang: Lang): ChartLine[] {
  return topCountries(p).flatMap((id, k): ChartLine[] => {
    const i = p.countries.ids.indexOf(id);
    const name = countryLabel(p, id, lang);
    const color = PALETTE[k % PALETTE.length] as string;
    const real = p.countries.realEhs[i] ?? [];
    const game: ChartLine = {
      label: translate(lang, "debrief.game", { name }),
      values: p.countries.ehs[i] ?? [],
      color,
      dash: false,
    };
    return hasAny(real)
      ? [game, { label: translate(lang, "debrief.real", { name }), values: real, color, dash: true }]
      : [game];
  });
}

export function chartSpecs(p: DebriefPayload, lang: Lang): ChartSpec[] {
  const x = p.dates.map(dayToSeconds);
  const chart = (
    id: ChartSpec["id"],
    title: MessageKey,
    unit: ChartUnit,
    lines: ChartLine[],
    note: MessageKey | null = null,
  ): ChartSpec => ({
    id,
    title: translate(lang, title),
    note: note && translate(lang, note),
    unit,
    x,
    lines,
  });
  // The payload holds hashprice per TH/s a day; it is quoted per PH/s a day, as the HUD does.
  const perPh = (xs: (number | null)[]) => xs.map((v) => (v === null ? null : v * 1000));
  const n = p.network;
  return [
    chart("equity", "debrief.chartEquity", "usd", perCompany(p, lang, p.equityUsd)),
    chart("countries", "debrief.chartCountries", "ehs", countryLines(p, lang), "debrief.chartCountriesNote"),
    chart("network", "debrief.chartNetwork", "ehs", classVsHistory(lang, n.ehs, n.realEhs)),
    chart(
      "difficulty",
      "debrief.chartDifficulty",
      "difficulty",
      classVsHistory(lang, n.difficulty, n.realDifficulty),
    ),
    chart(
      "hashprice",
      "debrief.chartHashprice",
      "hashprice",
      classVsHistory(lang, perPh(n.hashpriceUsdPerThDay), perPh(n.realHashpriceUsdPerThDay)),
      "debrief.chartHashpriceNote",
    ),
    chart("price", "debrief.chartPrice", "usd", classVsHistory(lang, n.priceUsd, n.realPriceUsd)),
    chart("carbon", "debrief.chartCarbon", "tonnes", perCompany(p, lang, p.carbonT)),
  ];
}

/** One or two sentences on how close the class came to history, or why there is nothing to compare. */
export function fitSummary(p: DebriefPayload, lang: Lang): string[] {
  const out: string[] = [];
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  if (p.fit.hashrateRmsLogError !== null)
    out.push(
      translate(lang, "debrief.fit", { rms: pct(p.fit.hashrateRmsLogError), days: p.fit.hashrateDays }),
    );
  if (p.fit.retargetMeanAbsErrorPp !== null) {
    out.push(translate(lang, "debrief.fitRetargets", { pp: p.fit.retargetMeanAbsErrorPp.toFixed(1) }));
    // What luck alone leaves, so that a class reads its own figure against it (retargetLuck.ts).
    out.push(translate(lang, "debrief.fitLuck", { pp: RETARGET_LUCK_FLOOR_PP.toFixed(1) }));
  }
  if (out.length === 0) out.push(translate(lang, "debrief.noHistory"));
  return out;
}
