/**
 * The teacher's broadcasts on the projector: a large banner that stays until the next one (or for a
 * minute), since a room reads the wall, not a toast in a corner.
 */
import { t } from "../i18n/index.ts";
import type { GameServer } from "../net/Server.ts";
import { h } from "./dom.ts";

const SHOWN_MS = 60_000;

export function createBroadcastBanner(parent: HTMLElement, server: GameServer): void {
  const el = h("div", {
    class: "proj-broadcast",
    hidden: true,
    role: "status",
    "data-testid": "proj-broadcast",
  });
  parent.append(el);
  let timer: ReturnType<typeof setTimeout> | null = null;
  server.events.on("broadcast", (b) => {
    el.textContent = `${t("game.broadcast")}: ${b.text}`;
    el.hidden = false;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => (el.hidden = true), SHOWN_MS);
  });
}
