/** Waiting on real colyseus.js rooms in tests: the next message of a type, or a condition. */
import type { Client as ColyseusClient, Room } from "colyseus.js";

export type AnyRoom = Room<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Welcome {
  role: string;
  seat: string | null;
  seatToken: string | null;
  code: string;
  scenario: string;
}

/** The next message of `type` on `room`, or a rejection naming it after `timeout` ms. */
export function next<T>(room: AnyRoom, type: string, timeout = 5_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${type}" message within ${timeout} ms`)), timeout);
    const off = room.onMessage(type, (m: T) => {
      clearTimeout(timer);
      off();
      resolve(m);
    });
  });
}

export const welcome = (room: AnyRoom, timeout?: number) => next<Welcome>(room, "welcome", timeout);

/** Polls `check` every 25 ms until it holds; throws after `timeout` ms. */
export async function until(check: () => boolean, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * A private two-seat game over real colyseus.js clients: created by a host, joined by two players,
 * started and paused on its first day, so that a test gives its commands to a still world.
 */
export async function pausedPair(
  Client: typeof ColyseusClient,
  ws: string,
  options: { scenario: string; name: string; hostSecret: string },
): Promise<{ host: AnyRoom; first: AnyRoom; second: AnyRoom }> {
  const host = await new Client(ws).create("game", { ...options, seats: 2, pace: 16, visibility: "private" });
  await next(host, "welcome");
  const first = await new Client(ws).joinById(host.roomId, { name: "Ana" });
  await next(first, "welcome");
  const second = await new Client(ws).joinById(host.roomId, { name: "Bo" });
  await next(second, "welcome");
  host.send("host", { action: { type: "start" } });
  await until(() => host.state.tick >= 1);
  host.send("host", { action: { type: "pause" } });
  await until(() => first.state.phase === "paused" && second.state.phase === "paused");
  return { host, first, second };
}

/** Asks the room what the engine would say of `command` (a preview), and waits for the answer to `ref`. */
export function previewCommand<T extends { ref?: string }>(
  room: AnyRoom,
  ref: string,
  command: object,
): Promise<T> {
  const answer = new Promise<T>((resolve) => {
    const off = room.onMessage("preview", (m: T) => m.ref === ref && (off(), resolve(m)));
  });
  room.send("preview", { ref, kind: "command", command });
  return answer;
}
