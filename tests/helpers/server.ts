/**
 * Starts the real server as its own process on loopback (a fresh database file), waits for /health,
 * and stops it by its PID: what a test needs, and nothing left holding the port afterwards.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnServer, type ServerProcess } from "../../tools/lib/serverProcess.ts";

export interface TestServer extends ServerProcess {
  port: number;
  dir: string;
}

export async function startTestServer(
  port: number,
  dir = mkdtempSync(join(tmpdir(), "atlas-server-")),
  extraEnv: Record<string, string> = {},
): Promise<TestServer> {
  const server = await spawnServer({ port, dir, env: extraEnv });
  return { ...server, port, dir };
}

export function cleanup(server: TestServer): void {
  rmSync(server.dir, { recursive: true, force: true });
}
