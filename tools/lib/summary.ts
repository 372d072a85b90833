/** The printed summary of a recorded game: what happened to the chain, the market and the map. */
import type { HistoryComparison } from "../../node/history.ts";
import type { HistoryReport, YearFit } from "../../node/historyFit.ts";
import { RETARGET_LUCK_FLOOR_PP } from "../../shared/bitcoin/retargetLuck.ts";
import { difficultyT, fixed, int, keyValues, share, signedPct, table } from "./format.ts";
import type { DayRow, Recording } from "../../node/recorder.ts";

export interface RunInfo {
  /** Wall time of the game loop, milliseconds. */
  wallMs: number;
  startHeight: number;
}

/** Countries shown in the share table; the rest are summed into "other". */
const TOP_COUNTRIES = 7;

export function summaryLines(rec: Recording, history: HistoryReport, run: RunInfo): string[] {
  const first = rec.days[0];
  const last = rec.days[rec.days.length - 1];
  if (!first || !last) return [`${rec.scenario}: no days recorded`];
  const days = rec.days.length;
  const seconds = run.wallMs / 1000;
  return [
    `Hashrate Atlas simulation: ${rec.scenario} (${rec.scenarioName})`,
    ...keyValues([
      ["period", `${first.date} → ${last.date} (${int(days)} days)`],
      [
        "seed",
        `${rec.seed}   players ${rec.players}   engine ${rec.engineVersion}   scenario ${rec.scenarioHash.slice(0, 12)}`,
      ],
      [
        "blocks",
        `${int(last.height - run.startHeight)} (height ${int(run.startHeight)} → ${int(last.height)})`,
      ],
      ["wall time", `${seconds.toFixed(2)} s (${int(days / Math.max(seconds, 1e-9))} game days/s)`],
    ]),
    "",
    ...halvingLines(rec),
    "",
    ...retargetLines(history),
    "",
    ...extremesLines("Difficulty", rec.days, (r) => r.difficulty, difficultyT),
    "",
    ...extremesLines(
      "Hashprice (USD per TH/s per day)",
      rec.days,
      (r) => r.hashpriceUsdPerThDay,
      (x) => fixed(x, 4),
    ),
    "",
    ...shareLines(rec),
    "",
    ...historyLines(history),
    "",
    ...fitLines(history.byYear),
  ];
}

function halvingLines(rec: Recording): string[] {
  if (rec.halvings.length === 0) return ["Halvings: none in this period"];
  const rows = rec.halvings.map((h) => [int(h.height), h.date]);
  return ["Halvings", ...table([["height", "date"], ...rows], ["r", "l"])];
}

function retargetLines(history: HistoryComparison): string[] {
  if (history.retargets.length === 0) return ["Retargets: none in this period"];
  const rows = history.retargets.map((r) => [
    int(r.height),
    r.date,
    signedPct(r.simChangePct),
    r.realChangePct === null ? "" : `(real ${signedPct(r.realChangePct)})`,
    r.realDate === null ? "" : `${r.realDate}${r.realExact ? "" : " est."}`,
    r.dateOffsetDays === null ? "" : `${r.dateOffsetDays > 0 ? "+" : ""}${r.dateOffsetDays} d`,
  ]);
  const header = ["height", "date", "change", "real change", "real date", "date offset"];
  return [
    `Retargets (${history.retargets.length})`,
    ...table([header, ...rows], ["r", "l", "r", "l", "l", "r"]),
  ];
}

/** First, min, max and last of a daily series, with their dates. */
function extremesLines(
  title: string,
  rows: DayRow[],
  value: (r: DayRow) => number,
  show: (x: number) => string,
): string[] {
  const first = rows[0] as DayRow;
  let min = first;
  let max = first;
  for (const r of rows) {
    if (value(r) < value(min)) min = r;
    if (value(r) > value(max)) max = r;
  }
  const last = rows[rows.length - 1] as DayRow;
  const picks: [string, DayRow][] = [
    ["first", first],
    ["min", min],
    ["max", max],
    ["last", last],
  ];
  const body = picks.map(([label, r]) => [label, r.date, show(value(r)), int(r.priceUsd)]);
  return [title, ...table([["", "date", "value", "BTC (USD)"], ...body], ["l", "l", "r", "r"])];
}

/** Rows shown in the share table: the first day, the first day of each quarter, the last day. */
export function shareDates(rows: DayRow[]): DayRow[] {
  const picked = rows.filter((r, i) => i === 0 || i === rows.length - 1 || /-(01|04|07|10)-01$/.test(r.date));
  return picked.filter((r, i) => picked.findIndex((p) => p.date === r.date) === i);
}

