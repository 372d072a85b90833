/** Authorization as a table: every (request, role, phase) and the verdict. */
import { describe, expect, it } from "vitest";
import { authorize, type ActorInfo, type Phase, type Request } from "../../server/game/authorize.ts";

const host: ActorInfo = { role: "host", seat: null };
const hostWithSeat: ActorInfo = { role: "host", seat: "p1" };
const player: ActorInfo = { role: "player", seat: "p2" };
const seatless: ActorInfo = { role: "player", seat: null };
const spectator: ActorInfo = { role: "spectator", seat: null };
const cmd: Request = { kind: "command" };
const h = (action: string): Request => ({ kind: "host", action });
const pv = (seat: string | null): Request => ({ kind: "preview", seat });

const table: [string, Request, ActorInfo, Phase, string | null][] = [
  ["a player commands while running", cmd, player, "running", null],
  ["a player commands while paused (plans during a pause)", cmd, player, "paused", null],
  ["a player cannot command before the start", cmd, player, "lobby", "NOT_RUNNING"],
  ["a player cannot command after the end", cmd, player, "ended", "GAME_OVER"],
  ["a spectator never commands", cmd, spectator, "running", "SPECTATOR"],
  ["a player without a seat cannot command", cmd, seatless, "running", "NOT_A_PLAYER"],
  ["a host without a seat cannot command a company", cmd, host, "running", "NOT_A_PLAYER"],
  ["a host with a seat plays it", cmd, hostWithSeat, "running", null],
  ["the host starts from the lobby", h("start"), host, "lobby", null],
  ["the host cannot start twice", h("start"), host, "running", "ALREADY_STARTED"],
  ["a player cannot start", h("start"), player, "lobby", "NOT_HOST"],
  ["a spectator cannot pause", h("pause"), spectator, "running", "NOT_HOST"],
  ["the host pauses a running game", h("pause"), host, "running", null],
  ["the host cannot pause a paused game", h("pause"), host, "paused", "NOT_RUNNING"],
  ["the host resumes a paused game", h("resume"), host, "paused", null],
  ["the host injects while running", h("inject"), host, "running", null],
  ["the host cannot inject before the start", h("inject"), host, "lobby", "NOT_RUNNING"],
  ["the host broadcasts in the lobby", h("broadcast"), host, "lobby", null],
  ["the host hands a seat to a bot", h("botSeat"), host, "running", null],
  ["a player cannot kick", h("kick"), player, "running", "NOT_HOST"],
  ["nothing but hiding names after the end", h("end"), host, "ended", "GAME_OVER"],
  ["an unknown host action", h("selfDestruct"), host, "running", "MALFORMED"],
  ["a player previews for their own seat", pv(null), player, "running", null],
  ["a player previews naming their own seat", pv("p2"), player, "paused", null],
  ["a player cannot preview another seat", pv("p1"), player, "running", "NOT_HOST"],
  ["the host previews any seat", pv("p3"), host, "running", null],
  ["a host without a seat must name one", pv(null), host, "running", "NOT_A_PLAYER"],
  ["a spectator never previews", pv(null), spectator, "running", "SPECTATOR"],
  ["no previews before the start", pv(null), player, "lobby", "NOT_RUNNING"],
  ["no previews after the end", pv(null), player, "ended", "GAME_OVER"],
];

describe("authorize", () => {
  it.each(table)("%s", (_name, request, actor, phase, expected) => {
    expect(authorize(request, actor, phase)?.code ?? null).toBe(expected);
  });

  it("says why in both languages", () => {
    const d = authorize(h("start"), player, "lobby");
    expect(d?.message.en).toMatch(/host/);
    expect(d?.message.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});
