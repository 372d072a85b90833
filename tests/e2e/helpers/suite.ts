/**
 * What every browser test file needs around its tests: the built client, the real server on its own
 * loopback port (stopped by PID after), one headless Chromium, and the people it opened, closed at the
 * end. Call inside the file's describe().
 */
import { afterAll, beforeAll } from "vitest";
import type { Browser } from "playwright-core";
import { cleanup, startTestServer, type TestServer } from "../../helpers/server.ts";
import { ensureClientBuilt } from "./build.ts";
import { closeAll, launchBrowser, openPlayer, type Player, type PlayerOptions } from "./browser.ts";

export interface BrowserSuite {
  readonly server: TestServer;
  readonly browser: Browser;
  /** Opens a person's browser (closed with the suite). */
  open(options: PlayerOptions): Promise<Player>;
}

/** `env`: the server's environment beyond the defaults (e.g. HOST, PUBLIC_URL). */
export function browserSuite(
  port: number,
  renderer: "webgl" | "canvas" = "canvas",
  env: Record<string, string> = {},
): BrowserSuite {
  let server: TestServer | null = null;
  let browser: Browser | null = null;
  const players: Player[] = [];
  beforeAll(async () => {
    await ensureClientBuilt();
    server = await startTestServer(port, undefined, env);
    browser = await launchBrowser(renderer);
  }, 240_000);
  afterAll(async () => {
    await closeAll(browser, players);
    await server?.stop();
    if (server) cleanup(server);
  });
  const started = <T>(what: string, value: T | null): T => {
    if (value === null) throw new Error(`the suite's ${what} did not start`);
    return value;
  };
  return {
    get server() {
      return started("server", server);
    },
    get browser() {
      return started("browser", browser);
    },
    async open(options) {
      const p = await openPlayer(started("browser", browser), started("server", server).url, options);
      players.push(p);
      return p;
    },
  };
}
