/**
 * A request sent twice is done once: the same ref from the same connection (a retry, a message sent
 * again) is answered again, the same way, and the game changes once. A new ref is a new request.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import { type AnyRoom, until, welcome } from "../helpers/rooms.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(2760);
});
afterAll(async () => {
  await server.stop();
  cleanup(server);
});

/** Every answer (ack or error) the room sends back for a ref. */
function answers(room: AnyRoom): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const note = (ref: string | undefined, what: string) =>
    ref && seen.set(ref, [...(seen.get(ref) ?? []), what]);
  room.onMessage("ack", (m: { ref: string }) => note(m.ref, "ack"));
  room.onMessage("error", (m: { ref?: string; code: string }) => note(m.ref, m.code));
  return seen;
}

describe("a repeated request id", () => {
  it("is done once and answered each time", async () => {
    const host = await new Client(server.ws).create("game", {
      scenario: "halving-2020",
      seats: 1,
      pace: 0.25,
      hostSecret: "dedupe-secret-0123456789",
      name: "Lab",
    });
    await welcome(host);
    const player = await new Client(server.ws).joinById(host.roomId, { name: "Kai" });
    await welcome(player);
    const seen = answers(player);
    host.send("host", { action: { type: "start" } });
    await until(() => player.state.phase === "running");

    const order = { type: "orderMachines", model: "s17-pro", quantity: 3 };
    for (let i = 0; i < 3; i++) player.send("command", { ref: "buy-1", command: order });
    await until(() => seen.get("buy-1")?.length === 3);
    expect(seen.get("buy-1")).toEqual(["ack", "ack", "ack"]);

    // A refusal repeats as the same refusal; a new ref is a new order.
    const tooMany = { type: "orderMachines", model: "s17-pro", quantity: 99_999 };
    player.send("command", { ref: "big", command: tooMany });
    player.send("command", { ref: "big", command: tooMany });
    player.send("command", { ref: "buy-2", command: order });
    await until(() => seen.get("big")?.length === 2 && seen.get("buy-2")?.length === 1);
    expect(seen.get("big")).toEqual(["INSUFFICIENT_CASH", "INSUFFICIENT_CASH"]);
    expect(seen.get("buy-2")).toEqual(["ack"]);
    // A later change seen in the state means every earlier one has arrived: exactly two orders.
    player.send("command", { ref: "mark", command: { type: "setSellRatio", ratioBps: 1234 } });
    await until(() => player.state.companies.get("p1")?.priv?.sellRatioBps === 1234);
    expect(player.state.companies.get("p1")?.priv?.lots.size).toBe(2);
    await Promise.all([player.leave(), host.leave()]);
  }, 60_000);
});
