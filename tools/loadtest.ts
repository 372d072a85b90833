/**
 * Load test: `npm run loadtest -- --rooms M --clients N --seconds T [--port P] [--pace D] [--json FILE]
 * [--url ws://127.0.0.1:PORT[,ws://127.0.0.1:PORT2] --pid PID[,PID2]] [--node-options="--cpu-prof --cpu-prof-dir=prof"]`.
 * Several URLs (processes sharing one Redis and PostgreSQL): the rooms are made through each in turn,
 * and CPU, RSS and the server's tick times are summed or listed over their PIDs.
 * Starts the server as a child on loopback (or targets a running one, loopback only), fills M rooms with
 * N clients in all (a host and players per room), plays T seconds (at most 300), and reports the tick
 * cadence seen by clients, the server's CPU share and RSS, bytes and messages received per client, the
 * command round trip, and errors.
 */
import { writeFileSync } from "node:fs";
import { exitWithUsage, scriptFlags } from "./lib/cli.ts";
import { leaveAll, newCounters, playUntil, setUpRooms, sleep, startRooms } from "./lib/loadtest/bots.ts";
import {
  assertLoopback,
  cpuSeconds,
  LOADTEST_ADMIN_SECRET,
  percentile,
  rssMb,
  startServer,
  type ChildServer,
} from "./lib/loadtest/proc.ts";

const USAGE = `usage: npm run loadtest [-- --rooms M] [--clients N] [--seconds T] [--port P] [--pace D]
       [--scenario ID] [--every S] [--json FILE] [--url ws://127.0.0.1:PORT[,…] --pid PID[,…]]
       [--node-options="--cpu-prof --cpu-prof-dir=prof"]

  --rooms M        rooms to fill (default 10)
  --clients N      clients in all, a host and players per room (default 80)
  --seconds T      how long to play, at most 300 (default 20)
  --port P         port of the server it starts on loopback (default 2578)
  --pace D         game days a second (default 1)
  --scenario ID    the rooms' scenario (default sandbox)
  --every S        seconds between a client's commands (default 3)
  --json FILE      also write the figures as JSON
  --url, --pid     a running server (loopback only) and its process ids, instead of starting one
  --node-options   options for the server it starts (a profile, say)`;

const flags = scriptFlags(USAGE, {
  rooms: { type: "string" },
  clients: { type: "string" },
  seconds: { type: "string" },
  port: { type: "string" },
  pace: { type: "string" },
  scenario: { type: "string" },
  every: { type: "string" },
  json: { type: "string" },
  url: { type: "string" },
  pid: { type: "string" },
  "node-options": { type: "string" },
});
const values = {
  ...flags,
  rooms: flags.rooms ?? "10",
  clients: flags.clients ?? "80",
  seconds: flags.seconds ?? "20",
  port: flags.port ?? "2578",
  pace: flags.pace ?? "1",
  scenario: flags.scenario ?? "sandbox",
  every: flags.every ?? "3",
  "node-options": flags["node-options"] ?? "",
};

function int(name: string, value: string | undefined, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max)
    exitWithUsage(USAGE, `--${name} must be ${min}..${max}, got "${value}"`);
  return n;
}

const rooms = int("rooms", values.rooms, 1, 500);
const clients = int("clients", values.clients, rooms, 4000);
const seconds = int("seconds", values.seconds, 1, 300);
const pace = int("pace", values.pace, 0.25, 16);
const everyMs = int("every", values.every, 0.2, 60) * 1000;
const perRoom = Math.floor(clients / rooms);

let server: ChildServer | null = null;
let urls: string[];
let pids: number[] = [];
if (values.url) {
  urls = values.url.split(",").map((u) => u.trim().replace(/^http/, "ws"));
  for (const u of urls) assertLoopback(u);
  pids = values.pid ? values.pid.split(",").map((p) => int("pid", p, 1, 2 ** 31)) : [];
} else {
  const port = int("port", values.port, 1024, 65535);
  const nodeOptions = values["node-options"].split(/\s+/).filter(Boolean);
  server = await startServer(port, nodeOptions);
  urls = [server.ws];
  pids = [server.pid];
}
const ws = urls.join(", ");
/** Summed over the server processes (null when any cannot be read, or none is known). */
function summed(read: (pid: number) => number | null): number | null {
  const each = pids.map(read);
  return each.length === 0 || each.includes(null) ? null : each.reduce((a: number, b) => a + (b ?? 0), 0);
}

const counters = newCounters();
const hardStop = setTimeout(
  () => {
    console.error("loadtest: hard time limit reached; stopping");
    void server?.stop().finally(() => process.exit(2));
  },
  (seconds + 180) * 1000,
);
hardStop.unref();

