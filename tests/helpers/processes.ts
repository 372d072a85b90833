/**
 * Child processes a test starts and watches: their output kept line by line, waits for a line or for
 * the exit (state, never time), and a stop by PID.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { ROOT } from "../../node/scenarios.ts";

export interface Watched {
  child: ChildProcess;
  /** stdout and stderr, as they come. */
  output: () => string;
  /** Resolves with the output once a line matches; rejects if the process exits first. */
  waitFor: (pattern: RegExp) => Promise<string>;
  /** Resolves with the exit code (null: killed by a signal). */
  exited: Promise<number | null>;
  /** Stops it (by PID) unless it has exited. */
  stop: (signal?: NodeJS.Signals) => void;
}

export function watch(command: string, args: string[]): Watched {
  const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let text = "";
  let code: number | null | undefined;
  const waiters = new Set<() => void>();
  const changed = (): void => waiters.forEach((w) => w());
  const append = (chunk: Buffer): void => {
    text += chunk.toString("utf8");
    changed();
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (exit) => {
      code = exit;
      resolve(exit);
      changed();
    }),
  );
  const waitFor = (pattern: RegExp): Promise<string> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (pattern.test(text)) {
          waiters.delete(check);
          resolve(text);
        } else if (code !== undefined) {
          waiters.delete(check);
          reject(new Error(`${command} exited (${code}) before printing ${pattern}:\n${text}`));
        }
      };
      waiters.add(check);
      check();
    });
  const stop = (signal: NodeJS.Signals = "SIGKILL"): void => {
    if (code === undefined && child.pid) process.kill(child.pid, signal);
  };
  return { child, output: () => text, waitFor, exited, stop };
}

/** A TypeScript tool of this repository run by Node with tsx, as `npm run` would. */
export const watchTool = (script: string, args: string[]): Watched =>
  watch(process.execPath, ["--import", "tsx", script, ...args]);
