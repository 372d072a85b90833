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
import { colyseusLogger, consoleToLog, createLog, log, plainLines, setLog, type LogLevel } from "./log.ts";
import { createMetrics } from "./metricsRegistry.ts";
import { metricsHandler } from "./http/metricsRoute.ts";
import { configureHttpLimits, createHttpLimits } from "./limits/httpLimits.ts";

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
  /** Scrapers of /metrics must send it as a bearer token; open when unset. */
  metricsToken?: string | undefined;
  logLevel?: LogLevel;
  /** Join-code look-ups and matchmaking an address may make a minute (limits/httpLimits.ts). */
  httpPerMinute?: number;
  /** The window HTTP limits are counted over, seconds (HTTP_LIMIT_WINDOW_SECONDS). */
  httpWindowSeconds?: number;
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
    metricsToken: config.METRICS_TOKEN,
    logLevel: config.LOG_LEVEL,
    httpPerMinute: config.HTTP_LIMIT_PER_MINUTE,
    httpWindowSeconds: config.HTTP_LIMIT_WINDOW_SECONDS,
  };
}

export async function startServer(options: StartOptions) {
  const metrics = createMetrics();
  const store = metrics.meterStore((await openStore(options.databaseUrl)).store);
  const services = configureServices(store);
  const httpLimits = createHttpLimits(options.redisUrl, options.httpPerMinute, options.httpWindowSeconds);
  configureHttpLimits(httpLimits); // shared through Redis when it is set
  await httpLimits.ready;
  const admin = adminHandler(options.adminSecret);
  const httpServer = createHttpServer(admin, metricsHandler(metrics.registry, options.metricsToken));
  const server = new Server({
    greet: false, // Colyseus's ASCII banner: the log is JSON lines, and the start-up lines say where it runs
    logger: colyseusLogger(log()),
    transport: new WebSocketTransport({ server: httpServer, maxPayload: 64 * 1024 }),
    ...scaleOptions(options.redisUrl, options.publicAddress),
  });
  guardMatchmaking(server, httpServer); // our /matchmake (limits, body ceiling) instead of Colyseus's
  server.define("lobby", LobbyRoom);
  server.define("game", GameRoom).enableRealtimeListing();
  // Games that were running when the process died come back before anyone can connect.
  // /ready: the database, Redis when shared, and the restore below (http/readiness.ts).
  const redis = options.redisUrl ? redisCheck(options.redisUrl) : null;
  configureReadiness(redis ? [databaseCheck(store), redis] : [databaseCheck(store)]);
  // Colyseus already turns SIGINT and SIGTERM (Ctrl-C, `kill`) into a graceful shutdown that disposes
  // every room and exits; the store must land its queued writes before the process goes. ONE callback:
  // Colyseus keeps only the last one given to onShutdown (a second call used to replace store.close).
  server.onShutdown(async () => {
    metrics.stop();
    httpLimits.close();
    await redis?.close();
    await store.close();
  });
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
    // A bad variable is the operator's to fix: say which and why, without a stack trace. Plain text on
    // stderr: without a valid configuration there is no log to write to, and a person reads this.
    if (!(e instanceof ConfigError)) throw e;
    console.error(e.message);
    process.exit(78); // EX_CONFIG: process managers can tell a configuration error from a crash
  }
  // JSON lines; plain ones for a person at a terminal in development (`npm start` in a shell).
  const terminal = process.stdout.isTTY && process.env.NODE_ENV !== "production";
  setLog(createLog(options.logLevel ?? "info", terminal ? plainLines(process.stdout) : undefined));
  consoleToLog(log()); // the modules that still print (store, recovery) and libraries: JSON lines too
  installProcessSafetyNet(); // a forgotten .catch anywhere is logged instead of shutting every game down
  await startServer(options);
  for (const line of startupLines(options, process.env.PUBLIC_URL)) log().info(line);
}
