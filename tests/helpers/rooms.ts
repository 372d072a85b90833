/** Waiting on real colyseus.js rooms in tests: the next message of a type, or a condition. */
import type { Room } from "colyseus.js";

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
