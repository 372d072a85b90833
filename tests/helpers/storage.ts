/** A browser's localStorage in memory, kept across "reloads" (new client objects) within a test. */
import type { KeyValue } from "../../client/src/net/storage.ts";

export function memoryStorage(): KeyValue {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
  };
}
