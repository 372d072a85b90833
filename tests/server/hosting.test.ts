/**
 * Leasing into a full region over a real server and real colyseus.js clients (issue #13 §3): one company
 * takes every free kW of a small region; the other's lease is refused there (the engine's reason and a
 * quote with the queue), it joins the queue instead, sees its request in its private view, and is
 * served (a lease in its view, the request gone) once the first gives space back and the days run.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import type { PreviewReply } from "../../shared/protocol/index.ts";
import { next, pausedPair, previewCommand, until, type AnyRoom } from "../helpers/rooms.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
const SECRET = "hosting-secret-0123456789";
const REGION = "om-salalah";

beforeAll(async () => {
  server = await startTestServer(2850);
});
afterAll(async () => {
  await server.stop();
  cleanup(server);
});

const ask = (room: AnyRoom, ref: string, command: object) => previewCommand<PreviewReply>(room, ref, command);

const priv = (room: AnyRoom, seat: string) => room.state.companies.get(seat)?.priv;
const deals = (room: AnyRoom, seat: string) => [...(priv(room, seat)?.hosting?.values() ?? [])];
const leaseKw = (room: AnyRoom, seat: string): number =>
  [...(priv(room, seat)?.leases ?? [])].find((l: { region: string }) => l.region === REGION)?.kw ?? 0;

describe("a lease into a full region", () => {
  it("is refused, queues, shows in the view, and is served when space frees", async () => {
    const {
      host,
      first: first,
      second: second,
    } = await pausedPair(Client, server.ws, {
      scenario: "halving-2020",
      name: "Hosting",
      hostSecret: SECRET,
    });

    // The first company takes every free kW of the region.
    const probe = await ask(first, "p0", { type: "leaseCapacity", region: REGION, kw: 1 });
    if (probe.quote?.kind !== "lease") throw new Error("no lease quote");
    const free = probe.quote.freeKw;
    expect(free).toBeGreaterThan(600);
    first.send("command", { ref: "take", command: { type: "leaseCapacity", region: REGION, kw: free } });
    await next(first, "ack");
    await until(() => leaseKw(first, "p1") === free);

    // The second is refused with the engine's reason, and told the queue and the wait.
    const lease = { type: "leaseCapacity", region: REGION, kw: 500 };
    const refused = await ask(second, "p1", lease);
    expect(refused.ok).toBe(false);
    expect(refused.error?.code).toBe("NO_CAPACITY");
    const queued = await ask(second, "p2", { ...lease, queue: true });
    expect(queued.ok).toBe(true);
    if (queued.quote?.kind !== "lease") throw new Error("no lease quote");
    expect(queued.quote.waitDays).toBeGreaterThan(0);
    second.send("command", { ref: "queue", command: { ...lease, queue: true } });
    await next(second, "ack");
    await until(() => deals(second, "p2").some((d: { kind: string }) => d.kind === "queue"));
    expect(leaseKw(second, "p2")).toBe(0);

    // Space frees: the first gives 500 kW back, the days run, and the queue serves the second.
    first.send("command", { ref: "give", command: { type: "releaseCapacity", region: REGION, kw: 500 } });
    await next(first, "ack");
    host.send("host", { action: { type: "resume" } });
    await until(() => leaseKw(second, "p2") === 500);
    expect(deals(second, "p2").some((d: { kind: string }) => d.kind === "queue")).toBe(false);
    await Promise.all([first.leave(), second.leave(), host.leave()]);
  });
});
