/**
 * A real PostgreSQL for the store's tests, on loopback: Debian's server binaries (the `postgresql`
 * package, /usr/lib/postgresql/<version>/bin, or PG_BIN), a new cluster in a temporary folder
 * (initdb), the server spawned on the given port and stopped by its PID. Ready means a connection
 * succeeds (polled), never a sleep.
 *
 * PostgreSQL refuses to run as root. As root (CI, these machines) it runs as `nobody` through setpriv,
 * which execs, so the PID spawned is the server's own. Inside `unshare -r` (a user namespace that maps
 * only root) no other user exists: the tests then say so and skip; run them with `unshare -n` instead.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

const NOBODY = 65534;
const USER = "atlas";

/** The folder holding `postgres` and `initdb`, newest version first; null when not installed. */
function binaries(): string | null {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "postgres")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], "bin") : null;
}

const asRoot = process.getuid?.() === 0;
const dropToNobody = ["--reuid", String(NOBODY), "--regid", String(NOBODY), "--clear-groups", "--"];

/** Why PostgreSQL cannot run here (the tests then skip, saying this), or null when it can. */
function unavailableReason(): string | null {
  const bin = binaries();
  if (!bin) return "PostgreSQL's server binaries are not installed (Debian: apt-get install postgresql)";
  if (!asRoot) return null;
  try {
    execFileSync("setpriv", [...dropToNobody, "true"], { stdio: "ignore" });
    return null;
  } catch {
    return (
      "PostgreSQL refuses to run as root and no other user can be switched to here (inside `unshare -r`?): " +
      "run these tests without a user namespace, e.g. `unshare -n sh -c 'ip link set lo up; npx vitest run …'`"
    );
  }
}

export const postgresUnavailable = unavailableReason();
if (postgresUnavailable) console.warn(`PostgreSQL tests skipped: ${postgresUnavailable}`);

function run(bin: string, args: string[]): { command: string; args: string[] } {
  return asRoot ? { command: "setpriv", args: [...dropToNobody, bin, ...args] } : { command: bin, args };
}

export class Postgres {
  private child: ChildProcess | null = null;
  private output = "";
  readonly dir = mkdtempSync(join(tmpdir(), "atlas-pg-"));
  private readonly bin = binaries() ?? "";

  constructor(readonly port: number) {
    if (asRoot) chownSync(this.dir, NOBODY, NOBODY);
    const init = run(join(this.bin, "initdb"), [
      ...["-D", join(this.dir, "data"), "-U", USER, "-A", "trust", "-E", "UTF8"],
      ...["--no-sync", "--no-instructions"],
    ]);
    execFileSync(init.command, init.args, { stdio: "pipe" });
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** A URL for database `name` on this server. */
  url(name = "postgres"): string {
    return `postgres://${USER}@127.0.0.1:${this.port}/${name}`;
  }

  /** Starts the server and resolves once it takes connections. */
  async start(): Promise<void> {
    // fsync off: a test server's data needs no power-cut safety, and CI's disk is shared and slow.
    const server = run(join(this.bin, "postgres"), [
      ...["-D", join(this.dir, "data"), "-p", String(this.port), "-k", this.dir],
      ...["-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "full_page_writes=off"],
    ]);
    const child = spawn(server.command, server.args, { stdio: ["ignore", "pipe", "pipe"] });
    this.child = child;
    // Should the test process end without stopping it (a crash), the server must not keep the port.
    const orphan = () => child.kill("SIGKILL");
    process.once("exit", orphan);
    child.once("exit", () => process.off("exit", orphan));
    child.stdout.on("data", (d: Buffer) => (this.output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (this.output += d.toString()));
    const exited = new Promise<never>((_, reject) =>
      child.once("exit", (code) => reject(new Error(`postgres exited (${code}):\n${this.output}`))),
    );
    exited.catch(() => undefined);
    await Promise.race([this.untilConnects(), exited]);
  }

  private async untilConnects(): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const client = new pg.Client({ connectionString: this.url() });
      try {
        await client.connect();
        await client.end();
        return;
      } catch (e) {
        await client.end().catch(() => undefined);
        if (Date.now() > deadline || this.child?.exitCode !== null) throw e;
        // Polling the connection: the server is starting; try again shortly.
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }

  /** A new, empty database on this server; returns its URL. */
  async createDatabase(name: string): Promise<string> {
    const client = new pg.Client({ connectionString: this.url() });
    await client.connect();
    try {
      await client.query(`create database "${name}"`);
    } finally {
      await client.end();
    }
    return this.url(name);
  }

  /** Stops the server by its PID (SIGINT: PostgreSQL's fast shutdown) and resolves once it has exited. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((r) => child.once("exit", () => r()));
    child.kill("SIGINT");
    await gone;
  }

  /** Stops it and removes its folder. */
  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
