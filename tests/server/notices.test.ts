/**
 * A shock the host injects between days is news at once (the room publishes what takeNotices returns),
 * still reaches that day's report (so the store records it), and is not shown twice. Before this, the
 * engine's next step cleared the notice and nobody ever read the headline.
 */
import { describe, expect, it } from "vitest";
import { scenario } from "../helpers/game.ts";
import { hostedSession } from "../helpers/sessions.ts";

const running = () => hostedSession();

describe("notices raised between days", () => {
  it("are taken at once, kept for the day's report, and marked shown", () => {
    const s = running();
    const error = s.host({
      type: "inject",
      template: "ban",
      targets: ["us-texas"],
      params: { graceDays: 0 },
    });
    expect(error).toBeNull();
    const now = s.takeNotices();
    const headline = now.find((n) => n.company === null && n.text.en.includes("bans bitcoin mining"));
    expect(headline?.text.zh).toContain("禁止比特币挖矿");
    expect(s.takeNotices()).toEqual([]); // taken once

    const report = s.tick();
    expect(report.notices).toContain(headline);
    expect(s.wasShown(headline!)).toBe(true);
    const fresh = report.notices.filter((n) => !s.wasShown(n));
    expect(fresh).not.toContain(headline);
    // The day after, the report no longer carries it.
    expect(s.tick().notices).not.toContain(headline);
  });

  it("leave the engine's state as the replay sees it (the log replays to the same hash)", async () => {
    const { finishLog, replayLog } = await import("../../shared/replay/index.ts");
    const s = running();
    s.host({ type: "inject", template: "ban", targets: ["us-texas"], params: { graceDays: 0 } });
    s.takeNotices();
    for (let i = 0; i < 5; i++) s.tick();
    finishLog(s.log, s.state);
    const again = replayLog(JSON.parse(JSON.stringify(s.log)), scenario("halving-2020"));
    expect(again.matches).toBe(true);
    expect(again.rejections).toEqual([]);
  });
});
