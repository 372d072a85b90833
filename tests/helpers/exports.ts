/** What a server has stored, read back through the host's export. */
import type { TestServer } from "./server.ts";

/** The sell ratios of the setSellRatio commands stored for a room (an empty list when refused). */
export async function storedRatios(server: TestServer, roomId: string, secret: string): Promise<number[]> {
  const r = await fetch(`${server.url}/api/export/${roomId}/commands.json`, {
    headers: { "x-host-secret": secret },
  });
  if (!r.ok) return [];
  const rows = ((await r.json()) as { rows: { command: string }[] }).rows;
  return rows
    .map((row) => JSON.parse(row.command) as { type: string; ratioBps?: number })
    .filter((c) => c.type === "setSellRatio")
    .map((c) => c.ratioBps ?? -1);
}
