/**
 * The debrief's always-loaded part, kept tiny: it remembers who this browser is in the game (the façade
 * clears the stored seat when a game ends, so the credentials are taken when the welcome arrives), opens
 * the debrief when the game ends (for the host and players) or when the host asks, and closes it when the
 * game is left. The panel, its charts and uPlot load only then.
 */
import { onLangChange, t } from "../../i18n/index.ts";
import type { GameServer } from "../../net/Server.ts";
import type { SeatStore } from "../../net/storage.ts";
import { h } from "../dom.ts";
import type { MapSink } from "../game.ts";
import { credentialsOf, type Credentials } from "./api.ts";
import type { DebriefPanel } from "./panel.ts";

export interface DebriefContext {
  root: HTMLElement;
  server: GameServer;
  map: MapSink;
  store: SeatStore;
}

let ctx: DebriefContext | null = null;
let credentials: Credentials | null = null;
let panel: Promise<DebriefPanel> | null = null;
/** The room whose end already opened the debrief (closing it must not reopen it at the next state). */
let shownFor: string | null = null;
/** After the end, closing the debrief leaves this button to open it again (players have no console). */
let reopen: HTMLElement | null = null;

export function initDebrief(context: DebriefContext): void {
  ctx = context;
  const { server, store } = context;
  server.events.on("welcome", (w) => {
    const next = credentialsOf(store.last());
    if (next && next.roomId !== credentials?.roomId) shownFor = null;
    // A spectator has nothing to show the server; keep nothing rather than an empty credential.
    credentials = w.role === "spectator" && !next?.hostSecret ? null : next;
  });
  server.events.on("ended", () => void openDebrief());
  server.events.on("state", (v) => {
    if (v.phase === "ended" && credentials && shownFor !== credentials.roomId) void openDebrief();
  });
  server.events.on("connection", (c) => {
    if (c !== "left" && c !== "lost") return;
    closeDebrief();
    reopen?.remove();
    reopen = null;
  });
  onLangChange(() => {
    void panel?.then((p) => p.relabel());
    if (reopen) reopen.textContent = t("debrief.openButton");
  });
}

/** Opens (or refreshes) the debrief of the current game. */
export async function openDebrief(): Promise<void> {
  const context = ctx;
  if (!context || !credentials) return;
  shownFor = credentials.roomId;
  reopen?.remove();
  reopen = null;
  if (!panel) {
    panel = import("./panel.ts").then(({ createDebriefPanel }) =>
      createDebriefPanel({
        root: context.root,
        server: context.server,
        map: context.map,
        credentials: () => credentials,
        onClose: closeDebrief,
      }),
    );
  }
  await (await panel).refresh();
}

export function closeDebrief(): void {
  const open = panel;
  panel = null;
  void open?.then((p) => p.destroy());
  if (open && ctx && ctx.server.view?.phase === "ended" && !reopen) {
    reopen = h("button", {
      type: "button",
      class: "primary debrief-reopen",
      "data-testid": "debrief-reopen",
      text: t("debrief.openButton"),
      onclick: () => void openDebrief(),
    });
    ctx.root.append(reopen);
  }
}
