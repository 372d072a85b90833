/**
 * Prometheus /metrics (issue #15 §3), scraped over real HTTP from a real server before and after a
 * game's commands: rooms, clients, ticks, store writes and refused messages move; the event-loop lag is
 * there; METRICS_TOKEN keeps other scrapers out. Two registries in one process do not collide.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";
import { next, pausedPair } from "../helpers/rooms.ts";
import { createMetrics } from "../../server/metricsRegistry.ts";
import type { GameStore } from "../../server/store/store.ts";

const TOKEN = "metrics-token-0123456789";
let server: TestServer;

/** One sample's value from the exposition text (labels as written, e.g. `{code="X"}`); 0 when absent. */
function sample(text: string, name: string, labels = ""): number {
  const line = text.split("\n").find((l) => l.startsWith(`${name}${labels} `));
  return line ? Number(line.split(" ")[1]) : 0;
}

async function scrape(): Promise<string> {
  const r = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(r.status).toBe(200);
  expect(r.headers.get("content-type")).toMatch(/^text\/plain/);
  return r.text();
}

describe("/metrics on a real server", () => {
  beforeAll(async () => {
    server = await startTestServer(2985, undefined, { METRICS_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await server?.stop();
    if (server) cleanup(server);
  });

  it("refuses a scraper without the token", async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${server.url}/metrics`, {
      headers: { authorization: "Bearer nope-nope-nope" },
    });
    expect(wrong.status).toBe(401);
  });

  it("moves with a game's commands: rooms, clients, ticks, store writes, refusals by code", async () => {
    const before = await scrape();
    expect(before).toContain("nodejs_eventloop_lag_seconds ");
    expect(sample(before, "atlas_clients")).toBe(0);
    const { host, first, second } = await pausedPair(Client, server.ws, {
      scenario: "halving-2020",
      name: "Measured",
      hostSecret: "metrics-secret-0123456789",
    });
    first.send("command", { ref: "bad", command: { type: "noSuchCommand" } }); // refused: malformed
    const refused = await next<{ code: string }>(first, "error");
    const after = await scrape();
    expect(sample(after, "atlas_clients")).toBe(3);
    expect(sample(after, "atlas_rooms")).toBeGreaterThanOrEqual(1);
    expect(sample(after, "atlas_tick_duration_seconds_count")).toBeGreaterThanOrEqual(1);
    expect(sample(after, "atlas_tick_duration_seconds_sum")).toBeGreaterThan(0);
    expect(sample(after, "atlas_rejected_messages_total", `{code="${refused.code}"}`)).toBe(1);
    expect(sample(after, "atlas_store_write_seconds_count", '{write="saveProgress"}')).toBeGreaterThan(0);
    expect(sample(after, "atlas_store_write_seconds_count", '{write="saveSession"}')).toBeGreaterThan(0);
    expect(sample(after, "atlas_store_writable")).toBe(1);
    expect(sample(after, "atlas_store_write_failures_total", '{write="recordDay"}')).toBe(0);
    await Promise.all([host.leave(), first.leave(), second.leave()]);
    let clients = 3;
    const counting = async () => (clients = sample(await scrape(), "atlas_clients"));
    await counting();
    // The server notices the leaves on its own time: scrape until it has (state, not a sleep).
    const deadline = Date.now() + 15_000;
    while (clients > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 25));
      await counting();
    }
    expect(clients).toBe(0);
  }, 60_000);
});

describe("registries", () => {
  it("are one per server: two in one process register the same names without a clash", async () => {
    const a = createMetrics();
    const b = createMetrics();
    expect(await a.registry.getSingleMetricAsString("atlas_rooms")).toContain("atlas_rooms");
    expect(await b.registry.getSingleMetricAsString("atlas_rooms")).toContain("atlas_rooms");
    a.stop();
    b.stop();
  });

  it("count a store's failed writes and outages through its interface, other members passing through", async () => {
    const metrics = createMetrics();
    let down: ((reason: string) => void) | undefined;
    const store = {
      writable: false,
      pendingWrites: 4,
      onUnavailable: (l: (reason: string) => void) => ((down = l), () => undefined),
      saveProgress: () => Promise.reject(new Error("never stored")),
      recordDay: () => Promise.resolve(),
      session: () => Promise.resolve(null),
    } as unknown as GameStore;
    const metered = metrics.meterStore(store);
    down?.("the disk is full");
    await expect(metered.saveProgress("r", {} as never)).rejects.toThrow("never stored");
    await metered.recordDay("r", {} as never, {} as never);
    expect(await metered.session("r")).toBeNull();
    const text = await metrics.registry.metrics();
    expect(sample(text, "atlas_store_write_failures_total", '{write="saveProgress"}')).toBe(1);
    expect(sample(text, "atlas_store_write_seconds_count", '{write="recordDay"}')).toBe(1);
    expect(sample(text, "atlas_store_unavailable_total")).toBe(1);
    expect(sample(text, "atlas_store_writable")).toBe(0);
    expect(sample(text, "atlas_store_pending_writes")).toBe(4);
    metrics.stop();
  });
});
