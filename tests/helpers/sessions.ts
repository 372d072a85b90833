/** Server-side game sessions for tests without a network: started, with their players seated. */
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

/** The host's secret in `hostedSession`. */
export const HOST_SECRET = "a-host-secret-long-enough";

/**
 * A running halving-2020 session whose host (connection "h") plays seat p1, with `others` (connection
 * ids mapped to names) in the next seats; one day has passed and its news has been shown.
 */
export function hostedSession(others: Record<string, string> = {}): GameSession {
  const options = createOptionsSchema.parse({
    scenario: "halving-2020",
    seats: 2,
    hostSecret: HOST_SECRET,
    name: "Lab",
  });
  const s = GameSession.create(scenario("halving-2020"), options, "ABC234", 3);
  s.join("h", { name: "T", role: "player", hostSecret: HOST_SECRET }, 0);
  for (const [id, name] of Object.entries(others)) s.join(id, { name, role: "player" }, 0);
  s.host({ type: "start" });
  s.tick();
  s.takeNotices(); // the first day's news has been shown
  return s;
}
