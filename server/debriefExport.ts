/**
 * The commands export (GET /api/export/ROOM/commands.csv|json) in plain words: one row per decision,
 * with the day and date, the company and its name, who gave it (the person, the company's bot, a bot
 * standing in for the person, the caretaker, or the host) and what it did, in English and Chinese: the
 * debrief's own timeline, replayed from the log, not the raw JSON the log keeps.
 */
import type { DebriefDecision } from "../shared/protocol/debrief.ts";
import { debrief } from "./debrief.ts";
import type { GameSession } from "./game/session.ts";

export interface CommandExportRow {
  day: number;
  date: string;
  company: string;
  companyName: string;
  /** Whether the company was a bot's at the end of the game. */
  botCompany: boolean;
  actedBy: string;
  action: string;
  actionZh: string;
}

/** "Ana", "bot", "bot (standing in for Ana)", "caretaker (standing in for Ana)" or "host". */
export function actedBy(d: Pick<DebriefDecision, "seat" | "by">, name: string): string {
  if (d.seat === null) return "host";
  if (d.by === "bot") return "bot";
  if (d.by === "standIn") return `bot (standing in for ${name})`;
  if (d.by === "caretaker") return `caretaker (standing in for ${name})`;
  return name;
}

/** Strips the stand-in's prefix the timeline shows: the row says who acted in its own column. */
function plain(text: string): string {
  return text.replace(
    /^(Bot standing in for|Caretaker for) [^:]*: |^(机器人代|托管代).*?操作(（离开期间）)?：/u,
    "",
  );
}

/** The rows, or null when the debrief cannot be built (the caller has checked the host's secret). */
export async function commandRows(
  roomId: string,
  hostSecret: string,
  live: (roomId: string) => GameSession | undefined,
): Promise<CommandExportRow[] | null> {
  const answer = await debrief({ roomId, hostSecret, seatToken: "" }, live);
  if (!("decisions" in answer.body)) return null;
  const body = answer.body;
  const companies = new Map(body.companies.map((c) => [c.id, c]));
  return body.decisions.map((d) => {
    const company = d.seat === null ? undefined : companies.get(d.seat);
    const name = company?.name ?? d.seat ?? "";
    return {
      day: d.day,
      date: d.date,
      company: d.seat ?? "",
      companyName: name,
      botCompany: company?.bot ?? false,
      actedBy: actedBy(d, name),
      action: plain(d.summary.en),
      actionZh: plain(d.summary.zh),
    };
  });
}
