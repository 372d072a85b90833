import { describe, expect, it, vi } from "vitest";
import { privateView } from "../helpers/views.ts";

vi.mock("virtual:atlas-catalog", () => ({
  default: { scenarios: [], regions: [{ id: "us-tx", name: { en: "Texas", zh: "得州" } }], hubs: [] },
}));

const { fleetKey, placeName, ratioBps } = await import("../../client/src/ui/fleet.ts");
const { seatActions } = await import("../../client/src/ui/teacher.ts");
const { canJoin } = await import("../../client/src/ui/lobby.ts");
const { reasonOf } = await import("../../client/src/ui/act.ts");
const { RequestError } = await import("../../client/src/net/pending.ts");

describe("fleet panel helpers", () => {
  it("turns a typed percentage into basis points", () => {
    expect(ratioBps(25)).toBe(2500);
    expect(ratioBps(150)).toBe(10_000);
    expect(ratioBps(-3)).toBe(0);
    expect(ratioBps(Number.NaN)).toBe(0);
  });

  it("names places", () => {
    expect(placeName("us-tx")).toBe("Texas");
    expect(placeName("nowhere")).toBe("nowhere");
  });

  it("redraws only when the fleet changes", () => {
    const p = privateView();
    expect(fleetKey(p)).toBe(fleetKey({ ...p, cashCents: 9900 }));
    expect(fleetKey(p)).not.toBe(fleetKey({ ...p, sellRatioBps: 5000 }));
  });
});

describe("teacher console helpers", () => {
  it("hands humans to bots and takes bots back", () => {
    expect(seatActions({ bot: false, bankrupt: false })).toEqual(["botSeat", "kick"]);
    expect(seatActions({ bot: true, bankrupt: false })).toEqual(["humanSeat", "kick"]);
    expect(seatActions({ bot: false, bankrupt: true })).toEqual([]);
  });

  it("shows the server's reason in the chosen language", () => {
    expect(reasonOf(new RequestError("NOT_HOST", { en: "Host only.", zh: "仅限主持人。" }))).toBe(
      "Host only.",
    );
    expect(reasonOf(new Error("x"))).toBe("x");
  });
});

describe("the lobby's list of games", () => {
  it("offers Join to a running game (its players come back through it), not to an ended one or a full lobby", () => {
    expect(canJoin({ phase: "running", taken: 4, seats: 4 })).toBe(true);
    expect(canJoin({ phase: "lobby", taken: 2, seats: 4 })).toBe(true);
    expect(canJoin({ phase: "lobby", taken: 4, seats: 4 })).toBe(false);
    expect(canJoin({ phase: "ended", taken: 1, seats: 4 })).toBe(false);
  });
});
