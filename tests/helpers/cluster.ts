/**
 * Several server processes sharing one Redis and one PostgreSQL, all on loopback (the multi-process
 * tests): the services started by `up`, each server by `start`, everything stopped by PID in `down`.
 */
import { Postgres, postgresUnavailable } from "./postgres.ts";
import { hasRedis, startRedis, type TestRedis } from "./redis.ts";
import { cleanup, startTestServer, type TestServer } from "./server.ts";
import { sqlOn } from "./sqlOn.ts";

/** Why these tests cannot run here (null: they can). */
export const clusterUnavailable: string | null = !hasRedis
  ? "redis-server is not installed"
  : postgresUnavailable;

export class TestCluster {
  readonly servers: TestServer[] = [];
  databaseUrl = "";
  private redis: TestRedis | null = null;
  postgres: Postgres | null = null;

  constructor(
    private readonly ports: { redis: number; postgres: number },
    private readonly leaseMs: number,
  ) {}

  async up(database: string): Promise<void> {
    this.redis = await startRedis(this.ports.redis);
    this.postgres = new Postgres(this.ports.postgres);
    await this.postgres.start();
    this.databaseUrl = await this.postgres.createDatabase(database);
  }

  /** A server process on `port`, on the shared database and Redis. */
  async start(port: number): Promise<TestServer> {
    const server = await startTestServer(port, undefined, {
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: this.redis!.url,
      PUBLIC_ADDRESS: `127.0.0.1:${port}`,
      GAME_LEASE_MS: String(this.leaseMs),
    });
    this.servers.push(server);
    return server;
  }

  /** The server whose pid the game's owner id names (`host:pid:random`, ownership.ts). */
  async ownerOf(roomId: string): Promise<TestServer> {
    const [row] = await sqlOn(this.databaseUrl, "select owner from sessions where room_id = ?", [roomId]);
    const pid = Number(String(row?.owner).split(":")[1]);
    const owner = this.servers.find((s) => s.pid === pid);
    if (!owner) throw new Error(`no server has pid ${pid}`);
    return owner;
  }

  async down(): Promise<void> {
    for (const s of this.servers) await s.stop("SIGKILL").catch(() => undefined);
    for (const s of this.servers) cleanup(s);
    await this.postgres?.destroy();
    this.redis?.stop();
  }
}
