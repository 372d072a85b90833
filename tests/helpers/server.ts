/**
 * Starts the real server as its own process on loopback (a fresh database file), waits for /health,
 * and stops it by its PID: what a test needs, and nothing left holding the port afterwards.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export interface TestServer {
  port: number;
  url: string;
  ws: string;
  pid: number;
  dir: string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, "../..");

export async function startTestServer(
  port: number,
  dir = mkdtempSync(join(tmpdir(), "atlas-server-")),
  extraEnv: Record<string, string> = {},
): Promise<TestServer> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", join(ROOT, "server/main.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${join(dir, "atlas.db")}`,
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not answer /health in 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const pid = child.pid ?? -1;
  return {
    port,
    url,
    ws: `ws://127.0.0.1:${port}`,
    pid,
    dir,
    async stop(signal: NodeJS.Signals = "SIGTERM") {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        process.kill(pid, signal);
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (child.exitCode === null && child.signalCode === null) process.kill(pid, "SIGKILL");
      }
    },
  };
}

export function cleanup(server: TestServer): void {
  rmSync(server.dir, { recursive: true, force: true });
}
