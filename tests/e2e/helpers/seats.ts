/**
 * What the seat tests read and do beyond the lobby flows: the state a page holds (through the client's
 * window.atlas hook: its seat, role, day and lots), the connection veil, a reload back to the lobby,
 * and joining a listed game with its Join button.
 */
import { expect } from "vitest";
import { see, seeText, SLOW_MS, type Player } from "./browser.ts";
import { setNickname } from "./flows.ts";

/** What a page knows of its game: who it is in it, the day, its phase and (a player's) lots. */
export interface PageState {
  seat: string | null;
  role: string | null;
  day: number | null;
  phase: string | null;
  lots: { id: string; quantity: number; model: string }[] | null;
  sellRatioBps: number | null;
}

/** Reads the page's game state from the client's measurement hook (window.atlas.server). */
export function pageState(p: Player): Promise<PageState> {
  return p.page.evaluate(() => {
    interface Lot {
      id: string;
      quantity: number;
      model: string;
    }
    interface Company {
      seat: string;
      priv: { lots: Lot[]; sellRatioBps: number } | null;
    }
    const server = (
      window as unknown as {
        atlas?: {
          server: {
            welcome: { seat: string | null; role: string } | null;
            view: { day: number; phase: string; companies: Company[] } | null;
          };
        };
      }
    ).atlas?.server;
    const seat = server?.welcome?.seat ?? null;
    const view = server?.view ?? null;
    const priv = view?.companies.find((c) => c.seat === seat)?.priv ?? null;
    return {
      seat,
      role: server?.welcome?.role ?? null,
      day: view?.day ?? null,
      phase: view?.phase ?? null,
      lots: priv ? priv.lots.map((l) => ({ id: l.id, quantity: l.quantity, model: l.model })) : null,
      sellRatioBps: priv?.sellRatioBps ?? null,
    };
  });
}

/** Waits until the page's state satisfies `ok`; fails with `what` and the last state read. */
export async function untilState(
  p: Player,
  what: string,
  ok: (s: PageState) => boolean,
  timeout = SLOW_MS,
): Promise<PageState> {
  let last: PageState | null = null;
  await expect
    .poll(
      async () => {
        last = await pageState(p).catch(() => null);
        return last !== null && ok(last);
      },
      { timeout, message: `${p.name}: ${what}` },
    )
    .toBe(true)
    .catch((e: unknown) => {
      throw new Error(`${String(e)}\nlast state: ${JSON.stringify(last)}`);
    });
  return last as unknown as PageState;
}

/** The game's day moves on from `after` in this page (the clock runs and reaches it). */
export function dayMoves(p: Player, after: number): Promise<PageState> {
  return untilState(p, `the date to move past day ${after}`, (s) => s.day !== null && s.day > after);
}

export const veil = (p: Player) => p.page.getByTestId("veil");

/** Waits until the veil shows one of `kinds` (reconnecting, lost, removed); returns the one shown. */
export async function seeVeil(p: Player, kinds: string[], timeout = SLOW_MS): Promise<string> {
  await see(p, veil(p), `the connection veil (${kinds.join(" or ")})`, timeout);
  await expect
    .poll(() => veil(p).getAttribute("data-kind"), { timeout, message: `${p.name}: the veil's kind` })
    .toMatch(new RegExp(`^(${kinds.join("|")})$`));
  return (await veil(p).getAttribute("data-kind")) ?? "";
}

/** The veil gone: the page is back in its game. */
export async function veilGone(p: Player, timeout = SLOW_MS): Promise<void> {
  await veil(p)
    .waitFor({ state: "hidden", timeout })
    .catch(async () => {
      const text = await veil(p)
        .innerText()
        .catch(() => "");
      throw new Error(`${p.name}: the veil still shows after ${timeout / 1000} s: "${text}"`);
    });
}

/** Reloads the page as a student does (F5); the lobby shows again. */
export async function reloadToLobby(p: Player): Promise<void> {
  await p.page.reload();
  await see(p, p.page.locator("#nickname"), "the lobby after a reload");
}

/** Clicks Join on the listed game whose entry mentions `text` (its name carries the host's name). */
export async function joinListed(p: Player, text: string): Promise<void> {
  await setNickname(p);
  const item = p.page.locator("ul.rooms li", { hasText: text });
  const join = item.getByRole("button", { name: p.say("lobby.join"), exact: true });
  await (await see(p, join, `the Join button of the listed game "${text}"`, SLOW_MS)).click();
  await see(p, p.page.locator(".gamebar"), `the game screen after joining "${text}" from the list`);
}

/** The player's company is theirs on screen: marked on the leaderboard, with its fleet panel. */
export async function seeOwnCompany(p: Player): Promise<void> {
  await seeText(p, ".board li.me", p.name, "their company marked as theirs on the leaderboard");
  await see(p, p.page.locator("section.fleet"), "their fleet panel (their company's private view)");
}
