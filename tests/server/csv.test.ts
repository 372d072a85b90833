/**
 * Teacher CSVs (server/csv.ts): UTF-8 BOM, RFC 4180 quoting with CRLF, formulas neutralised while
 * numbers stay numbers; and a real export whose players are named in Chinese and "=HYPERLINK(…)".
 */
import { Client } from "colyseus.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csv, safeCell } from "../../server/csv.ts";
import { next, until } from "../helpers/rooms.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";

const BOM = "\uFEFF";
const EVIL = '=HYPERLINK("//x.io","a")'; // a nickname: at most 24 characters

describe("csv", () => {
  it("starts with a BOM, ends records with CRLF and quotes per RFC 4180", () => {
    const text = csv([
      ["name", "note", "n"],
      ["王小明", 'says "hi", twice', 3],
      ["Ana", "two\nlines", null],
    ]);
    expect(text).toBe(`${BOM}name,note,n\r\n王小明,"says ""hi"", twice",3\r\nAna,"two\nlines",\r\n`);
    expect(Buffer.from(text, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"])
      expect(safeCell(`${start}1+1`), JSON.stringify(start)).toBe(`'${start}1+1`);
    expect(safeCell(EVIL)).toBe(`'${EVIL}`);
    expect(safeCell("-cmd|' /C calc'!A0")).toBe("'-cmd|' /C calc'!A0");
    expect(csv([[EVIL]])).toBe(`${BOM}"'=HYPERLINK(""//x.io"",""a"")"\r\n`);
  });

  it("leaves numbers as numbers, negative ones and numeric text included, and ordinary text alone", () => {
    expect(safeCell(-1250)).toBe(-1250);
    expect(safeCell("-12.5")).toBe("-12.5");
    expect(safeCell("1e-7")).toBe("1e-7");
    expect(safeCell("Ana = Bo")).toBe("Ana = Bo");
    expect(csv([[-1250, 0.5, "-3", true]])).toBe(`${BOM}-1250,0.5,-3,true\r\n`);
  });
});

describe("the commands export of a real game", () => {
  const SECRET = "csv-teacher-secret-0123";
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(2964);
  });
  afterAll(async () => {
    await server.stop();
    cleanup(server);
  });

  it("keeps a Chinese nickname readable and a formula nickname inert", { timeout: 60_000 }, async () => {
    const host = await new Client(server.ws).create("game", {
      scenario: "halving-2020",
      seats: 3,
      pace: 16,
      visibility: "private",
      classroom: true,
      hostSecret: SECRET,
      name: "Ms Li",
    });
    host.onMessage("*", () => undefined);
    const players = [];
    for (const name of ["王小明", EVIL]) {
      const p = await new Client(server.ws).joinById(host.roomId, { name, role: "player" });
      p.onMessage("*", () => undefined);
      await next(p, "welcome");
      players.push(p);
    }
    host.send("host", { action: { type: "start" } });
    await until(() => host.state.phase === "running");
    for (const p of players) p.send("command", { command: { type: "setSellRatio", ratioBps: 2500 } });
    const url = `${server.url}/api/export/${host.roomId}/commands.csv`;
    const exported = async () =>
      Buffer.from(await (await fetch(url, { headers: { "x-host-secret": SECRET } })).arrayBuffer());
    await expect
      .poll(async () => (await exported()).toString("utf8"), { timeout: 30_000 })
      .toContain("王小明");
    await expect
      .poll(async () => (await exported()).toString("utf8"), { timeout: 30_000 })
      .toContain("HYPERLINK");
    const bytes = await exported();
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = bytes.toString("utf8");
    expect(text).toContain("\r\n");
    // Every cell naming the second player starts with the apostrophe, inside RFC 4180 quotes.
    const quotedEvil = `"'${EVIL.replace(/"/g, '""')}"`;
    expect(text).toContain(quotedEvil);
    expect(text.split(",").some((cell) => cell.startsWith("=") || cell.startsWith('"='))).toBe(false);
    await Promise.all([...players.map((p) => p.leave()), host.leave()]);
  });
});
