/**
 * A real redis-server on loopback for a test file: started on its own port with nothing saved to disk,
 * ready once it answers PING, stopped by its PID. `hasRedis` says whether the binary is installed (the
 * tests that need it skip, saying so, when it is not).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { connect } from "node:net";

export const hasRedis = spawnSync("redis-server", ["--version"]).status === 0;

/** Whether Redis answers PING on `port` (one raw RESP exchange). */
export function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1", () => socket.write("PING\r\n"));
    socket.once("data", (d) => {
      resolve(d.toString().startsWith("+PONG"));
      socket.destroy();
    });
    socket.once("error", () => resolve(false));
  });
}

export interface TestRedis {
  url: string;
  process: ChildProcess;
  stop(): void;
}

/** Starts redis-server on `port` and resolves once it answers; rejects if it exits first. */
export async function startRedis(port: number): Promise<TestRedis> {
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  while (!(await pong(port))) {
    if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}) on port ${port}`);
    // Polling the server until it answers: no event says when it starts listening.
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    process: child,
    stop: () => {
      if (child.pid && child.exitCode === null) process.kill(child.pid, "SIGKILL");
    },
  };
}
