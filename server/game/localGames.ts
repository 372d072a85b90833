/**
 * The games this process runs now, by join code. A new room draws a code no local game holds, and the
 * ownership supervision (server/supervise.ts) lists this process's rooms from here rather than from the
 * matchmaking driver: with several processes that is Redis, and a lease renewal must not wait on Redis
 * (the database alone decides who owns a game).
 */
const roomByCode = new Map<string, string>();

export function addLocalGame(code: string, roomId: string): void {
  roomByCode.set(code, roomId);
}

export function removeLocalGame(code: string): void {
  roomByCode.delete(code);
}

export function codeInUseHere(code: string): boolean {
  return roomByCode.has(code);
}

export function localGameIds(): string[] {
  return [...roomByCode.values()];
}
