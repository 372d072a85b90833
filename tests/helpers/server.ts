/**
 * Starts the real server as its own process on loopback (a fresh database file), waits for /health,
 * and stops it by its PID: what a test needs, and nothing left holding the port afterwards.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { spawnServer, type ServerProcess } from "../../tools/lib/serverProcess.ts";

export interface TestServer extends ServerProcess {
  port: number;
  dir: string;
}

export async function startTestServer(
  port: number,
  dir = mkdtempSync(join(tmpdir(), "atlas-server-")),
  extraEnv: Record<string, string> = {},
  preload: string[] = [],
): Promise<TestServer> {
  // Tests poll exports and codes while they wait for state, as often as a loaded machine lets them: the
  // shared per-minute HTTP limit would refuse that (ratelimit.test.ts sets its own to test it).
  const env = { HTTP_LIMIT_PER_MINUTE: "1000000", ...extraEnv };
  const server = await spawnServer({ port, dir, env, preload });
  return { ...server, port, dir };
}

export function cleanup(server: TestServer): void {
  rmSync(server.dir, { recursive: true, force: true });
}

/** The preload that runs a server's clock faster (see timeWarp.ts): pass with ATLAS_TIME_WARP set. */
export const TIME_WARP = pathToFileURL(join(import.meta.dirname, "timeWarp.ts")).href;

/**
 * A restart mid-game: stops the server, runs `whileDown` (what the clients see meanwhile), and starts
 * it again on the same port and database folder, so that it brings its games back from its store.
 */
export async function restartTestServer(
  server: TestServer,
  whileDown: () => Promise<void> = async () => undefined,
  extraEnv: Record<string, string> = {},
  preload: string[] = [],
): Promise<TestServer> {
  await server.stop();
  await whileDown();
  return startTestServer(server.port, server.dir, extraEnv, preload);
}
