/**
 * Starts the real game server as a child process on loopback, waits until /health answers, and stops
 * it by its PID: for tests and the load test alike, so nothing is left holding a port.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "../../node/scenarios.ts";

export interface ServerProcess {
  url: string;
  ws: string;
  pid: number;
  /** The last 20,000 characters the server printed. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface SpawnOptions {
  port: number;
  /** Folder for the server's database file. */
  dir: string;
  env?: Record<string, string>;
  nodeOptions?: string[];
  /** Modules imported before the server (after tsx, so they may be TypeScript), e.g. a test's clock. */
  preload?: string[];
}

export async function spawnServer(options: SpawnOptions): Promise<ServerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(options.nodeOptions ?? []),
      "--import",
      "tsx",
      ...(options.preload ?? []).flatMap((m) => ["--import", m]),
      join(ROOT, "server/main.ts"),
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(options.port),
        HOST: "127.0.0.1",
        DATABASE_URL: `file:${join(options.dir, "atlas.db")}`,
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const keep = (d: Buffer) => (output = (output + d.toString()).slice(-20_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    const up = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not answer /health in 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const pid = child.pid ?? -1;
  // A server that dies while a test still talks to it leaves only ECONNREFUSED behind: say why it died.
  let stopping = false;
  child.once("exit", (code, signal) => {
    if (!stopping && signal !== "SIGKILL")
      console.error(
        `server on port ${options.port} (pid ${pid}) exited (${code ?? signal}) unasked:\n${output}`,
      );
  });
  return {
    url,
    ws: `ws://127.0.0.1:${options.port}`,
    pid,
    output: () => output,
    async stop(signal: NodeJS.Signals = "SIGTERM") {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      process.kill(pid, signal);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) process.kill(pid, "SIGKILL");
    },
  };
}
