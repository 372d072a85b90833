/**
 * The decisions as a timeline: one lane per company (and one for the host's shocks when there are any),
 * each decision a mark placed by its day, decisions close in time stacked into one mark (a lane has
 * room for about MARKS_PER_LANE marks side by side). Pure.
 */
import type { DebriefDecision, DebriefPayload } from "../../../../shared/protocol/debrief.ts";
import { pick, translate, type Lang } from "../../i18n/index.ts";
import { companyColor, companyLabel } from "./series.ts";

export interface TimelineMark {
  /** The first and last days of the mark's decisions. */
  day: number;
  lastDay: number;
  date: string;
  /** Position along the lane, 0 (first day) to 1 (last day). */
  at: number;
  /** The decisions under this mark, in the order given. */
  lines: { date: string; text: string }[];
}

/** Marks a lane shows at most: decisions closer than span / this many days share a mark. */
export const MARKS_PER_LANE = 60;

export interface TimelineLane {
  /** Company id, or null for the host. */
  seat: string | null;
  label: string;
  color: string;
  marks: TimelineMark[];
  count: number;
}

/** Where a day sits along a lane of `span` days. */
export function position(day: number, span: number): number {
  return span <= 1 ? 0 : Math.min(1, Math.max(0, day / (span - 1)));
}

/**
 * Days a lane spans: the whole scenario while the game runs (what is left shows as the lane's empty
 * end), the days played once it is over (a game ended early fills its lanes).
 */
export function laneSpan(p: DebriefPayload): number {
  return p.status === "running" ? p.totalDays : p.dates.length;
}

function marksOf(decisions: DebriefDecision[], span: number, lang: Lang): TimelineMark[] {
  const bucket = Math.max(1, Math.ceil(span / MARKS_PER_LANE));
  const marks: TimelineMark[] = [];
  for (const d of decisions) {
    const last = marks.at(-1);
    const line = { date: d.date, text: pick(d.summary, lang) };
    if (last && d.day - last.day < bucket) {
      last.lines.push(line);
      last.lastDay = d.day;
    } else marks.push({ day: d.day, lastDay: d.day, date: d.date, at: position(d.day, span), lines: [line] });
  }
  return marks;
}

export function timelineLanes(p: DebriefPayload, lang: Lang): TimelineLane[] {
  const lanes: TimelineLane[] = p.companies.map((c, i) => {
    const mine = p.decisions.filter((d) => d.seat === c.id);
    return {
      seat: c.id,
      label: c.bot
        ? `${companyLabel(p, i, lang)} · ${translate(lang, "debrief.bot")}`
        : companyLabel(p, i, lang),
      color: companyColor(i),
      marks: marksOf(mine, laneSpan(p), lang),
      count: mine.length,
    };
  });
  const host = p.decisions.filter((d) => d.seat === null);
  if (host.length > 0)
    lanes.push({
      seat: null,
      label: translate(lang, "debrief.host"),
      color: "#cfd8dc",
      marks: marksOf(host, laneSpan(p), lang),
      count: host.length,
    });
  return lanes;
}

/** The decisions listed under the timeline: one company's (or everyone's, "all"), in the order given. */
export function decisionRows(p: DebriefPayload, filter: string): DebriefDecision[] {
  if (filter === "all") return p.decisions;
  if (filter === "host") return p.decisions.filter((d) => d.seat === null);
  return p.decisions.filter((d) => d.seat === filter);
}
