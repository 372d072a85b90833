import { describe, expect, it } from "vitest";
import {
  clampDay,
  frameAt,
  newsAt,
  regionsAt,
  standingsAt,
  viewAt,
} from "../../client/src/ui/debrief/replayModel.ts";
import { parseIsoDate } from "../../shared/math/calendar.ts";
import { fixture } from "./debrief-fixture.ts";
import { pctOfBps, usdOfCents, usdOfMicro } from "../../client/src/ui/format.ts";

describe("debrief replay slider", () => {
  it("uses the latest frame on or before the day", () => {
    const p = fixture();
    expect(frameAt(p, 0)?.day).toBe(0);
    expect(frameAt(p, 1)?.day).toBe(0);
    expect(frameAt(p, 2)?.day).toBe(2);
    expect(frameAt(fixture({ frames: [] }), 1)).toBeNull();
    const regions = regionsAt(p, 2);
    expect(regions.map((r) => [r.id, pctOfBps(r.shareBps), r.policy])).toEqual([
      ["cn-sichuan", 60, "allowed"],
      ["us-texas", 40, "banned"],
    ]);
  });

  it("ranks companies by that day's equity, and by the final standings on the last day", () => {
    const p = fixture();
    expect(standingsAt(p, 1, "en").map((c) => [c.seat, c.rank, usdOfCents(c.equityCents)])).toEqual([
      ["p1", 1, 1100],
      ["p2", 2, 1050],
    ]);
    expect(standingsAt(p, 2, "en").map((c) => [c.seat, usdOfCents(c.equityCents)])).toEqual([
      ["p2", 1200],
      ["p1", 900],
    ]);
    const bot = standingsAt(p, 0, "en").find((c) => c.seat === "p2");
    expect(bot?.bot).toBe(true);
    expect(bot?.connected).toBe(false);
  });

  it("shows only the news everyone saw, up to that day, on epoch days", () => {
    const news = newsAt(fixture(), 1);
    expect(news.map((n) => n.en)).toEqual(["A"]);
    expect(news[0]?.day).toBe(parseIsoDate("2020-01-01"));
  });

  it("builds a whole view for the map and leaderboard, clamped to the days played", () => {
    const p = fixture();
    expect(clampDay(p, 99)).toBe(2);
    expect(clampDay(p, -3)).toBe(0);
    const v = viewAt(null, p, 1, "zh");
    expect(v.day).toBe(parseIsoDate("2020-01-02"));
    expect(usdOfMicro(v.hashpriceMicroUsd)).toBe(0.11);
    expect(v.shipments).toEqual([]);
    expect(v.companies).toHaveLength(2);
    expect(viewAt(null, fixture({ access: "player", hideNames: true }), 1, "zh").companies[0]?.name).toBe(
      "公司 1",
    );
  });
});
