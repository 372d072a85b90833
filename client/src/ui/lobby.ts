/**
 * The lobby (DOM): nickname, language, open games (polled), create a game, join by code, resume the
 * last seat. It only calls the network façade's methods; main.ts switches to the game when joined.
 */
import catalog from "virtual:atlas-catalog";
import { lang, pick, t } from "../i18n/index.ts";
import { fetchRooms, normalizeCode, type RoomListing } from "../net/http.ts";
import type { GameServer, NewGame } from "../net/Server.ts";
import type { SeatStore } from "../net/storage.ts";
import { fill, h } from "./dom.ts";
import { langToggle } from "./langToggle.ts";
import { createPanel, type CreateForm } from "./lobbyCreate.ts";
import { playNowButton } from "./playNow.ts";

const POLL_MS = 4000;

interface Form extends CreateForm {
  filter: string;
  code: string;
}

/** The lobby's form as a first visit finds it (the first scenario is filled in when the lobby is made). */
const NEW_FORM: Omit<Form, "scenario"> = {
  roomName: "",
  seats: 4,
  bots: true,
  pace: 1,
  visibility: "public",
  mode: "play",
  filter: "",
  code: "",
};

export interface Lobby {
  show(): void;
  hide(): void;
  relabel(): void;
}

/** What the lobby's parts share: the façade, the seat store, the form, the rooms listed and the status. */
interface LobbyContext {
  server: GameServer;
  store: SeatStore;
  form: Form;
  rooms: RoomListing[] | null;
  roomsError: boolean;
  status: HTMLElement;
  /** The nickname, or null (having said it is required and moved focus to it). */
  nickname(): string | null;
  /** Joins (or creates, or resumes) once at a time, saying so; `failKey` says why a join found nothing. */
  attempt(
    run: () => Promise<boolean | void>,
    failKey?: "lobby.codeNotFound" | "lobby.resumeGone",
  ): Promise<void>;
}

const scenarioName = (id: string) => {
  const s = catalog.scenarios.find((x) => x.id === id);
  return s ? pick(s.name) : id;
};

/** An open game: its name, scenario, seats, phase and pace; join it or watch it. */
/**
 * Whether a listed game offers Join: not once it has ended (Watch still shows it), nor a lobby with every
 * seat taken. A running game stays joinable: its own players come back through it with their token.
 */
export function canJoin(r: Pick<RoomListing, "phase" | "taken" | "seats">): boolean {
  return r.phase !== "ended" && !(r.taken >= r.seats && r.phase === "lobby");
}

function roomItem(r: RoomListing, ctx: LobbyContext): HTMLElement {
  const join = (role?: "spectator") => () => {
    const name = ctx.nickname();
    if (name) void ctx.attempt(() => ctx.server.joinRoom(r.roomId, name, role));
  };
  const phase = t(`phase.${r.phase}` as "phase.lobby");
  const seats = t("lobby.seatsTaken", { taken: r.taken, seats: r.seats });
  return h(
    "li",
    {},
    h(
      "div",
      { class: "grow" },
      h("div", { class: "name", text: r.name }),
      h(
        "div",
        { class: "muted" },
        `${scenarioName(r.scenario)} · ${seats} · ${phase} · ${r.pace}×${r.classroom ? ` · ${t("lobby.classroom")}` : ""}`,
      ),
    ),
    h("button", {
      text: t("lobby.join"),
      disabled: !canJoin(r),
      onclick: join(),
    }),
    h("button", { text: t("lobby.watch"), onclick: join("spectator") }),
  );
}

function roomsList(ctx: LobbyContext): HTMLElement {
  if (ctx.roomsError) return h("p", { class: "error", text: t("lobby.unreachable") });
  const list = (ctx.rooms ?? []).filter((r) => !ctx.form.filter || r.scenario === ctx.form.filter);
  if (list.length === 0) return h("p", { class: "muted", text: t("lobby.noRooms") });
  return h("ul", { class: "rooms" }, ...list.map((r) => roomItem(r, ctx)));
}

/** Joining by a game's code. */
function codeForm(ctx: LobbyContext): HTMLElement {
  const submit = (e: Event) => {
    e.preventDefault();
    const code = normalizeCode(ctx.form.code);
    if (!code) return void (ctx.status.textContent = t("lobby.codeInvalid"));
    const name = ctx.nickname();
    if (name) void ctx.attempt(() => ctx.server.joinByCode(code, name), "lobby.codeNotFound");
  };
  return h(
    "form",
    { class: "row", onsubmit: submit },
    h("input", {
      id: "code",
      class: "grow",
      maxlength: 12, // room for the spaces or dashes a code is often typed with
      value: ctx.form.code,
      placeholder: t("lobby.codePlaceholder"),
      autocomplete: "off",
      oninput: (e: Event) => (ctx.form.code = (e.target as HTMLInputElement).value),
    }),
    h("button", { type: "submit", text: t("lobby.join") }),
  );
}

/** Going back to the last seat this browser held, if any; `gone` when it no longer exists. */
function resumeBox(ctx: LobbyContext, gone: () => void): HTMLElement | null {
  const last = ctx.store.last();
  if (!last) return null;
  return h(
    "div",
    {},
    h("label", { text: t("lobby.resumeHint", { code: last.code || "…", name: last.name }) }),
    h("button", {
      class: "primary",
      text: t("lobby.resume"),
      onclick: () =>
        void ctx
          .attempt(() => ctx.server.resume(), "lobby.resumeGone")
          .then(() => {
            if (!ctx.store.last()) gone();
          }),
    }),
  );
}

