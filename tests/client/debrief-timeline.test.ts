import { describe, expect, it } from "vitest";
import { decisionRows, position, timelineLanes } from "../../client/src/ui/debrief/timelineModel.ts";
import { projectorCode, projectorLink } from "../../client/src/ui/projectorLink.ts";
import { fixture } from "./debrief-fixture.ts";

describe("debrief decisions timeline", () => {
  it("has a lane per company and one for the host, with same-day decisions stacked", () => {
    const lanes = timelineLanes(fixture(), "en");
    expect(lanes.map((l) => [l.seat, l.label, l.count])).toEqual([
      ["p1", "Wei", 2],
      ["p2", "Seat 2 · bot", 1],
      [null, "Host", 1],
    ]);
    expect(lanes[0]?.marks).toEqual([
      {
        day: 0,
        lastDay: 0,
        date: "2020-01-01",
        at: 0,
        lines: [
          { date: "2020-01-01", text: "Sells 50%" },
          { date: "2020-01-01", text: "Ordered 20" },
        ],
      },
    ]);
    expect(lanes[1]?.marks[0]?.at).toBe(1); // an ended game's lanes span the days played (3)
    const running = timelineLanes(fixture({ status: "running" }), "en");
    expect(running[1]?.marks[0]?.at).toBeCloseTo(2 / 9); // a running game's, the whole scenario (10)
  });

  it("speaks the reader's language and hides names from players when the host hid them", () => {
    const lanes = timelineLanes(fixture({ access: "player", hideNames: true }), "zh");
    expect(lanes.map((l) => l.label)).toEqual(["公司 1", "公司 2 · 机器人", "主持人"]);
    expect(lanes[2]?.marks[0]?.lines.map((l) => l.text)).toEqual(["主持人：禁令"]);
    expect(timelineLanes(fixture({ decisions: [] }), "en").map((l) => l.count)).toEqual([0, 0]);
  });

  it("stacks decisions close in time so that a long game's marks do not overlap", () => {
    const decisions = Array.from({ length: 200 }, (_, day) => ({
      day,
      date: "2020-01-01",
      seat: "p1",
      type: "powerLot",
      summary: { en: `d${day}`, zh: `d${day}` },
    }));
    const lane = timelineLanes(fixture({ decisions, dates: Array(200).fill("2020-01-01") }), "en")[0];
    expect(lane?.count).toBe(200);
    expect(lane?.marks.length).toBeLessThanOrEqual(60);
    expect(lane?.marks.flatMap((m) => m.lines).length).toBe(200);
  });

  it("places days along the lane and filters the list", () => {
    expect(position(0, 10)).toBe(0);
    expect(position(9, 10)).toBe(1);
    expect(position(20, 10)).toBe(1);
    expect(position(3, 1)).toBe(0);
    const p = fixture();
    expect(decisionRows(p, "all")).toHaveLength(4);
    expect(decisionRows(p, "p1").map((d) => d.type)).toEqual(["setSellRatio", "orderMachines"]);
    expect(decisionRows(p, "host").map((d) => d.type)).toEqual(["injectEvent"]);
  });
});

describe("projector link", () => {
  it("round-trips the join code", () => {
    const link = projectorLink("http://school:2567", "/", "ABC234");
    expect(link).toBe("http://school:2567/?projector=ABC234");
    expect(projectorCode(new URL(link).search)).toBe("ABC234");
    expect(projectorCode("?projector= abc234 ")).toBe("ABC234");
    expect(projectorCode("?code=ABC234")).toBeNull();
  });
});
