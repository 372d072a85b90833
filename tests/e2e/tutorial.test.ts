/**
 * A first-time player learns the core loop by playing it, in Chinese: the guided tour offers itself in a
 * first game, starts at Start, then rings the factory queue's bid, the region card's used market, the
 * lease form, the finance panel's rates, the score's breakdown, the ship dialog's landed costs and the
 * Install button, moving on only when the server's state shows each thing done (a used lot bought in
 * Kazakhstan, power leased in Texas, the lot shipped there by air and installed). Each card offers its
 * glossary terms' "?", a reload resumes the step it was on, and once finished it stays finished and
 * replays from the game bar. A screenshot per step; axe finds nothing serious with the card up.
 */
import { describe, expect, it } from "vitest";
import type { Locator } from "playwright-core";
import { browserSuite } from "./helpers/suite.ts";
import { ringEncloses, ringOnButton } from "./helpers/tour.ts";
import { axeFindings } from "./helpers/axe.ts";
import { CHROMIUM, see, seeText, shot, SLOW_MS, type Player } from "./helpers/browser.ts";
import { clock, createGame, openDrawer, seePhase, seeEnabled } from "./helpers/flows.ts";
import { stockedModel } from "../helpers/usedMarket.ts";

const PORT = 2900;
const FROM = "kz-ekibastuz";
const TO = "us-texas";
const UNITS = 10;

const tour = "[data-testid=tutorial]";
const card = (p: Player) => p.page.getByTestId("tutorial");
const title = (p: Player, id: string) => p.say(`tour.${id}.title` as never);
let me: Player;
let lot = "";

const whenEnabled = (what: string, target: Locator): Promise<Locator> => seeEnabled(me, target, what);

/** The step's card is up and its ring has reached `selector` (it glides there). */
async function stepAt(id: string, selector: string, timeout = SLOW_MS): Promise<void> {
  await seeText(me, tour, title(me, id), `the ${id} step`, timeout);
  await expect
    .poll(() => ringEncloses(me.page, selector), { timeout, message: `the ${id} ring around ${selector}` })
    .toBe(true);
}

/** Whether two things on screen do not overlap. */
async function apart(a: Locator, b: Locator): Promise<boolean> {
  const [x, y] = await Promise.all([a.boundingBox(), b.boundingBox()]);
  if (!x || !y) return false;
  return x.x + x.width <= y.x || y.x + y.width <= x.x || x.y + x.height <= y.y || y.y + y.height <= x.y;
}

async function openRegion(id: string): Promise<void> {
  const panel = me.page.getByTestId("region-panel");
  if (!(await panel.isVisible())) await me.page.getByTestId("open-region").click();
  await see(me, panel, "the region panel");
  await me.page.getByTestId("region-select").selectOption(id);
}

