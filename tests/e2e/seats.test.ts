/**
 * Seats that can't be lost (issue #12 §1), in Chromium with screenshots: a teacher (classroom game, no
 * company of their own) and two students. A triple click on Buy orders once; a student who reloads and
 * clicks the game's Join (or types its code) is back in their own seat with their own fleet, not a
 * spectator; the server stopped and restarted mid-game: everyone is told, then back in their seats by
 * themselves with the clock moving; a kicked student is told (and can read it in Chinese) and does
 * not get back in by reloading; at 16× pace, clicks on the shop's rows held across a daily refresh
 * are all taken. Every wait is for state on someone's screen, never for time.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { Locator } from "playwright-core";
import { browserSuite } from "./helpers/suite.ts";
import { CHROMIUM, see, seeText, shot, SLOW_MS, type Player } from "./helpers/browser.ts";
import { clock, createGame, joinByCode, seePhase, teacher } from "./helpers/flows.ts";
import {
  dayMoves,
  joinListed,
  reloadToLobby,
  seeOwnCompany,
  seeVeil,
  untilState,
  veil,
  veilGone,
} from "./helpers/seats.ts";
import { restartTestServer, type TestServer } from "../helpers/server.ts";
import { translate } from "../../client/src/i18n/index.ts";

const PORT = 2820;
const E2E_MS = 240_000;
const UNITS = 5;
let host: Player;
let mei: Player;
let kai: Player;
let lin: Player;
let code = "";
let meiSeat = "";
let meiLot = "";
/** The server started again mid-test (the suite stops only the one it started). */
let restarted: TestServer | null = null;

afterAll(async () => {
  await restarted?.stop();
});

const shopRows = (p: Player) => p.page.locator('[data-testid^="shop-model-"]:not([disabled])');

async function openShop(p: Player): Promise<void> {
  await (await see(p, p.page.getByTestId("open-shop"), "the toolbar's Machine shop button")).click();
  await see(p, shopRows(p).first(), "a model on sale in the shop", SLOW_MS);
}

/**
 * A person's click on a shop row: pressed, the catalog refreshed meanwhile (a new day's prices), then
 * released. A table rebuilt between the two loses the click. "shifted": the row itself moved away from
 * under the pointer meanwhile (a model released moves the rows: the game's doing, not a redraw), so
 * the release lands elsewhere and the attempt does not count.
 */
async function heldClick(p: Player, target: Locator): Promise<"released" | "shifted"> {
  await see(p, target, "the shop row to click");
  const box = await target.boundingBox();
  if (!box) throw new Error("a shop row without a box");
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const info = p.page.getByTestId("shop-info");
  const shown = await info.innerText();
  await p.page.mouse.move(at.x, at.y);
  await p.page.mouse.down();
  await expect
    .poll(() => info.innerText(), { timeout: SLOW_MS, message: "the shop's catalog refreshed" })
    .not.toBe(shown);
  const id = await target.getAttribute("data-testid");
  const under = await p.page.evaluate(
    ({ x, y }) => document.elementFromPoint(x, y)?.getAttribute("data-testid") ?? null,
    at,
  );
  await p.page.mouse.up();
  return under === id ? "released" : "shifted";
}

