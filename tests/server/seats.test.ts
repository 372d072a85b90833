/**
 * Who gets a seat: a player joining takes the first open one; the host takes one only in a game where
 * the host plays (hostPlays), otherwise hosts and watches everyone. Pure session logic, no network.
 */
import { describe, expect, it } from "vitest";
import { createOptionsSchema } from "../../shared/protocol/index.ts";
import { GameSession } from "../../server/game/session.ts";
import { scenario } from "../helpers/game.ts";

const SECRET = "a-host-secret-long-enough";

function session(extra: Record<string, unknown>) {
  const options = createOptionsSchema.parse({
    scenario: "halving-2020",
    seats: 2,
    hostSecret: SECRET,
    name: "Lab",
    ...extra,
  });
  return GameSession.create(scenario("halving-2020"), options, "ABC234", 7);
}

describe("seats", () => {
  it("keep the host off the seats by default (a classroom's teacher)", () => {
    const s = session({ classroom: true });
    const host = s.join("h", { name: "Teacher", role: "player", hostSecret: SECRET }, 0);
    expect(host).toMatchObject({ role: "host", seat: null, seatToken: null });
    expect(s.join("a", { name: "Ann", role: "player" }, 0)).toMatchObject({ role: "player", seat: "p1" });
  });

  it("give the host a seat of their own when the host plays, with a token to take it back", () => {
    const s = session({ hostPlays: true });
    const host = s.join("h", { name: "Hana", role: "player", hostSecret: SECRET }, 0);
    expect(host).toMatchObject({ role: "host", seat: "p1" });
    if ("code" in host) throw new Error("host refused");
    expect(host.seatToken).toMatch(/.{16,}/);
    expect(s.seats[0]).toMatchObject({ kind: "human", name: "Hana" });
    expect(s.join("a", { name: "Ann", role: "player" }, 0)).toMatchObject({ role: "player", seat: "p2" });

    // A reload: the host comes back with the secret and the token, to the same seat, still host.
    s.drop("h", 1);
    const back = s.join(
      "h2",
      { name: "", role: "player", hostSecret: SECRET, seatToken: host.seatToken! },
      2,
    );
    expect(back).toMatchObject({ role: "host", seat: "p1", seatToken: host.seatToken });
    expect(s.seats.filter((x) => x.kind === "human")).toHaveLength(2);
  });

  it("let a playing host still host when every seat is taken, and send a late player to watch", () => {
    const s = session({ hostPlays: true, seats: 1 });
    expect(s.join("a", { name: "Ann", role: "player" }, 0)).toMatchObject({ seat: "p1" });
    expect(s.join("h", { name: "Hana", role: "player", hostSecret: SECRET }, 0)).toMatchObject({
      role: "host",
      seat: null,
    });
    expect(s.join("b", { name: "Bo", role: "player" }, 0)).toMatchObject({ code: "BAD_SEAT" });
    s.host({ type: "start" });
    expect(s.join("c", { name: "Cy", role: "player" }, 0)).toMatchObject({ role: "spectator", seat: null });
  });

  it("let a playing host act for their own company", () => {
    const s = session({ hostPlays: true });
    s.join("h", { name: "Hana", role: "player", hostSecret: SECRET }, 0);
    s.host({ type: "start" });
    const result = s.command("h", { type: "setSellRatio", ratioBps: 2500 });
    expect(result.ok).toBe(true);
    expect(s.state.companies.find((c) => c.id === "p1")?.sellRatioBps).toBe(2500);
  });
});

describe("the creator's join", () => {
  it("names the creator's seat by their nickname, not the room's name", async () => {
    const { joinOptionsOf, joinOptionsSchema } = await import("../../shared/protocol/index.ts");
    const create = {
      scenario: "sandbox",
      name: "Ada's game",
      nickname: "Ada",
      hostSecret: SECRET,
      hostPlays: true,
    };
    const s = session({ hostPlays: true });
    const joined = s.join("h", joinOptionsSchema.parse(joinOptionsOf(create)), 0);
    expect(joined).toMatchObject({ role: "host", seat: "p1" });
    expect(s.seats[0]?.name).toBe("Ada");
    // Everyone else's join options are left as they are.
    expect(joinOptionsOf({ name: "Bo" })).toEqual({ name: "Bo" });
  });
});

describe("a player who is away", () => {
  /** Commands logged for a seat between two ticks. */
  const loggedFor = (s: GameSession, seat: string, fromTick: number) =>
    s.log.actions.filter(
      (a) => a.tick >= fromTick && a.actor.kind === "company" && a.actor.companyId === seat,
    );

  it("is not stood in for within the reconnection window; after it, a bot takes the seat and plays", () => {
    const s = session({ seats: 1, reconnectSeconds: 60 });
    s.join("s1", { name: "Mei", role: "player" }, 0);
    s.host({ type: "start" });
    for (let d = 0; d < 3; d++) s.tick();
    s.drop("s1", 1_000);
    const from = s.state.tick;
    // A long absence inside the window (a closed tab, a reload): 120 game days and nobody acts for Mei.
    for (let d = 0; d < 120; d++) s.tick();
    expect(s.expireDropped(60_000)).toEqual([]); // 59 s away: still within the window
    expect(loggedFor(s, "p1", from)).toEqual([]);
    expect(s.seats[0]?.kind).toBe("human");
    // Past the window the seat is the bot's, and the bot plays it from then on.
    expect(s.expireDropped(61_001)).toEqual(["p1"]);
    const handed = s.state.tick;
    for (let d = 0; d < 120 && loggedFor(s, "p1", handed).length === 0; d++) s.tick();
    expect(loggedFor(s, "p1", handed).length).toBeGreaterThan(0);
  });
});