describe.skipIf(!CHROMIUM)(
  "the guided tutorial teaches the core loop (Chromium)",
  { timeout: 300_000 },
  () => {
    const suite = browserSuite(PORT);

    it("welcomes at Start, with the terms it uses and no serious axe finding", async () => {
      me = await suite.open({ name: "Mei", lang: "zh", tutorial: true });
      await createGame(me, { scenario: "exodus-2021", seats: 1, pace: 8, bots: false, mode: "play" });
      await seeText(me, tour, title(me, "welcome"), "the tour's welcome card");
      await seeText(me, tour, me.say("tour.waiting"), "the welcome waiting for Start");
      await expect
        .poll(() => ringOnButton(me.page, me.say("game.start")), { message: "the ring encloses Start" })
        .toBe(true);
      await see(me, card(me).locator('.term[data-term="hashprice"]'), "the card's ? for hashprice");
      expect(await axeFindings(me.page), "axe with the tour card up").toEqual([]);
      await shot(me, "tutorial-1-welcome-zh");
      await clock(me, "game.start");
      await clock(me, "game.pause");
      await seePhase(me, "paused");
    });

    it("rings the factory queue's bid, then the used market, and moves on when a used lot is bought", async () => {
      await seeText(me, tour, title(me, "order"), "the order step once the game ran");
      await me.page.getByTestId("open-shop").click();
      const model = me.page.locator('[data-testid^="shop-model-"]:not([disabled])').first();
      await (await see(me, model, "a model on sale", SLOW_MS)).click();
      await me.page.getByTestId("shop-premium").fill("5");
      // The queue line: place, list price, the bid's unit price, the month each batch ships.
      await seeText(me, "[data-testid=shop-queue]", /\S/, "the factory queue line", SLOW_MS);
      await stepAt("order", '[data-testid="shop-premium"]');
      await shot(me, "tutorial-2-order-factory-zh");
      await me.page.getByTestId("shop-close").click();

      const wanted = stockedModel("exodus-2021", FROM, UNITS);
      await openRegion(FROM);
      const used = await see(me, me.page.getByTestId("used-here"), "the region card's used market");
      await stepAt("order", '[data-testid="used-here"]');
      await expect
        .poll(() => used.locator(`option[value="${wanted}"]`).count(), { timeout: SLOW_MS })
        .toBe(1);
      await me.page.getByTestId("used-here-model").selectOption(wanted);
      await me.page.getByTestId("used-here-qty").fill(String(UNITS));
      const buy = await whenEnabled("Buy here", me.page.getByTestId("used-here-buy"));
      await shot(me, "tutorial-3-order-used-zh");
      await buy.click();
      // The lot is in the server's state: the tour moves on by itself, to the lease form.
      await stepAt("lease", '[data-testid="lease-form"]');
      // Not a lot of exodus-2021's starting fleet (data-given): the one just bought.
      const bought = me.page.locator('section.fleet [data-testid^="fleet-lot-"]:not([data-given])');
      const row = await see(me, bought, "the used lot");
      lot = ((await row.getAttribute("data-testid")) ?? "").replace("fleet-lot-", "");
      expect(lot, "the new lot's id").not.toBe("");
    });

    it("rings the lease form, and moves on to money once power is leased in Texas", async () => {
      await openRegion(TO);
      await stepAt("lease", '[data-testid="lease-form"]');
      await shot(me, "tutorial-4-lease-zh");
      await me.page.getByTestId("lease-kw").fill("200");
      await (await whenEnabled("Lease", me.page.getByTestId("lease-submit"))).click();
      await stepAt("money", '[data-testid="open-finance"]');
      await me.page.getByTestId("region-panel-close").click();
    });

    it("rings the finance panel's rates, then the score's breakdown; a reload resumes the step", async () => {
      await me.page.getByTestId("open-finance").click();
      await stepAt("money", '[data-testid="finance-rates"]');
      // The card does not cover what it points at: it has moved clear of the rates.
      await expect
        .poll(() => apart(card(me), me.page.getByTestId("finance-rates")), {
          message: "the card clear of the rates",
        })
        .toBe(true);
      await see(me, card(me).locator('.term[data-term="marginCall"]'), "the card's ? for margin call");
      await shot(me, "tutorial-5-money-zh");
      await me.page.getByTestId("finance-close").click();
      await me.page.getByTestId("tutorial-next").click();
      await openDrawer(me, "board");
      // The purchase's equity hint sits over the leaderboard until read: read it, as a player would.
      const hint = me.page.getByTestId("equity-hint");
      if (await hint.isVisible()) await hint.getByRole("button").click();
      await stepAt("score", '[data-testid="score-breakdown"]');
      await me.page.locator('.tour .term[data-term="equity"]').hover();
      await seeText(me, ".glossary-pop", me.say("term.equity.text"), "the definition of equity");
      await shot(me, "tutorial-6-score-zh");

      await me.page.reload();
      const resume = me.page.getByRole("button", { name: me.say("lobby.resume"), exact: true });
      await (await see(me, resume, "the lobby's resume button")).click();
      // Resumed where it was: the score step, not money (which nothing in the state marks as read).
      await seeText(me, tour, title(me, "score"), "the score step after the reload", SLOW_MS);
      await me.page.getByTestId("tutorial-next").click();
    });

    it("rings the ship dialog's landed costs; shipped by air and cleared, the lot is installed", async () => {
      await stepAt("ship", `[data-testid="ship-${lot}"]`);
      await me.page.getByTestId(`ship-${lot}`).click();
      await me.page.getByTestId("ship-dest").selectOption(TO);
      await see(me, me.page.getByTestId("ship-mode-air"), "the air option with its quote", SLOW_MS);
      await stepAt("ship", '[data-testid^="ship-landed-"]');
      await see(me, card(me).locator('.term[data-term="landed"]'), "the card's ? for landed cost");
      await shot(me, "tutorial-7-ship-zh");
      await me.page.getByTestId("ship-mode-air").click();
      await (await whenEnabled("Send", me.page.getByTestId("ship-send"))).click();
      // On its way: the install step says when customs clears it.
      await seeText(me, tour, title(me, "install"), "the install step after shipping", SLOW_MS);
      await shot(me, "tutorial-8-install-wait-zh");
      await clock(me, "game.resume");
      await see(me, me.page.getByTestId(`install-${lot}`), "Install once cleared in Texas", SLOW_MS);
      await clock(me, "game.pause");
      await stepAt("install", `[data-testid="install-${lot}"]`);
      await me.page.getByTestId(`install-${lot}`).click();
      await seeText(me, tour, title(me, "finish"), "the last card once installed", SLOW_MS);
      await shot(me, "tutorial-9-finish-zh");
      await me.page.getByTestId("tutorial-next").click();
      await expect.poll(() => card(me).count(), { message: "the tour gone after Finish" }).toBe(0);
    });

    it("stays finished after a reload, replays from the game bar past what is done, and can be skipped", async () => {
      await me.page.reload();
      const resume = me.page.getByRole("button", { name: me.say("lobby.resume"), exact: true });
      await (await see(me, resume, "the lobby's resume button")).click();
      await see(me, me.page.locator(".gamebar"), "the game after the reload");
      await me.page.waitForTimeout(1500); // time for the tour to (wrongly) offer itself
      expect(await card(me).count(), "the tour offered again after being finished").toBe(0);
      await me.page.getByTestId("open-tutorial").click();
      // Replayed from the start: Start, the order and the lease are done, so the tour opens at money.
      await seeText(me, tour, title(me, "money"), "the tour replayed past done steps");
      await me.page.getByTestId("tutorial-skip").click();
      await expect.poll(() => card(me).count(), { message: "the tour gone after Skip" }).toBe(0);
      expect(me.errors, "uncaught errors in the page").toEqual([]);
    });
  },
);
