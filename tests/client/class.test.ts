/**
 * A class of up to 40 (issue #12 §2): seats p1…p40 on the wire, the leaderboard's top rows with my own
 * and "+ N more", the projector's roll call of who joined, the join page's line, and join links at the
 * server's address.
 */
import { describe, expect, it } from "vitest";
import { MAX_SEATS, SEAT_PATTERN } from "../../shared/protocol/constants.ts";
import { createOptionsSchema } from "../../shared/protocol/options.ts";
import { boardRows } from "../../client/src/ui/leaderboard.ts";
import { joinedOf } from "../../client/src/ui/projectorJoined.ts";
import { gameLine } from "../../client/src/ui/joinPage.ts";
import { joinLinkAt } from "../../client/src/net/joinAddress.ts";
import { companyColor, PALETTE } from "../../client/src/ui/debrief/series.ts";
import { setLang } from "../../client/src/i18n/index.ts";
import type { GameView } from "../../client/src/net/view.ts";

type Row = GameView["companies"][number];
const row = (n: number, over: Partial<Row> = {}): Row =>
  ({
    seat: `p${n}`,
    name: `Student ${n}`,
    bot: false,
    connected: true,
    away: false,
    rank: n,
    ...over,
  }) as Row;

describe("seats for a whole class", () => {
  it("names p1 to p40 and nothing else", () => {
    expect(MAX_SEATS).toBe(40);
    for (let n = 1; n <= 40; n++) expect(SEAT_PATTERN.test(`p${n}`), `p${n}`).toBe(true);
    for (const bad of ["p0", "p41", "p07", "p100", "p", "P1", "p1 ", "q1"])
      expect(SEAT_PATTERN.test(bad), bad).toBe(false);
  });

  it("lets a game be created with 40 companies, not 41", () => {
    const base = { scenario: "halving-2020", hostSecret: "0123456789abcdef0123", name: "Class" };
    expect(createOptionsSchema.parse({ ...base, seats: 40 }).seats).toBe(40);
    expect(createOptionsSchema.safeParse({ ...base, seats: 41 }).success).toBe(false);
  });
});

describe("the leaderboard of a big class", () => {
  const forty = Array.from({ length: 40 }, (_, i) => row(i + 1));

  it("shows every company when they fit", () => {
    expect(boardRows(forty.slice(0, 8), "p3", 8)).toEqual({ rows: forty.slice(0, 8), rest: 0 });
  });

  it("shows the leaders and sums up the rest", () => {
    const { rows, rest } = boardRows(forty, null, 8);
    expect(rows.map((r) => r.seat)).toEqual(["p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8"]);
    expect(rest).toBe(32);
  });

  it("keeps my own row when I am further down, in place of the last leader", () => {
    const { rows, rest } = boardRows(forty, "p31", 8);
    expect(rows.map((r) => r.seat)).toEqual(["p1", "p2", "p3", "p4", "p5", "p6", "p7", "p31"]);
    expect(rest).toBe(32);
    expect(boardRows(forty, "p5", 8).rows.map((r) => r.seat)).toContain("p8");
  });
});

describe("the projector's roll call", () => {
  it("lists the people who hold seats, in seat order, and not bots or open seats", () => {
    const companies = [
      row(10, { rank: 1 }),
      row(2, { rank: 2, name: "Mei" }),
      row(3, { rank: 3, bot: true, name: "Seat 3" }),
      row(1, { rank: 4, connected: false, away: true, name: "Ana" }),
    ];
    expect(joinedOf({ companies })).toEqual({
      people: [
        { seat: "p1", name: "Ana" },
        { seat: "p2", name: "Mei" },
        { seat: "p10", name: "Student 10" },
      ],
      seats: 4,
    });
  });
});

describe("the join page and its link", () => {
  it("says the code and, when the server says, how full the game is", () => {
    setLang("en");
    expect(gameLine("ABC234", null)).toBe("Code ABC234");
    expect(gameLine("ABC234", { roomId: "r" })).toBe("Code ABC234");
    expect(gameLine("ABC234", { roomId: "r", seats: 30, taken: 12 })).toBe(
      "Code ABC234 · 12 of 30 companies taken",
    );
    setLang("zh");
    expect(gameLine("ABC234", { roomId: "r", seats: 30, taken: 12 })).toBe(
      "代码 ABC234 · 30 家公司中已有 12 家有人",
    );
    setLang("en");
  });

  it("builds links at the server's address, with the configured path when there is one", () => {
    const lan = { origin: "http://192.168.1.23:2567", path: null, source: "lan" } as const;
    expect(joinLinkAt(lan, "/", "ABC234")).toBe("http://192.168.1.23:2567/?code=ABC234");
    const proxied = { origin: "https://school.example", path: "/atlas/", source: "configured" } as const;
    expect(joinLinkAt(proxied, "/", "ABC234")).toBe("https://school.example/atlas/?code=ABC234");
  });
});

describe("a class of 40 in the debrief's charts", () => {
  it("gives each of 40 companies its own colour, the palette's first ten unchanged", () => {
    const colours = Array.from({ length: 40 }, (_, i) => companyColor(i));
    expect(new Set(colours).size).toBe(40);
    expect(colours.slice(0, 10)).toEqual(PALETTE);
  });
});
