/**
 * The server: Colyseus rooms and our HTTP routes on one port (PORT, default 2567), over the embedded
 * store. `npm start` runs it. Configuration comes from the environment (see README).
 */
import { LobbyRoom, Server } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { createHttpServer, guardMatchmaking, installProcessSafetyNet } from "./http/guard.ts";
import { restoreRunningGames } from "./recovery.ts";
import { superviseGames } from "./supervise.ts";
import { GameRoom } from "./rooms/GameRoom.ts";
import { configureServices } from "./services.ts";
import { openStore } from "./store/open.ts";
import { adminHandler } from "./admin.ts";
import { scaleOptions } from "./scale.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { startupLines } from "./http/startup.ts";
import { configureReadiness, databaseCheck, markRecovered, redisCheck } from "./http/readiness.ts";

export interface StartOptions {
  port: number;
  host: string;
  databaseUrl: string;
  /** Several processes share rooms through Redis when set (e.g. redis://127.0.0.1:6379). */
  redisUrl: string | undefined;
  /** The Colyseus monitor at /colyseus, with this secret (user "admin"); off when unset. */
  adminSecret: string | undefined;
  /** host:port where this process's rooms are reached, when several processes share Redis. */
  publicAddress: string | undefined;
}

/** The start options from the environment, validated (server/config.ts): a bad value throws ConfigError. */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): StartOptions {
  const config = loadConfig(env);
  return {
    port: config.PORT,
    host: config.HOST,
    databaseUrl: config.DATABASE_URL,
    redisUrl: config.REDIS_URL,
    adminSecret: config.ADMIN_SECRET,
    publicAddress: config.PUBLIC_ADDRESS,
  };
}

export async function startServer(options: StartOptions) {
  const { store } = await openStore(options.databaseUrl);
  const services = configureServices(store);
  const admin = adminHandler(options.adminSecret);
  const httpServer = createHttpServer(admin);
  const server = new Server({
    transport: new WebSocketTransport({ server: httpServer, maxPayload: 64 * 1024 }),
    ...scaleOptions(options.redisUrl, options.publicAddress),
  });
  guardMatchmaking(server, httpServer); // our /matchmake (limits, body ceiling) instead of Colyseus's
  server.define("lobby", LobbyRoom);
  server.define("game", GameRoom).enableRealtimeListing();
  // Colyseus already turns SIGINT and SIGTERM (Ctrl-C, `kill`) into a graceful shutdown that disposes
  // every room and exits; the store must land its queued writes before the process goes.
  server.onShutdown(() => store.close());
  // Games that were running when the process died come back before anyone can connect.
  // /ready: the database, Redis when shared, and the restore below (http/readiness.ts).
  const redis = options.redisUrl ? redisCheck(options.redisUrl) : null;
  configureReadiness(redis ? [databaseCheck(store), redis] : [databaseCheck(store)]);
  if (redis) server.onShutdown(() => redis.close());
  const restored = await restoreRunningGames(store, (id) => services.scenario(id));
  markRecovered();
  superviseGames(store, (id) => services.scenario(id)); // several processes on PostgreSQL: leases, takeovers
  await server.listen(options.port, options.host);
  return {
    server,
    store,
    restored,
    async stop() {
      await server.gracefullyShutdown(false);
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let options: StartOptions;
  try {
    options = optionsFromEnv();
  } catch (e) {
    // A bad variable is the operator's to fix: say which and why, without a stack trace.
    if (!(e instanceof ConfigError)) throw e;
    console.error(e.message);
    process.exit(78); // EX_CONFIG: process managers can tell a configuration error from a crash
  }
  installProcessSafetyNet(); // a forgotten .catch anywhere is logged instead of shutting every game down
  await startServer(options);
  for (const line of startupLines(options, process.env.PUBLIC_URL)) console.log(line);
}
