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

  it("is not stood in for within the grace period; after it only the caretaker acts, marked as such", () => {
    const s = session({ seats: 1, standInAfterSeconds: 60 });
    s.join("s1", { name: "Mei", role: "player" }, 0);
    s.host({ type: "start" });
    for (let d = 0; d < 3; d++) s.tick();
    s.drop("s1", 1_000);
    const from = s.state.tick;
    // A long absence inside the grace period: 120 game days and nobody acts for Mei.
    expect(s.careForAway(60_000)).toEqual([]); // 59 s away
    for (let d = 0; d < 120; d++) s.tick();
    expect(loggedFor(s, "p1", from)).toEqual([]);
    // Past it the caretaker stands in; the seat stays Mei's (her token takes it back).
    expect(s.careForAway(61_001)).toEqual(["p1"]);
    expect(s.seats[0]).toMatchObject({ kind: "human", caretaker: true });
    expect(s.seats[0]?.token).toBeTruthy();
    for (let d = 0; d < 200; d++) s.tick();
    for (const a of loggedFor(s, "p1", from)) {
      expect(a.by).toBe("caretaker");
      expect(a.command).toMatchObject({ type: "powerLot", on: false });
    }
  });

  it("is never stood in for when the host chose never (the default outside classrooms)", () => {
    const s = session({ seats: 1 });
    expect(s.standInAfterMs).toBeNull();
    expect(session({ seats: 1, classroom: true }).standInAfterMs).toBe(300_000);
    s.join("s1", { name: "Mei", role: "player" }, 0);
    s.host({ type: "start" });
    s.drop("s1", 0);
    expect(s.careForAway(10 * 3_600_000)).toEqual([]);
    // The teacher changes it during the game: the caretaker stands in once past the new period.
    expect(s.host({ type: "standIn", seconds: 60 })).toBeNull();
    expect(s.standInAfterMs).toBe(60_000);
    expect(s.careForAway(10 * 3_600_000)).toEqual(["p1"]);
    s.host({ type: "standIn", seconds: null });
    expect(s.seats[0]?.caretaker).toBe(false);
    expect(s.careForAway(20 * 3_600_000)).toEqual([]);
  });

  it("marks a bot company's commands as the bot's, and a handed seat's as a stand-in's", () => {
    const s = session({ seats: 2, fillWithBots: true });
    const mei = s.join("s1", { name: "Mei", role: "player" }, 0);
    s.host({ type: "start" });
    s.host({ type: "botSeat", seat: "p1" });
    s.host({ type: "botSeat", seat: "p2", strategy: "efficiency" }); // a bot company stays one
    for (let d = 0; d < 60; d++) s.tick();
    const p1 = loggedFor(s, "p1", 0);
    const p2 = loggedFor(s, "p2", 0);
    expect(p1.length).toBeGreaterThan(0);
    expect(p1.every((a) => a.by === "standIn")).toBe(true);
    expect(p2.length).toBeGreaterThan(0);
    expect(p2.every((a) => a.by === "bot")).toBe(true);
    // Mei's own commands are refused while the bot plays; she takes the seat back and plays again.
    expect(s.command("s1", { type: "setSellRatio", ratioBps: 1234 })).toMatchObject({ ok: false });
    expect(s.takeAway("p1").length).toBeGreaterThan(0);
    expect(s.takeSeat({ seat: "p1" })).toBeNull();
    expect(s.command("s1", { type: "setSellRatio", ratioBps: 1234 })).toMatchObject({ ok: true });
    expect(s.log.actions.at(-1)?.by).toBeUndefined();
    expect("code" in mei).toBe(false);
  });

  it("keeps a locked seat with the bot until the host gives it back", () => {
    const s = session({ seats: 1 });
    s.join("s1", { name: "Mei", role: "player" }, 0);
    s.host({ type: "start" });
    s.host({ type: "botSeat", seat: "p1", lock: true });
    expect(s.takeSeat({ seat: "p1" })).toMatchObject({ code: "BAD_SEAT" });
    s.host({ type: "humanSeat", seat: "p1" });
    expect(s.seats[0]?.kind).toBe("human");
  });

  it("gives a seat to a named spectator: the old token lapses, the new holder gets one", () => {
    const s = session({ seats: 1 });
    const mei = s.join("s1", { name: "Mei", role: "player" }, 0);
    if ("code" in mei) throw new Error("refused");
    s.host({ type: "start" });
    s.drop("s1", 0);
    s.join("s2", { name: "Mei on a tablet", role: "player" }, 1); // no open seat: she watches
    expect(s.members.get("s2")).toMatchObject({ role: "spectator", name: "Mei on a tablet" });
    expect(s.host({ type: "assignSeat", seat: "p1", to: "s2" })).toBeNull();
    expect(s.members.get("s2")).toMatchObject({ role: "player", seat: "p1" });
    expect(s.seats[0]?.token).not.toBe(mei.seatToken);
    expect(s.roleFor({ role: "player", seatToken: mei.seatToken! })).toBe("spectator");
    expect(s.host({ type: "assignSeat", seat: "p1", to: "nobody" })).toMatchObject({ code: "BAD_SEAT" });
  });
});

describe("the caretaker", () => {
  it("switches off the away person's machines that lose money, and nothing else", () => {
    const options = createOptionsSchema.parse({
      scenario: "exodus-2021",
      seats: 1,
      standInAfterSeconds: 60,
      hostSecret: SECRET,
      name: "Lab",
    });
    const s = GameSession.create(scenario("exodus-2021"), options, "ABC234", 7);
    s.join("s1", { name: "Mei", role: "player" }, 0);
    s.host({ type: "start" });
    // A bot builds Mei a running fleet, then she takes the seat back and goes away.
    s.host({ type: "botSeat", seat: "p1", strategy: "cheap-power" });
    const running = () =>
      s.state.lots.filter((l) => l.owner === "p1" && l.status === "installed" && l.powered);
    for (let d = 0; d < 400 && running().length === 0; d++) s.tick();
    expect(running().length).toBeGreaterThan(0);
    s.host({ type: "humanSeat", seat: "p1" });
    s.drop("s1", 0);
    expect(s.careForAway(61_000)).toEqual(["p1"]);
    // Mining stops paying for power (today and on the month's average): the caretaker switches off.
    s.state.market.hashpriceMicroUsd = 1;
    s.state.market.hashpriceAvgMicroUsd = 1;
    const from = s.log.actions.length;
    s.tick();
    const done = s.log.actions.slice(from).filter((a) => a.actor.kind === "company" && a.by === "caretaker");
    expect(done.length).toBeGreaterThan(0);
    expect(done.every((a) => (a.command as { type: string; on?: boolean }).type === "powerLot")).toBe(true);
    expect(done.every((a) => (a.command as { on?: boolean }).on === false)).toBe(true);
    // Her summary tells both: what the bot did while it played, and what the caretaker switched off.
    const told = s.takeAway("p1").filter((a) => a.by === "caretaker");
    expect(told).toHaveLength(done.length);
    expect(told.every((a) => a.text.en.startsWith("Switched off"))).toBe(true);
  });
});
