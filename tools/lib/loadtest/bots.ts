/**
 * Bot-like clients for the load test: per room a host (which starts the game and watches the tick
 * cadence) and players that send a plausible command every few seconds. Every client counts the bytes
 * and messages its WebSocket receives.
 */
import { Client, type Room } from "colyseus.js";
import { MAX_SEATS } from "../../../shared/protocol/constants.ts";

type AnyRoom = Room<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Counters {
  bytes: number;
  messages: number;
  sent: number;
  acks: number;
  errors: Map<string, number>;
  /** Milliseconds from a command to its ack. */
  latencies: number[];
  disconnects: number;
}

export function newCounters(): Counters {
  return { bytes: 0, messages: 0, sent: 0, acks: 0, errors: new Map(), latencies: [], disconnects: 0 };
}

export interface LoadRoom {
  host: AnyRoom;
  players: AnyRoom[];
  /** Wall-clock milliseconds between successive ticks seen by the host (state patches). */
  intervals: number[];
  ticks: { first: number; last: number };
}

/** Counts what the client's socket receives (colyseus.js keeps the `ws` socket on its transport). */
function hook(room: AnyRoom, counters: Counters): void {
  const transport = room.connection.transport as unknown as {
    ws?: { addEventListener(type: "message", fn: (e: { data: unknown }) => void): void };
  };
  transport.ws?.addEventListener("message", (e) => {
    counters.messages++;
    const data = e.data;
    counters.bytes +=
      data instanceof ArrayBuffer
        ? data.byteLength
        : ArrayBuffer.isView(data)
          ? data.byteLength
          : Buffer.byteLength(String(data));
  });
  room.onMessage("*", () => undefined);
  room.onMessage("error", (m: { code?: string }) => {
    const code = String(m.code ?? "?");
    counters.errors.set(code, (counters.errors.get(code) ?? 0) + 1);
  });
  room.onLeave((code) => {
    if (code !== 1000 && code !== 4000) counters.disconnects++;
  });
}

const SECRET = "loadtest-host-secret-0123456789";

async function inBatches<T>(items: (() => Promise<T>)[], size: number): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(...(await Promise.all(items.slice(i, i + size).map((f) => f()))));
  return out;
}

/** Creates the rooms and joins everyone (in batches, so that joining is not the load being measured). */
export async function setUpRooms(
  ws: string,
  rooms: number,
  clientsPerRoom: number,
  pace: number,
  scenario: string,
  counters: Counters,
): Promise<LoadRoom[]> {
  const players = Math.max(0, clientsPerRoom - 1);
  const made = await inBatches(
    Array.from({ length: rooms }, (_, i) => async (): Promise<LoadRoom> => {
      const host = await new Client(ws).create("game", {
        scenario,
        seats: Math.min(MAX_SEATS, Math.max(1, players)), // a room of 41 clients: a class of 40 and its host
        pace,
        hostSecret: SECRET,
        name: `Load ${i + 1}`,
        seed: i + 1,
      });
      hook(host, counters);
      return { host, players: [], intervals: [], ticks: { first: -1, last: -1 } };
    }),
    10,
  );
  const joins = made.flatMap((room, r) =>
    Array.from({ length: players }, (_, k) => async () => {
      const p = await new Client(ws).joinById(room.host.roomId, {
        name: `Bot ${r + 1}.${k + 1}`,
        role: k < MAX_SEATS ? "player" : "spectator",
      });
      hook(p, counters);
      room.players.push(p);
    }),
  );
  await inBatches(joins, 25);
  return made;
}

/** Starts every game and watches each room's tick cadence from its host. */
export function startRooms(rooms: LoadRoom[]): void {
  for (const room of rooms) {
    let lastAt = 0;
    room.host.onStateChange((state: { tick: number }) => {
      if (state.tick === room.ticks.last) return;
      const now = performance.now();
      if (room.ticks.first < 0) room.ticks.first = state.tick;
      else if (lastAt > 0 && state.tick === room.ticks.last + 1) room.intervals.push(now - lastAt);
      room.ticks.last = state.tick;
      lastAt = now;
    });
    room.host.send("host", { action: { type: "start" } });
  }
}

const MODELS = ["s19-pro", "s19j-pro", "s19"];

/** One plausible command, as a player would give it. */
function plausible(n: number): Record<string, unknown> {
  switch (n % 4) {
    case 0:
      return { type: "orderMachines", model: MODELS[n % MODELS.length], quantity: 1 + (n % 3) };
    case 1:
      return { type: "setSellRatio", ratioBps: (n * 977) % 10_001 };
    case 2:
      return { type: "setPayout", payout: n % 8 === 2 ? "solo" : "pool" };
    default:
      return { type: "sellBtc", sats: 1_000 };
  }
}

/** Every player sends a command every `everyMs` (with jitter) until `stop()`; acks are timed. */
export async function playUntil(
  rooms: LoadRoom[],
  everyMs: number,
  counters: Counters,
  stop: () => boolean,
): Promise<void> {
  const loops = rooms.flatMap((room) =>
    room.players.map(async (p, k) => {
      const pending = new Map<string, number>();
      p.onMessage("ack", (m: { ref: string }) => {
        const at = pending.get(m.ref);
        if (at !== undefined) counters.latencies.push(performance.now() - at);
        pending.delete(m.ref);
        counters.acks++;
      });
      await sleep(Math.random() * everyMs);
      for (let n = k; !stop(); n++) {
        if (!p.connection.isOpen) return;
        const ref = `c${n}`;
        pending.set(ref, performance.now());
        p.send("command", { ref, command: plausible(n) });
        counters.sent++;
        await sleep(everyMs * (0.5 + Math.random()));
      }
    }),
  );
  await Promise.all(loops);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function leaveAll(rooms: LoadRoom[]): Promise<void> {
  const all = rooms.flatMap((r) => [...r.players, r.host]);
  await Promise.race([Promise.all(all.map((room) => room.leave().catch(() => undefined))), sleep(5_000)]);
}
