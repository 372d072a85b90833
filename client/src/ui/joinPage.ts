/**
 * The page a join link or QR code opens (?code=ABC234): the game's name, "your name", Join and the
 * language, nothing else (no list of games, no create form), as a quiz app does for a class. A browser
 * that already holds a seat in that game goes straight back into it. "Other games" opens the lobby.
 */
import { t } from "../i18n/index.ts";
import type { GameServer } from "../net/Server.ts";
import type { SeatStore } from "../net/storage.ts";
import { fill, h } from "./dom.ts";
import { langToggle } from "./langToggle.ts";
import "./joinPage.css";

/** What GET /api/code/CODE says of a game (older servers: the room id alone). */
export interface CodeLookup {
  roomId: string;
  name?: string;
  seats?: number;
  taken?: number;
}

export interface JoinPage {
  relabel(): void;
  hide(): void;
}

interface Deps {
  root: HTMLElement;
  server: GameServer;
  store: SeatStore;
  code: string;
  onJoined: () => void;
  onLobby: () => void;
}

/** The game behind a code; null when none has it (a 400 or 404), a rejection when the server is away. */
export async function lookUpCode(code: string): Promise<CodeLookup | null> {
  const res = await fetch(`/api/code/${encodeURIComponent(code)}`, { cache: "no-store" });
  if (res.status === 404 || res.status === 400) return null;
  if (!res.ok) throw new Error(`code: HTTP ${res.status}`);
  return (await res.json()) as CodeLookup;
}

/** The line under the game's name: its code, and how many companies are taken when the server says. */
export function gameLine(code: string, game: CodeLookup | null): string {
  const line = t("class.joinCode", { code });
  if (typeof game?.seats !== "number" || typeof game.taken !== "number") return line;
  return `${line} · ${t("class.joinSeats", { taken: game.taken, seats: game.seats })}`;
}

/** The parts of the card that change in place (the game's name and fill, Join, the join's status). */
interface Card {
  title: HTMLElement;
  info: HTMLElement;
  submit: HTMLButtonElement;
  status: HTMLElement;
}

/** The join card's form: the app and language, the game, "your name", Join, its status, other games. */
function joinForm(card: Card, store: SeatStore, onSubmit: (e: Event) => void, other: () => void) {
  return h(
    "form",
    { class: "panel join-card", onsubmit: onSubmit, "aria-labelledby": "join-title" },
    h("div", { class: "row" }, h("span", { class: "muted grow", text: t("app.title") }), langToggle()),
    card.title,
    card.info,
    h("label", { for: "join-name", text: t("class.joinName") }),
    h("input", {
      id: "join-name",
      maxlength: 24,
      autocomplete: "nickname",
      value: store.name(),
      placeholder: t("class.joinNamePlaceholder"),
      oninput: (e: Event) => store.setName((e.target as HTMLInputElement).value),
    }),
    card.submit,
    card.status,
    h("button", { type: "button", class: "link", text: t("class.joinOther"), onclick: other }),
  );
}

export function startJoinPage(deps: Deps): JoinPage {
  const { root, server, store, code } = deps;
  const el = h("div", { class: "join-page", "data-testid": "join-page" });
  const card: Card = {
    title: h("h1", { id: "join-title" }),
    info: h("p", {}),
    submit: h("button", { type: "submit", class: "primary" }),
    status: h("p", { class: "error", role: "alert" }),
  };
  const { status } = card;
  let game: CodeLookup | null = null;
  let looked = false;
  let busy = false;
  root.append(el);

  async function join(e: Event): Promise<void> {
    e.preventDefault();
    const name = store.name().trim();
    if (!name) {
      status.textContent = t("lobby.nicknameRequired");
      return void document.getElementById("join-name")?.focus();
    }
    if (busy) return;
    busy = true;
    status.textContent = t("lobby.joining");
    try {
      if (await server.joinByCode(code, name)) return void finish();
      status.textContent = t("class.joinNotFound", { code });
    } catch (err) {
      status.textContent = err instanceof Error ? err.message : String(err);
    } finally {
      busy = false;
    }
  }

  function finish(): void {
    el.remove();
    deps.onJoined();
  }

  /** The game's name and fill, once known: set in place, so a name being typed keeps its focus. */
  function describe(): void {
    const missing = looked && !game;
    card.title.textContent = game?.name ?? t("class.joinTitle");
    card.info.className = missing ? "error" : "muted";
    card.info.textContent = missing
      ? t("class.joinNotFound", { code })
      : looked
        ? gameLine(code, game)
        : t("class.joinChecking", { code });
    card.submit.textContent = t("class.joinButton");
    card.submit.disabled = missing;
  }

  function render(): void {
    describe();
    const other = () => {
      el.remove();
      deps.onLobby();
    };
    fill(
      el,
      joinForm(card, store, (e) => void join(e), other),
    );
  }

  async function open(): Promise<void> {
    // My seat in this game (a reload, the link opened again): straight back into it.
    if (store.last()?.code === code) {
      fill(el, h("p", { class: "panel join-card", text: t("class.joinBack") }));
      if (await server.resume().catch(() => false)) return finish();
    }
    render();
    game = await lookUpCode(code).catch(() => null);
    looked = true;
    describe();
  }

  void open();
  return {
    relabel: () => {
      if (el.isConnected && !busy) render();
    },
    hide: () => el.remove(),
  };
}
