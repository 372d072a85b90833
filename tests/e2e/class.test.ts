/**
 * A class of 25 joins by the projector's QR link. A teacher creates a classroom game of 30 companies
 * and opens the projector; the test reads the join link the projector shows, checks that its QR code
 * encodes exactly that link (module by module against the link encoded again with `qrcode`), and that
 * the link is the address students reach (the server's LAN address, never localhost, when this machine
 * has one). Eight students open the link in browsers of their own (the join page: name → Join), the
 * other seventeen join through the same link's code with real colyseus.js clients (to spare a two-core
 * machine 25 Chromium pages). The projector lists all 25 names; screenshots of the join page and the
 * projector.
 */
import { networkInterfaces } from "node:os";
import { Client } from "colyseus.js";
import QRCode from "qrcode";
import { afterAll, describe, expect, it } from "vitest";
import { joinAddress } from "../../server/http/joinAddress.ts";
import { browserSuite } from "./helpers/suite.ts";
import { CHROMIUM, see, seeText, shot, SLOW_MS, type Player } from "./helpers/browser.ts";
import { clock, createGame } from "./helpers/flows.ts";
import type { AnyRoom } from "../helpers/rooms.ts";

const PORT = 2780;
const E2E_MS = 300_000;
const SEATS = 30;
const IN_BROWSERS = 8;
const CLASS = 25;
/** Listening on every interface, as `npm start` does: students reach the server at its LAN address. */
const ENV = { HOST: "0.0.0.0" };

const names = Array.from({ length: CLASS }, (_, i) => `Student ${String(i + 1).padStart(2, "0")}`);
let teacher: Player;
let projector: Player;
let code = "";
let link = "";
const scripted: AnyRoom[] = [];
let firstStorage: Awaited<ReturnType<Player["context"]["storageState"]>> | undefined;

/** The dark modules of the projector's QR canvas, read at each module's centre (qrcode's own layout). */
async function qrModules(p: Player, size: number): Promise<boolean[]> {
  return p.page.evaluate((n) => {
    const canvas = document.querySelector<HTMLCanvasElement>(".proj-join canvas.qr");
    const ctx = canvas?.getContext("2d");
    if (!canvas || !ctx) return [];
    const margin = 1; // as projector.ts draws it
    const scale = canvas.width / (n + 2 * margin);
    const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const dark: boolean[] = [];
    for (let r = 0; r < n; r++)
      for (let c = 0; c < n; c++) {
        const x = Math.floor((c + margin + 0.5) * scale);
        const y = Math.floor((r + margin + 0.5) * scale);
        dark.push((px[(y * canvas.width + x) * 4] ?? 255) < 128);
      }
    return dark;
  }, size);
}

