/**
 * "Play now": one click from the lobby into a small game against bots, with the guided tour on, and no
 * form to fill first. A newcomer's nickname may still be empty: a default stands in for it.
 */
import { lang, t } from "../i18n/index.ts";
import type { GameServer, NewGame } from "../net/Server.ts";
import { h } from "./dom.ts";
import { wantTour } from "./tutorial.ts";

/**
 * The game Play now creates: the 2020 halving (a real story with a clear turn), four companies with
 * bots in the three the player does not take, two days a second (lead times of 45–90 days pass in
 * under a minute, not so fast that a newcomer cannot read), private (strangers do not walk in), and
 * the player both hosting and playing it.
 */
export function playNowGame(nickname: string, language: "en" | "zh"): NewGame {
  return {
    scenario: "halving-2020",
    seats: 4,
    fillWithBots: true,
    pace: 2,
    visibility: "private",
    classroom: false,
    hostPlays: true,
    scoreBy: "equity",
    worldSize: "full",
    name: t("playNow.roomName", { name: nickname }).slice(0, 24),
    language,
  };
}

/** The nickname typed, else a default one (Play now asks for nothing). */
export function playNowName(typed: string): string {
  return typed.trim() || t("playNow.defaultName");
}

/**
 * The Play now button; `attempt` is the lobby's one-join-at-a-time runner, `typed` the nickname box's
 * current value.
 */
export function playNowButton(
  server: GameServer,
  typed: () => string,
  attempt: (run: () => Promise<boolean | void>) => Promise<void>,
): HTMLElement {
  return h(
    "div",
    { class: "play-now" },
    h("button", {
      type: "button",
      class: "primary",
      "data-testid": "play-now",
      text: t("playNow.button"),
      onclick: () => {
        const name = playNowName(typed());
        wantTour();
        void attempt(() => server.createGame(playNowGame(name, lang()), name));
      },
    }),
    h("span", { class: "muted", text: t("playNow.hint") }),
  );
}