try {
  const t0 = performance.now();
  console.log(`setting up ${rooms} rooms × ${perRoom} clients (${rooms * perRoom} in all) on ${ws} …`);
  const made = [];
  for (const [i, url] of urls.entries()) {
    const share = Math.floor(rooms / urls.length) + (i < rooms % urls.length ? 1 : 0);
    made.push(...(await setUpRooms(url, share, perRoom, pace, values.scenario, counters)));
  }
  console.log(
    `joined in ${((performance.now() - t0) / 1000).toFixed(1)} s; playing ${seconds} s at ${pace} day/s`,
  );
  startRooms(made);
  await sleep(1_000); // let the first patches arrive before measuring
  const base = { ...counters, at: performance.now(), cpu: summed(cpuSeconds) };
  const tickAtBase = made.map((r) => r.ticks.last);
  const rss: number[] = [];
  let stopped = false;
  const playing = playUntil(made, everyMs, counters, () => stopped);
  for (let s = 0; s < seconds; s++) {
    await sleep(1_000);
    const r = summed(rssMb);
    if (r !== null) rss.push(r);
    if ((s + 1) % 5 === 0)
      console.log(`  ${s + 1}/${seconds} s, ${counters.sent} commands, rss ${r?.toFixed(0) ?? "?"} MB`);
  }
  stopped = true;
  const wall = (performance.now() - base.at) / 1000;
  const cpu = summed(cpuSeconds);
  const bytes = counters.bytes - base.bytes;
  const messages = counters.messages - base.messages;
  await Promise.race([playing, sleep(everyMs * 2)]);

  const intervals = made.flatMap((r) => r.intervals).sort((a, b) => a - b);
  const expected = 1000 / pace;
  const jitter = intervals.map((i) => Math.abs(i - expected)).sort((a, b) => a - b);
  const ticks = made.reduce((s, r, i) => s + Math.max(0, r.ticks.last - Math.max(0, tickAtBase[i] ?? 0)), 0);
  const latencies = [...counters.latencies].sort((a, b) => a - b);
  const cpuUsed = cpu !== null && base.cpu !== null ? cpu - base.cpu : null;
  const n = made.reduce((s, r) => s + 1 + r.players.length, 0);
  // The server's own measure of each room's day (bots, engine, projection), from /api/metrics.
  const serverTicks = await Promise.all(
    urls.map((url) =>
      fetch(`${url.replace(/^ws/, "http")}/api/metrics`, {
        headers: { "x-admin-secret": LOADTEST_ADMIN_SECRET },
      })
        .then((r) =>
          r.ok
            ? (r.json() as Promise<{ ticks: { p50: number; p99: number; max: number; ticks: number } }>)
            : null,
        )
        .catch(() => null),
    ),
  );
  const report = {
    rooms,
    clients: n,
    seconds: Number(wall.toFixed(1)),
    pace,
    tickIntervalMs: {
      expected,
      p50: percentile(intervals, 50),
      p99: percentile(intervals, 99),
      max: intervals.at(-1) ?? NaN,
    },
    tickJitterMs: { p50: percentile(jitter, 50), p99: percentile(jitter, 99) },
    serverTickMs:
      serverTicks.length === 1
        ? (serverTicks[0]?.ticks ?? "n/a (server started elsewhere without ADMIN_SECRET)")
        : Object.fromEntries(serverTicks.map((t, i) => [`process${i + 1}`, t?.ticks ?? "n/a"])),
    ticksPerSecondAllRooms: ticks / wall,
    serverCpuShareOfOneCore: cpuUsed === null ? null : cpuUsed / wall,
    serverCpuMsPerRoomTick: cpuUsed === null || ticks === 0 ? null : (cpuUsed * 1000) / ticks,
    rssMb: rss.length ? { last: rss.at(-1), max: Math.max(...rss) } : null,
    bytesPerClientPerSecond: bytes / n / wall,
    messagesPerClientPerSecond: messages / n / wall,
    messagesPerSecondAll: messages / wall,
    commands: { sent: counters.sent, acked: counters.acks, perSecond: counters.sent / wall },
    commandRoundTripMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99) },
    errors: Object.fromEntries(counters.errors),
    disconnects: counters.disconnects,
  };
  printTable(report);
  if (values.json) writeFileSync(values.json, JSON.stringify(report, null, 2));
  await leaveAll(made);
} finally {
  await server?.stop();
  clearTimeout(hardStop);
}
process.exit(0);

function printTable(r: Record<string, unknown>): void {
  const fmt = (v: unknown): string =>
    typeof v === "number"
      ? Number.isInteger(v)
        ? String(v)
        : v.toFixed(v < 10 ? 3 : 1)
      : v && typeof v === "object"
        ? Object.entries(v)
            .map(([k, x]) => `${k} ${fmt(x)}`)
            .join(", ")
        : String(v);
  const rows = Object.entries(r).map(([k, v]) => [k, fmt(v)] as const);
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
}