describe.skipIf(!CHROMIUM)("a class of 25 joins by the QR link (Chromium)", { timeout: E2E_MS }, () => {
  const suite = browserSuite(PORT, "canvas", ENV);
  afterAll(async () => {
    await Promise.all(scripted.map((r) => r.leave(true).catch(() => undefined)));
  });

  it("the teacher creates a classroom game of 30 companies and opens the projector", async () => {
    teacher = await suite.open({ name: "Ms Rivera", lang: "en" });
    code = await createGame(teacher, { scenario: "halving-2020", seats: SEATS, mode: "classroom" });
    projector = await suite.open({ name: "Projector", lang: "en", viewport: { width: 1600, height: 900 } });
    await projector.page.goto(`/?projector=${code}`);
    await see(projector, projector.page.getByTestId("projector"), "the projector view");
    await seeText(
      projector,
      "[data-testid=projector-joined] h2",
      projector.say("class.joined", { n: 0, seats: SEATS }),
      "the roll call: nobody has joined yet",
    );
  });

  it("the projector's link is the address students reach, and its QR code encodes exactly that link", async () => {
    const shown = projector.page.locator(".proj-link:not([data-source=''])");
    link = (
      await (await see(projector, shown, "the join link, once the server has said where")).innerText()
    ).trim();
    // What the server should have chosen for a teacher on 127.0.0.1: this machine's LAN address when it
    // has one (the browser tests run on the same machine as the server), else only loopback.
    const expected = joinAddress({
      publicUrl: undefined,
      requestHost: `127.0.0.1:${PORT}`,
      port: PORT,
      interfaces: networkInterfaces(),
    });
    expect(link).toBe(`${expected.origin}/?code=${code}`);
    if (expected.source === "lan") expect(new URL(link).hostname).not.toMatch(/^(127\.|localhost)/);
    const qr = QRCode.create(link, { errorCorrectionLevel: "M" });
    const size = qr.modules.size;
    const want = Array.from({ length: size * size }, (_, i) => qr.modules.data[i] === 1);
    await expect
      .poll(() => qrModules(projector, size), { timeout: SLOW_MS, message: "the projector's QR code" })
      .toEqual(want);
  });

  it(`${IN_BROWSERS} students open the link: a join page (name → Join), then their own seat`, async () => {
    for (const [i, name] of names.slice(0, IN_BROWSERS).entries()) {
      const s = await suite.open({ name, lang: i % 2 ? "zh" : "en", viewport: { width: 390, height: 844 } });
      await s.page.goto(link);
      const page = await see(s, s.page.getByTestId("join-page"), "the join page the link opens");
      // Only the join: no list of open games, no create form.
      expect(await s.page.locator("#filter, #scenario").count()).toBe(0);
      const title = teacher.say("lobby.roomNameDefault", { name: teacher.name }); // named in the teacher's language
      await see(s, page.getByRole("heading", { name: title, exact: true }), "the game's name");
      await s.page.locator("#join-name").fill(name);
      if (i === 0) await shot(s, "class-join-page");
      await page.getByRole("button", { name: s.say("class.joinButton"), exact: true }).click();
      await seeText(s, ".board li.me", name, "their own company, marked as theirs, on the leaderboard");
      if (i === 1) await shot(s, "class-join-seated");
      expect(s.errors, `uncaught errors in ${name}'s page`).toEqual([]);
      if (i === 0) firstStorage = await s.context.storageState();
      await s.context.close(); // the seat is kept (the game has not started): spares the machine
    }
  });

  it("a student who opens the link again is back in their own seat at once, with no form", async () => {
    const name = names[0] as string;
    const again = await suite.open({ name, lang: "en", storageState: firstStorage });
    await again.page.goto(link);
    await seeText(again, ".board li.me", name, "their own company again, without typing anything");
    expect(await again.page.locator("#join-name").count()).toBe(0);
    await again.context.close();
  });

  it(`the other ${CLASS - IN_BROWSERS} join through the same link's code`, async () => {
    const origin = new URL(link).origin;
    const found = await fetch(`${origin}/api/code/${new URL(link).searchParams.get("code") ?? ""}`);
    const { roomId, seats } = (await found.json()) as { roomId: string; seats: number };
    expect(seats).toBe(SEATS);
    const client = new Client(origin);
    for (const name of names.slice(IN_BROWSERS))
      scripted.push(await client.joinById(roomId, { name, role: "player" }));
  });

  it("the projector lists all 25 names as they joined", async () => {
    const joined = projector.page.getByTestId("projector-joined");
    await seeText(
      projector,
      "[data-testid=projector-joined] h2",
      projector.say("class.joined", { n: CLASS, seats: SEATS }),
      "the roll call: the whole class",
      SLOW_MS,
    );
    const listed = (await joined.locator("li").allInnerTexts()).map((s) => s.trim());
    expect(listed).toEqual(names);
    await shot(projector, "class-projector-joined");
    // On a 1280×720 projector too, every name is in view (none cut off by the panel's edge).
    await projector.page.setViewportSize({ width: 1280, height: 720 });
    const cut = () =>
      projector.page.evaluate(() => {
        const panel = document.querySelector("[data-testid=projector-joined]")?.getBoundingClientRect();
        if (!panel) return ["(no panel)"];
        return Array.from(document.querySelectorAll<HTMLElement>("[data-testid=projector-joined] li"))
          .filter((li) => {
            const r = li.getBoundingClientRect();
            return r.bottom > panel.bottom || r.right > panel.right || r.top < panel.top;
          })
          .map((li) => li.innerText);
      });
    await expect.poll(cut, { timeout: SLOW_MS, message: "names cut off at 1280×720" }).toEqual([]);
    await shot(projector, "class-projector-joined-720");
    await projector.page.setViewportSize({ width: 1600, height: 900 });
    expect(projector.errors).toEqual([]);
  });

  it("once started, the projector's leaderboard shows the leaders and sums up the rest", async () => {
    await clock(teacher, "game.start");
    // The roll call gives way to the game once it runs.
    await expect
      .poll(() => projector.page.getByTestId("projector-joined").isHidden(), {
        timeout: SLOW_MS,
        message: "the projector's roll call, hidden once the game runs",
      })
      .toBe(true);
    await seeText(
      projector,
      ".proj-side .board",
      projector.say("class.boardRest", { n: SEATS - 8 }),
      "the top 8 and '+ 22 more companies'",
      SLOW_MS,
    );
    expect(await projector.page.locator(".proj-side .board li:not(.rest)").count()).toBe(8);
    await shot(projector, "class-projector-running");
  });
});