/** Who I am (nickname), joining by code, and resuming my last seat. */
function playerPanel(ctx: LobbyContext, redraw: () => void): HTMLElement {
  return h(
    "section",
    { class: "panel", "aria-labelledby": "who" },
    h("h2", { id: "who", text: t("lobby.nickname") }),
    h("input", {
      id: "nickname",
      maxlength: 24,
      value: ctx.store.name(),
      placeholder: t("lobby.nicknamePlaceholder"),
      "aria-label": t("lobby.nickname"),
      oninput: (e: Event) => ctx.store.setName((e.target as HTMLInputElement).value),
    }),
    h("label", { for: "code", text: t("lobby.joinByCode") }),
    codeForm(ctx),
    resumeBox(ctx, redraw),
    ctx.status,
  );
}

/** The open games, filtered by scenario; `box` holds the list the poll refreshes. */
function roomsPanel(ctx: LobbyContext, box: HTMLElement): HTMLElement {
  const filter = h(
    "select",
    {
      id: "filter",
      onchange: (e: Event) => {
        ctx.form.filter = (e.target as HTMLSelectElement).value;
        fill(box, roomsList(ctx));
      },
    },
    h("option", { value: "", text: t("lobby.filterAll") }),
    ...catalog.scenarios.map((s) =>
      h("option", { value: s.id, text: pick(s.name), selected: s.id === ctx.form.filter }),
    ),
  );
  fill(box, roomsList(ctx));
  return h(
    "section",
    { class: "panel", "aria-labelledby": "open" },
    h(
      "div",
      { class: "row" },
      h("h2", { id: "open", class: "grow", text: t("lobby.openRooms") }),
      h("label", { for: "filter", class: "sr-only", text: t("lobby.filter") }),
      filter,
    ),
    box,
  );
}

/** The create form as the server's options for a new game, named after me unless named. */
function newGame(form: CreateForm, name: string): NewGame {
  return {
    scenario: form.scenario,
    seats: form.seats,
    fillWithBots: form.bots,
    pace: form.pace,
    visibility: form.visibility,
    classroom: form.mode === "classroom",
    hostPlays: form.mode === "play",
    scoreBy: form.scoreBy ?? "equity",
    ...(form.rounds ? { rounds: form.rounds } : {}),
    worldSize: form.classWorld ? "class" : "full",
    ...(form.standInAfter !== undefined ? { standInAfterSeconds: form.standInAfter } : {}),
    name: (form.roomName.trim() || t("lobby.roomNameDefault", { name })).slice(0, 24),
    language: lang(),
  };
}

/** Runs one join at a time, saying so in `status`; `onJoined` when it worked. */
function attempter(status: HTMLElement, onJoined: () => void): LobbyContext["attempt"] {
  let busy = false;
  return async (run, failKey) => {
    if (busy) return;
    busy = true;
    status.textContent = t("lobby.joining");
    try {
      const ok = await run();
      if (ok === false) status.textContent = failKey ? t(failKey) : "";
      else {
        status.textContent = "";
        onJoined();
      }
    } catch (e) {
      status.textContent = e instanceof Error ? e.message : String(e);
    } finally {
      busy = false;
    }
  };
}

export function createLobby(
  root: HTMLElement,
  server: GameServer,
  store: SeatStore,
  onJoined: () => void,
): Lobby {
  const status = h("p", { class: "error", role: "alert" });
  const ctx: LobbyContext = {
    server,
    store,
    form: { ...NEW_FORM, scenario: catalog.scenarios[0]?.id ?? "sandbox" },
    rooms: null,
    roomsError: false,
    status,
    nickname: () => {
      const name = store.name().trim();
      if (name) return name;
      status.textContent = t("lobby.nicknameRequired");
      document.getElementById("nickname")?.focus();
      return null;
    },
    attempt: attempter(status, onJoined),
  };
  let timer: ReturnType<typeof setInterval> | null = null;
  const el = h("div", { class: "lobby" });
  const roomsBox = h("div", {});

  async function poll(): Promise<void> {
    try {
      ctx.rooms = await fetchRooms();
      ctx.roomsError = false;
    } catch {
      ctx.roomsError = true;
    }
    fill(roomsBox, roomsList(ctx));
  }

  function submitCreate(): void {
    const name = ctx.nickname();
    if (name) void ctx.attempt(() => server.createGame(newGame(ctx.form, name), name));
  }

  function render(): void {
    fill(
      el,
      h(
        "header",
        {},
        h("h1", { text: t("app.title") }),
        h("span", { class: "tagline", text: t("app.tagline") }),
        // One click into a game against bots, with the tour: no form first (issue #12 §5).
        playNowButton(server, () => store.name(), ctx.attempt),
        langToggle(),
      ),
      playerPanel(ctx, render),
      roomsPanel(ctx, roomsBox),
      createPanel(ctx.form, submitCreate),
    );
  }

  return {
    show() {
      render();
      root.append(el);
      void poll();
      timer ??= setInterval(() => void poll(), POLL_MS);
    },
    hide() {
      el.remove();
      if (timer) clearInterval(timer);
      timer = null;
    },
    relabel() {
      if (el.isConnected) render();
    },
  };
}
