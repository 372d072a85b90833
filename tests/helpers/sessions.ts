/** Server-side game sessions for store tests: started, with one player (session "s1") in seat p1. */
import { expect } from "vitest";
import { createOptionsSchema } from "../../shared/protocol/index.ts";
import { GameSession } from "../../server/game/session.ts";
import { scenario } from "./game.ts";

export function startedSession(code: string, seed: number): GameSession {
  const options = createOptionsSchema.parse({
    scenario: "halving-2020",
    seats: 2,
    hostSecret: `${code.toLowerCase()}-secret-0123456789`,
    name: "Lab",
  });
  const session = GameSession.create(scenario("halving-2020"), options, code, seed);
  session.join("s1", { name: "Kai", role: "player" }, 0);
  session.host({ type: "start" });
  return session;
}

/** Commands that always pass: each sets a sell ratio different from the last. */
export function ratioActor(): (session: GameSession) => void {
  let ratio = 0;
  return (session) => {
    ratio = (ratio + 100) % 10_000;
    expect(session.command("s1", { type: "setSellRatio", ratioBps: ratio }).ok).toBe(true);
  };
}
