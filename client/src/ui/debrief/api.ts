/**
 * The debrief's HTTP side: who this browser is in the game (the host's secret or the player's seat
 * token, as the façade stored them), the debrief itself, and the host's CSV exports as downloads.
 */
import type { DebriefDenial, DebriefPayload } from "../../../../shared/protocol/debrief.ts";
import type { LastSeat } from "../../net/storage.ts";

export interface Credentials {
  roomId: string;
  hostSecret: string | null;
  seatToken: string | null;
}

/** A refusal by its code (the page words it, in its language); NETWORK: no answer at all. */
export type DebriefResult =
  | { ok: true; payload: DebriefPayload }
  | { ok: false; code: DebriefDenial["code"] | "NETWORK"; reason: string };

/** The credentials in a stored seat; null when it names no room. */
export function credentialsOf(last: LastSeat | null): Credentials | null {
  if (!last?.roomId) return null;
  return { roomId: last.roomId, hostSecret: last.hostSecret, seatToken: last.seatToken };
}

function headers(c: Credentials): Record<string, string> {
  const h: Record<string, string> = {};
  // Headers rather than the query string: secrets stay out of the address bar and server logs.
  if (c.hostSecret) h["x-host-secret"] = c.hostSecret;
  if (c.seatToken) h["x-seat-token"] = c.seatToken;
  return h;
}

export async function fetchDebrief(c: Credentials): Promise<DebriefResult> {
  let res: Response;
  try {
    res = await fetch(`/api/debrief/${encodeURIComponent(c.roomId)}`, {
      headers: headers(c),
      cache: "no-store",
    });
  } catch {
    return { ok: false, code: "NETWORK", reason: "" };
  }
  const body = (await res.json().catch(() => null)) as DebriefPayload | Partial<DebriefDenial> | null;
  if (res.ok && body && "format" in body) return { ok: true, payload: body };
  const denial = (body ?? {}) as Partial<DebriefDenial>;
  return { ok: false, code: denial.code ?? "INTERNAL", reason: denial.error ?? `HTTP ${res.status}` };
}

export const EXPORT_TABLES = ["company-days", "events", "commands", "predictions"] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

/** Fetches one export with the host secret and hands it to the browser as a file. */
export async function downloadCsv(c: Credentials, table: ExportTable, code: string): Promise<void> {
  const res = await fetch(`/api/export/${encodeURIComponent(c.roomId)}/${table}.csv`, {
    headers: headers(c),
    cache: "no-store",
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: string } | null;
    throw new Error(body?.error ?? `HTTP ${res.status}`);
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = `${code || c.roomId}-${table}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
