import { describe, expect, it, vi } from "vitest";
import { Emitter } from "../../client/src/net/events.ts";
import { joinLink, normalizeCode } from "../../client/src/net/http.ts";
import { PendingRequests, RequestError } from "../../client/src/net/pending.ts";
import { SeatStore } from "../../client/src/net/storage.ts";
import { memoryStorage } from "../helpers/storage.ts";
import { pointAlong } from "../../client/src/map/geo.ts";

describe("client protocol helpers", () => {
  it("normalise join codes and build join links", () => {
    expect(normalizeCode(" abc234 ")).toBe("ABC234");
    expect(normalizeCode("abc 234")).toBe("ABC234"); // typed as read off the projector, in two halves
    expect(normalizeCode("ABC-234")).toBe("ABC234");
    expect(normalizeCode("ABC23O")).toBeNull(); // no letter O
    expect(normalizeCode("ABC2345")).toBeNull();
    expect(joinLink("http://x:5173", "/", "ABC234")).toBe("http://x:5173/?code=ABC234");
  });

  it("resolve a request on its ack and reject it on its error, with the reason in both languages", async () => {
    const p = new PendingRequests(1000);
    const a = p.open();
    const b = p.open();
    expect(a.ref).not.toBe(b.ref);
    expect(p.ack(a.ref)).toBe(true);
    await expect(a.done).resolves.toBeUndefined();
    expect(p.fail(b.ref, "NO_CASH", { en: "No cash.", zh: "现金不足。" })).toBe(true);
    const err = await b.done.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RequestError);
    expect((err as RequestError).reason.zh).toBe("现金不足。");
    expect(p.fail(undefined, "X", { en: "", zh: "" })).toBe(false);
    expect(p.ack("nobody")).toBe(false);
  });

  it("time out an unanswered request", async () => {
    vi.useFakeTimers();
    const p = new PendingRequests(50);
    const { done } = p.open();
    const caught = done.catch((e: unknown) => (e as RequestError).code);
    vi.advanceTimersByTime(60);
    await expect(caught).resolves.toBe("TIMEOUT");
    expect(p.size).toBe(0);
    vi.useRealTimers();
  });

  it("emit typed events until unsubscribed", () => {
    const e = new Emitter<{ n: number }>();
    const seen: number[] = [];
    const off = e.on("n", (x) => seen.push(x));
    e.emit("n", 1);
    off();
    e.emit("n", 2);
    expect(seen).toEqual([1]);
  });

  it("remember the nickname and the last seat, and forget garbage", () => {
    const kv = memoryStorage();
    const s = new SeatStore(kv);
    s.setName("Kai");
    expect(s.name()).toBe("Kai");
    const seat = {
      roomId: "r",
      code: "ABC234",
      name: "Kai",
      seatToken: "t".repeat(20),
      hostSecret: null,
      role: "player" as const,
    };
    s.setLast(seat);
    expect(s.last()).toEqual(seat);
    kv.setItem("atlas.lastSeat", "{not json");
    expect(s.last()).toBeNull();
    s.setLast(seat);
    s.clearLast();
    expect(s.last()).toBeNull();
  });

  it("place a shipment along its path by length", () => {
    const path = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 30 },
    ];
    expect(pointAlong(path, 0)).toEqual({ x: 0, y: 0 });
    expect(pointAlong(path, 0.25)).toEqual({ x: 10, y: 0 });
    expect(pointAlong(path, 0.5)).toEqual({ x: 10, y: 10 });
    expect(pointAlong(path, 2)).toEqual({ x: 10, y: 30 });
    expect(pointAlong([], 0.5)).toBeNull();
  });
});