describe.skipIf(!CHROMIUM)("seats that can't be lost (Chromium)", { timeout: E2E_MS }, () => {
  const suite = browserSuite(PORT);

  it("a teacher's class of three starts", async () => {
    host = await suite.open({ name: "Grace", lang: "en" });
    mei = await suite.open({ name: "Mei", lang: "en" });
    kai = await suite.open({ name: "Kai", lang: "en" });
    lin = await suite.open({ name: "Lin", lang: "en" });
    code = await createGame(host, { scenario: "halving-2020", seats: 3, pace: 2, mode: "classroom" });
    for (const p of [mei, kai, lin]) await joinByCode(p, code);
    await clock(host, "game.start");
    await seePhase(mei, "running");
    meiSeat =
      (await untilState(mei, "a seat of her own", (s) => s.seat !== null && s.lots !== null)).seat ?? "";
    expect(meiSeat).not.toBe("");
  });

  it("a triple click on Buy orders once", async () => {
    await openShop(mei);
    await shopRows(mei).first().click();
    await mei.page.getByTestId("shop-qty").fill(String(UNITS));
    const buy = mei.page.getByTestId("shop-buy");
    await expect.poll(() => buy.isEnabled(), { timeout: SLOW_MS, message: "Buy enabled" }).toBe(true);
    await buy.click({ clickCount: 3 });
    await seeText(mei, "[data-testid=shop-status]", mei.say("act.done"), "the order accepted");
    await shot(mei, "seats-double-click-one-order");
    await mei.page.getByTestId("shop-close").click();
    // A later command's answer means every earlier one was done too (one socket, handled in order):
    // set the sell ratio and wait for it in the state before counting the lots.
    await mei.page.locator("#fleet-ratio").fill("40");
    await mei.page.locator("section.fleet form button[type=submit]").click();
    const s = await untilState(mei, "the sell ratio set", (st) => st.sellRatioBps === 4000);
    expect(s.lots, "one lot ordered by three clicks").toHaveLength(1);
    expect(s.lots?.[0]?.quantity).toBe(UNITS);
    meiLot = s.lots?.[0]?.id ?? "";
  });

  it("a student who reloads and clicks Join is back in her own seat, not a spectator", async () => {
    await reloadToLobby(mei);
    await shot(mei, "seats-reload-lobby");
    await joinListed(mei, host.name);
    const s = await untilState(mei, "her seat back", (st) => st.seat !== null && st.lots !== null);
    expect(s.seat).toBe(meiSeat);
    expect(s.role).toBe("player");
    expect(s.lots?.map((l) => l.id)).toEqual([meiLot]);
    await seeOwnCompany(mei);
    await see(mei, mei.page.getByTestId(`fleet-lot-${meiLot}`), "her lot in her fleet");
    await shot(mei, "seats-reload-join-seat-kept");
    // Again, by the code this time.
    await reloadToLobby(mei);
    await joinByCode(mei, code);
    const again = await untilState(mei, "her seat back by the code", (st) => st.seat !== null);
    expect(again.seat).toBe(meiSeat);
    expect(again.role).toBe("player");
    await seeOwnCompany(mei);
    await see(mei, mei.page.getByTestId(`fleet-lot-${meiLot}`), "her lot in her fleet");
  });

  it("an offer between two students keeps its row (and Accept) as the days pass", async () => {
    // Second-hand machines arrive at once, in a warehouse: a lot Mei can offer.
    await (await see(mei, mei.page.getByTestId("open-market"), "the toolbar's Market button")).click();
    await expect
      .poll(() => mei.page.locator("[data-testid=market-buy-model] option").count(), {
        timeout: SLOW_MS,
        message: "models on the used market",
      })
      .toBeGreaterThan(0);
    await mei.page.getByTestId("market-buy-qty").fill("2");
    const buy = mei.page.getByTestId("market-buy");
    await expect.poll(() => buy.isEnabled(), { timeout: SLOW_MS, message: "used Buy enabled" }).toBe(true);
    await buy.click();
    await seeText(mei, "[data-testid=market-status]", mei.say("act.done"), "the used machines bought");
    const used = await untilState(mei, "the used lot", (st) => (st.lots?.length ?? 0) === 2);
    const lot = used.lots?.find((l) => l.id !== meiLot)?.id ?? "";
    await expect
      .poll(() => mei.page.locator(`[data-testid=market-offer-lot] option[value="${lot}"]`).count(), {
        message: "the used lot in the offer form",
      })
      .toBe(1);
    await mei.page.getByTestId("market-offer-lot").selectOption(lot);
    await mei.page.getByTestId("market-offer-to").selectOption({ label: lin.name });
    await mei.page.getByTestId("market-offer-price").fill("1000");
    await mei.page.getByTestId("market-offer-days").fill("90"); // open long enough to see days pass
    const send = mei.page.getByTestId("market-offer-send");
    await expect.poll(() => send.isEnabled(), { timeout: SLOW_MS, message: "Offer enabled" }).toBe(true);
    await send.click();
    await seeText(mei, "[data-testid=offers-status]", mei.say("act.done"), "the offer made");
    await see(mei, mei.page.locator("[data-testid=offers-out] li [data-testid^=offer-cancel-]"), "her offer");

    await (await see(lin, lin.page.getByTestId("open-market"), "the toolbar's Market button")).click();
    const accept = lin.page.locator("[data-testid=offers-in] [data-testid^=offer-accept-]");
    await see(lin, accept, "the offer to him, with Accept", SLOW_MS);
    // The row as it is now, marked: days later (and a new line each day) it must be the same element.
    await accept.evaluate((b) => b.closest("li")?.setAttribute("data-seen", "1"));
    const day = (await untilState(lin, "a day", (st) => st.day !== null)).day ?? 0;
    await dayMoves(lin, day + 2);
    expect(await lin.page.locator("[data-testid=offers-in] li[data-seen]").count(), "the same row").toBe(1);
    await expect.poll(() => accept.isEnabled(), { timeout: SLOW_MS, message: "Accept enabled" }).toBe(true);
    await accept.scrollIntoViewIfNeeded();
    await shot(lin, "seats-offer-row-kept");
    await accept.click();
    await seeText(lin, "[data-testid=offers-status]", lin.say("act.done"), "the offer accepted");
    await untilState(lin, "the machines in his fleet", (st) => (st.lots?.length ?? 0) === 1);
    await see(lin, lin.page.locator("[data-testid=offers-in] li.muted"), "no offers left to him");
    for (const p of [mei, lin]) await p.page.getByTestId("market-close").click();
  });

  it("the server stops mid-game: everyone is told, then back in their seats by themselves", async () => {
    const before = await untilState(mei, "a running game", (s) => s.phase === "running" && s.day !== null);
    restarted = await restartTestServer(suite.server, async () => {
      for (const p of [mei, kai, host]) await seeVeil(p, ["reconnecting", "lost"]);
      await shot(mei, "seats-server-stopped-veil");
    });
    for (const p of [mei, kai, host]) await veilGone(p, 90_000);
    const s = await untilState(mei, "her seat again", (st) => st.seat !== null && st.lots !== null);
    expect(s.seat).toBe(meiSeat);
    expect(s.lots?.map((l) => l.id)).toContain(meiLot);
    await seeOwnCompany(mei);
    await seeOwnCompany(kai);
    // A restored game comes back paused, saying so on every screen (not a frozen "Running"); the
    // teacher resumes it when the class is back (server/recovery.ts), and the date moves again.
    await seePhase(mei, "paused");
    await clock(host, "game.resume");
    await dayMoves(mei, Math.max(before.day ?? 0, s.day ?? 0));
    await shot(mei, "seats-server-back-same-seat");
    expect(mei.errors, "uncaught errors in Mei's page").toEqual([]);
  });

  it("a kicked student is told, reads it in Chinese too, and does not get back in by reloading", async () => {
    const row = teacher(host).locator("ul.roster li", { hasText: kai.name });
    const kick = row.getByRole("button", { name: `${host.say("teacher.kick")}: ${kai.name}`, exact: true });
    await (await see(host, kick, `the Kick button of ${kai.name}'s seat`)).click();
    // The roster asks first, in the page; the teacher confirms.
    const yes = row.locator('[data-testid^="confirm-"] [data-k$="-yes"]');
    await (await see(host, yes, "the kick's confirmation in the roster")).click();
    await seeVeil(kai, ["removed"]);
    await seeText(kai, "[data-testid=veil]", kai.say("veil.removed.title"), "that the teacher removed him");
    await shot(kai, "seats-kicked-told");
    // The veil covers the game bar's language buttons; its own switch it, and it reads again.
    await veil(kai).getByRole("button", { name: "中文" }).click();
    await seeText(kai, "[data-testid=veil]", translate("zh", "veil.removed.title"), "the veil in Chinese");
    await shot(kai, "seats-kicked-told-zh");
    await veil(kai).getByRole("button", { name: "English" }).click();
    await seeText(kai, "[data-testid=veil]", kai.say("veil.removed.title"), "the veil in English again");

    await reloadToLobby(kai);
    const resume = kai.page.getByRole("button", { name: kai.say("lobby.resume"), exact: true });
    expect(await resume.count(), "a Resume button for the seat he was removed from").toBe(0);
    await joinListed(kai, host.name);
    const s = await untilState(kai, "an answer to his join", (st) => st.role !== null);
    expect(s.role, "his place in the game after the kick").toBe("spectator");
    expect(s.lots).toBeNull();
    await expect.poll(() => kai.page.locator(".board li.me").count()).toBe(0);
    await shot(kai, "seats-kicked-reload-no-seat");
  });

  it("at 16× pace, clicks on shop rows held across the daily refresh are all taken", async () => {
    await teacher(host).locator("#teacher-pace").selectOption("16");
    await openShop(mei);
    const models = shopRows(mei);
    await expect.poll(() => models.count(), { message: "two models on sale" }).toBeGreaterThan(1);
    const ids = [
      await models.nth(0).getAttribute("data-testid"),
      await models.nth(1).getAttribute("data-testid"),
    ];
    let taken = 0;
    let shifted = 0;
    while (taken < 10) {
      const target = mei.page.getByTestId(ids[taken % 2] ?? "");
      const outcome = await heldClick(mei, target);
      if (outcome === "shifted" && ++shifted > 5)
        throw new Error("the shop's rows kept moving under the pointer");
      if (outcome === "shifted") continue;
      await expect
        .poll(() => target.getAttribute("aria-pressed"), { message: `click ${taken + 1} taken` })
        .toBe("true");
      taken++;
    }
    await shot(mei, "seats-shop-16x-clicks-kept");
    expect(mei.errors, "uncaught errors in Mei's page").toEqual([]);
  });
});