function shareLines(rec: Recording): string[] {
  const picked = shareDates(rec.days);
  const peak = (c: string): number => Math.max(...picked.map((r) => r.sharesByCountry[c] ?? 0));
  const ranked = [...rec.countries].sort((a, b) => peak(b) - peak(a));
  const top = ranked.slice(0, TOP_COUNTRIES);
  const rest = ranked.slice(TOP_COUNTRIES);
  const rows = top.map((c) => [
    rec.countryNames[c] ?? c,
    ...picked.map((r) => share(r.sharesByCountry[c] ?? 0)),
  ]);
  if (rest.length > 0) {
    const other = (r: DayRow): number => rest.reduce((s, c) => s + (r.sharesByCountry[c] ?? 0), 0);
    rows.push([`other (${rest.length})`, ...picked.map((r) => share(other(r)))]);
  }
  rows.push(["network EH/s", ...picked.map((r) => fixed(r.networkEhs, 1))]);
  const header = ["share of hashrate", ...picked.map((r) => r.date)];
  return ["Hashrate by country", ...table([header, ...rows], ["l", ...picked.map((): "r" => "r")])];
}

function historyLines(history: HistoryComparison): string[] {
  const lines = ["History comparison (shared/data)"];
  const fit = history.hashrate;
  if (fit) {
    const rms = `${fit.rmsLogError.toFixed(3)} (≈${((Math.exp(fit.rmsLogError) - 1) * 100).toFixed(1)}%)`;
    const bias = signedPct((Math.exp(fit.meanLogError) - 1) * 100, 1);
    lines.push(
      `  hashrate vs real 7-day mean: RMS log error ${rms}, bias ${bias}, over ${int(fit.days)} days`,
    );
  } else {
    lines.push("  hashrate: no real data for these dates");
  }
  const known = history.retargets.filter((r) => r.realChangePct !== null).length;
  if (history.retargetMeanAbsErrorPp !== null) {
    const err = history.retargetMeanAbsErrorPp.toFixed(2);
    lines.push(
      `  retarget change: mean |simulated − real| ${err} pp over ${known} of ${history.retargets.length} retargets`,
    );
  }
  if (history.monthly.length > 0) {
    const rows = history.monthly.map((m) => [
      m.date,
      fixed(m.simEhs, 1),
      m.realEhs === null ? "" : fixed(m.realEhs, 1),
      m.realEhs === null ? "" : signedPct((m.simEhs / m.realEhs - 1) * 100, 1),
    ]);
    lines.push(...table([["date", "sim EH/s", "real EH/s", "sim vs real"], ...rows], ["l", "r", "r", "r"]));
  }
  return lines;
}

const orBlank = (x: number | null, digits: number): string => (x === null ? "" : fixed(x, digits));

/**
 * The fit to history by calendar year (node/historyFit.ts). "always 0%" is the retarget error of a
 * class that guesses no change every time: a model worth asking about must beat it. "real trend" is the
 * error of guessing each change from the real changes either side: where it does no better than
 * always-0%, the epochs differ mostly by the blocks' luck, which a game draws for itself.
 */
function fitLines(fits: readonly YearFit[]): string[] {
  const measured = fits.filter(
    (f) =>
      f.hashrateLnError !== null ||
      f.difficultyLnError !== null ||
      f.hashpriceLnError !== null ||
      f.retargets > 0 ||
      f.shareCells > 0,
  );
  if (measured.length === 0) return [];
  // A calibrated scenario says which years its world was fitted on: the rest are out of sample.
  const sets = measured.some((f) => f.set !== null);
  const header = [
    "year",
    ...(sets ? ["fitted on"] : []),
    "difficulty |ln err|",
    "hashrate |ln err|",
    "retargets",
    "retarget err pp",
    "always 0% pp",
    "real trend pp",
    "correlation",
    "hashprice |ln err|",
    "shares err pp",
  ];
  const rows = measured.map((f) => [
    f.year,
    ...(sets ? [f.set ?? ""] : []),
    orBlank(f.difficultyLnError, 3),
    orBlank(f.hashrateLnError, 3),
    int(f.retargets),
    orBlank(f.retargetErrorPp, 2),
    orBlank(f.retargetZeroBaselinePp, 2),
    orBlank(f.retargetTrendBaselinePp, 2),
    orBlank(f.retargetCorrelation, 2),
    orBlank(f.hashpriceLnError, 3),
    orBlank(f.shareErrorPp, 2),
  ]);
  const luck = measured.some((f) => f.retargets > 0)
    ? [
        `  A game whose hashrate followed the real one exactly would still miss a retarget by ${fixed(RETARGET_LUCK_FLOOR_PP, 2)} pp on`,
        "  average (its blocks and history's each come by their own luck): where always 0% does better, no game can.",
      ]
    : [];
  return [
    "Fit to history by year (mean absolute errors; shares against Cambridge's monthly figures)",
    ...table(
      [header, ...rows],
      ["l", ...(sets ? ["l" as const] : []), "r", "r", "r", "r", "r", "r", "r", "r", "r"],
    ),
    ...luck,
  ];
}
