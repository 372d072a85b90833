/**
 * What the browser remembers between visits: the nickname, the host secret of games it created, and the
 * seat token of the last game (to take the same seat back after a reload). Pure over a Storage-like
 * object so that it is testable without a DOM.
 */
export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface LastSeat {
  roomId: string;
  code: string;
  name: string;
  seatToken: string | null;
  hostSecret: string | null;
  role: "player" | "spectator";
}

const NAME = "atlas.name";
const LAST = "atlas.lastSeat";

export class SeatStore {
  constructor(private readonly kv: KeyValue) {}

  name(): string {
    return this.kv.getItem(NAME) ?? "";
  }

  setName(name: string): void {
    this.kv.setItem(NAME, name);
  }

  last(): LastSeat | null {
    try {
      const v = JSON.parse(this.kv.getItem(LAST) ?? "null") as Partial<LastSeat> | null;
      if (!v || typeof v.roomId !== "string" || typeof v.code !== "string") return null;
      return {
        roomId: v.roomId,
        code: v.code,
        name: typeof v.name === "string" ? v.name : "",
        seatToken: typeof v.seatToken === "string" ? v.seatToken : null,
        hostSecret: typeof v.hostSecret === "string" ? v.hostSecret : null,
        role: v.role === "spectator" ? "spectator" : "player",
      };
    } catch {
      return null;
    }
  }

  setLast(seat: LastSeat): void {
    this.kv.setItem(LAST, JSON.stringify(seat));
  }

  clearLast(): void {
    this.kv.removeItem(LAST);
  }
}

/** localStorage when it works, else memory (private modes, tests). */
export function browserStorage(): KeyValue {
  try {
    const probe = "atlas.probe";
    localStorage.setItem(probe, "1");
    localStorage.removeItem(probe);
    return localStorage;
  } catch {
    const mem = new Map<string, string>();
    return {
      getItem: (k) => mem.get(k) ?? null,
      setItem: (k, v) => void mem.set(k, v),
      removeItem: (k) => void mem.delete(k),
    };
  }
}

/** A host secret from the browser's cryptographic generator (the protocol wants 16–128 characters). */
export function newHostSecret(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
