/**
 * How the panels ask the server: the previewer waits for typing to settle, keeps one request in flight,
 * drops answers to questions no longer asked and keeps the last answer while a day's refresh runs; the
 * façade's pending requests resolve with the preview's body; the projection's new fields reach the view.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PreviewReply } from "../../shared/protocol/index.ts";
import { PendingRequests, RequestError } from "../../client/src/net/pending.ts";
import { Previewer, type PreviewState } from "../../client/src/ui/previewer.ts";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A fake server: each ask waits until the test answers it. */
function fakeServer() {
  const calls: { key: string; answer(r: PreviewReply): void; fail(e: Error): void }[] = [];
  const ask = (key: string) => () =>
    new Promise<PreviewReply>((resolve, reject) => calls.push({ key, answer: resolve, fail: reject }));
  return { calls, ask };
}

describe("the previewer", () => {
  it("asks once typing settles, shows pending meanwhile, then the answer", async () => {
    const states: PreviewState[] = [];
    const p = new Previewer((s) => states.push(s));
    const server = fakeServer();
    p.ask({ key: "a", ask: server.ask("a") });
    p.ask({ key: "ab", ask: server.ask("ab") });
    expect(p.state.status).toBe("pending");
    await vi.advanceTimersByTimeAsync(300);
    expect(server.calls.map((c) => c.key)).toEqual(["ab"]);
    server.calls[0]?.answer({ ok: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(p.state).toEqual({ status: "done", reply: { ok: true } });
  });

  it("keeps one request in flight and drops the answer to a question no longer asked", async () => {
    const p = new Previewer(() => undefined);
    const server = fakeServer();
    p.ask({ key: "one", ask: server.ask("one") }, true);
    await vi.advanceTimersByTimeAsync(0);
    p.ask({ key: "two", ask: server.ask("two") }, true);
    await vi.advanceTimersByTimeAsync(0);
    expect(server.calls.map((c) => c.key)).toEqual(["one"]); // "two" waits for "one" to come back
    server.calls[0]?.answer({ ok: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(p.state.status).toBe("pending"); // the answer to "one" is not shown for "two"
    expect(server.calls.map((c) => c.key)).toEqual(["one", "two"]);
    server.calls[1]?.answer({ ok: false, error: { code: "X", message: { en: "no", zh: "不" } } });
    await vi.advanceTimersByTimeAsync(0);
    expect(p.state.status === "done" && p.state.reply.ok).toBe(false);
  });

  it("refreshes as days pass without flickering back to pending, at most every 1.5 s", async () => {
    const states: string[] = [];
    const p = new Previewer((s) => states.push(s.status));
    const server = fakeServer();
    p.ask({ key: "k", ask: server.ask("k") }, true);
    await vi.advanceTimersByTimeAsync(0);
    server.calls[0]?.answer({ ok: true });
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 10; i++) p.refresh();
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.calls.length).toBe(1);
    await vi.advanceTimersByTimeAsync(600);
    expect(server.calls.length).toBe(2);
    expect(states).toEqual(["pending", "done"]);
  });

  it("reports a refusal to answer with its code and reason, and goes idle with nothing to ask", async () => {
    const p = new Previewer(() => undefined);
    const server = fakeServer();
    p.ask({ key: "k", ask: server.ask("k") }, true);
    await vi.advanceTimersByTimeAsync(0);
    server.calls[0]?.fail(new RequestError("SPECTATOR", { en: "Watch only.", zh: "仅观看。" }));
    await vi.advanceTimersByTimeAsync(0);
    expect(p.state).toEqual({
      status: "failed",
      code: "SPECTATOR",
      reason: { en: "Watch only.", zh: "仅观看。" },
    });
    p.ask(null);
    expect(p.state).toEqual({ status: "idle" });
  });
});

describe("the façade's requests", () => {
  it("resolve with the reply's body, and time out cleanly", async () => {
    const pending = new PendingRequests(1000);
    const a = pending.open<PreviewReply>();
    expect(pending.ack(a.ref, { ok: true })).toBe(true);
    await expect(a.done).resolves.toEqual({ ok: true });
    const b = pending.open<PreviewReply>();
    const late = expect(b.done).rejects.toMatchObject({ code: "TIMEOUT" });
    await vi.advanceTimersByTimeAsync(1001);
    await late;
    expect(pending.size).toBe(0);
  });
});
