/**
 * The older "predict first" injection, on a session without a network: it now asks a question and
 * holds the shock (no headline, no change to the region) until the reveal, which injects it as the
 * host's logged command; the log still replays to the same hash.
 */
import { describe, expect, it } from "vitest";
import { finishLog, replayLog } from "../../shared/replay/index.ts";
import { scenario } from "../helpers/game.ts";
import { hostedSession } from "../helpers/sessions.ts";

const running = () => hostedSession({ a: "Ana" });

/** What the host did, in the log: the seat-filling bot's own commands are logged too, from day 0. */
const hostActions = (s: ReturnType<typeof running>) =>
  s.log.actions.filter((a) => a.actor.kind !== "company");

describe("predict first", () => {
  it("asks a question and holds the shock until the reveal", () => {
    const s = running();
    const ban = { type: "inject" as const, template: "ban", targets: ["us-texas"], params: { graceDays: 0 } };
    expect(s.host({ ...ban, predictFirst: { en: "What happens?", zh: "会怎样？" } }, 1000)).toBeNull();
    expect(s.phase).toBe("paused");
    expect(s.takeNotices()).toEqual([]); // nothing gives the answer away
    expect(hostActions(s)).toHaveLength(0);
    const q = s.predictions.questions[0]!;
    expect(q).toMatchObject({ kind: "choice", status: "open", shock: { template: "ban" } });
    expect(s.answer("a", { question: 1, choice: 1 }, 2000)).toBeNull();
    expect(s.answer("h", { question: 1, choice: 1 }, 2000)?.code).toBe("NOT_A_PLAYER"); // the host holds no seat
    expect(s.host({ type: "reveal" }, 3000)).toBeNull();
    expect(s.phase).toBe("running");
    const headline = s.takeNotices().find((n) => n.company === null && /bans bitcoin mining/.test(n.text.en));
    expect(headline).toBeDefined();
    expect(q.outcome?.text).toEqual(headline!.text);
    expect(hostActions(s)).toHaveLength(1);
    for (let i = 0; i < 3; i++) s.tick();
    finishLog(s.log, s.state);
    expect(replayLog(JSON.parse(JSON.stringify(s.log)), scenario("halving-2020")).matches).toBe(true);
  });

  it("refuses a held shock the engine would refuse, before asking", () => {
    const s = running();
    const error = s.host(
      {
        type: "inject",
        template: "ban",
        targets: ["atlantis"],
        params: {},
        predictFirst: { en: "?", zh: "?" },
      },
      0,
    );
    expect(error).not.toBeNull();
    expect(s.predictions.questions).toHaveLength(0);
    expect(s.phase).toBe("running");
  });
});
