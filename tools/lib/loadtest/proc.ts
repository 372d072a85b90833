/**
 * The server process seen from outside: CPU time and RSS from /proc (Linux), and the server itself
 * started as a child on loopback with a temporary database, stopped by its PID.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnServer, type ServerProcess } from "../serverProcess.ts";

let clockTicks = 0;
function ticksPerSecond(): number {
  if (clockTicks === 0) {
    try {
      clockTicks = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** User + system CPU seconds of a process, from /proc/PID/stat (null when unreadable). */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may contain spaces) start at state (field 3).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return (utime + stime) / ticksPerSecond();
  } catch {
    return null;
  }
}

/** Resident set size in MB, from /proc/PID/status. */
export function rssMb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export type ChildServer = ServerProcess;

/** The admin secret the load test gives the server it starts, to read its tick timing at /api/metrics. */
export const LOADTEST_ADMIN_SECRET = "loadtest-admin-secret-0123456789";

/** Starts `server/main.ts` on 127.0.0.1:PORT with extra node options (e.g. --cpu-prof). */
export function startServer(port: number, nodeOptions: string[]): Promise<ChildServer> {
  const dir = mkdtempSync(join(tmpdir(), "atlas-loadtest-"));
  // Every room comes from one address (loopback): lift the per-address creation limit and the room cap
  // that would refuse a load test's rooms as a flood, and the per-address request limit on joins.
  const env = {
    ADMIN_SECRET: LOADTEST_ADMIN_SECRET,
    ROOM_CREATE_BURST: "100000",
    ROOM_CREATE_PER_MINUTE: "100000",
    MAX_ROOMS: "100000",
    MAX_ROOMS_PER_ADDRESS: "100000",
    HTTP_LIMIT_PER_MINUTE: "1000000",
  };
  return spawnServer({ port, dir, nodeOptions, env });
}

/** Only loopback targets: this tool never loads someone else's server. */
export function assertLoopback(url: string): void {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  if (!["127.0.0.1", "localhost", "::1"].includes(host) && !/^127\./.test(host))
    throw new Error(`--url must be a loopback address (127.0.0.1, localhost, ::1), got "${host}"`);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}
