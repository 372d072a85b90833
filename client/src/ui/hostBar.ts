/**
 * The host bar of a game among friends (the creator plays a company too): start, pause and resume, the
 * pace, and an invite (the join link copied, with its code). A classroom's host gets the full teacher
 * console instead (teacher.ts); game.ts chooses which one shows.
 */
import { PACES } from "../../../shared/protocol/constants.ts";
import { t } from "../i18n/index.ts";
import { joinAddress, joinLinkAt } from "../net/joinAddress.ts";
import type { GameServer, Welcome } from "../net/Server.ts";
import type { GameView } from "../net/view.ts";
import { perform } from "./act.ts";
import { openDebrief } from "./debrief/entry.ts";
import { fill, h, status, toast } from "./dom.ts";

type HostAction = Parameters<GameServer["host"]>[0];

function clockButton(phase: GameView["phase"], act: (a: HostAction) => void): HTMLElement | null {
  const button = (
    label: "game.start" | "game.pause" | "game.resume",
    type: HostAction["type"],
    primary: boolean,
  ) =>
    h("button", {
      type: "button",
      "data-testid": "host-clock",
      class: primary ? "primary" : undefined,
      text: t(label),
      onclick: () => act({ type } as HostAction),
    });
  if (phase === "lobby") return button("game.start", "start", true);
  if (phase === "running") return button("game.pause", "pause", false);
  if (phase === "paused") return button("game.resume", "resume", true);
  return null;
}

export function createHostBar() {
  const el = h("div", { class: "hostbar", role: "group", "data-testid": "hostbar", hidden: true });
  const out = status();
  let key = "";

  function paceSelect(v: GameView, act: (a: HostAction) => void): HTMLElement {
    const select = h("select", {
      id: "host-pace",
      "data-testid": "host-pace",
      "aria-label": t("map.host.pace"),
      onchange: () => act({ type: "pace", pace: Number(select.value) } as HostAction),
    });
    const paces: number[] = [...PACES];
    if (!paces.includes(v.pace)) paces.push(v.pace);
    for (const p of paces)
      select.append(h("option", { value: String(p), text: `×${p}`, selected: p === v.pace }));
    return select;
  }

  return {
    el,
    /** Shown to the host of a game they play in; redrawn only when the phase, pace or language change. */
    update(v: GameView, me: Welcome | null, server: GameServer, shown: boolean): void {
      el.hidden = !shown;
      const next = `${v.phase}|${v.pace}|${t("game.start")}|${shown}`;
      if (!shown || next === key) return;
      key = next;
      el.setAttribute("aria-label", t("map.host.label"));
      const act = (a: HostAction) => void perform(server.host(a), out);
      const code = me?.code || v.code;
      const invite = h("button", {
        type: "button",
        "data-testid": "host-invite",
        text: t("map.host.invite"),
        // The address friends can reach (PUBLIC_URL or the LAN address), never this page's localhost.
        onclick: () =>
          void joinAddress().then((address) => {
            const link = joinLinkAt(address, location.pathname, code);
            void navigator.clipboard?.writeText(link).then(
              () => toast(t("map.host.invited", { code })),
              () => toast(link),
            );
          }),
      });
      // The charts so far, as the classroom console offers them (the debrief opens over the game).
      const debrief = h("button", {
        type: "button",
        "data-testid": "open-debrief",
        text: t("debrief.openButton"),
        onclick: () => void openDebrief(),
      });
      const ended = v.phase === "ended";
      fill(el, clockButton(v.phase, act), ended ? null : paceSelect(v, act), invite, debrief, out);
    },
  };
}
