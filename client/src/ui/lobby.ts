/**
 * The lobby (DOM): nickname, language, open games (polled), create a game, join by code, resume the
 * last seat. It only calls the network façade's methods; main.ts switches to the game when joined.
 */
import catalog from "virtual:atlas-catalog";
import { lang, pick, t } from "../i18n/index.ts";
import { fetchRooms, normalizeCode, type RoomListing } from "../net/http.ts";
import type { GameServer } from "../net/Server.ts";
import type { SeatStore } from "../net/storage.ts";
import { fill, h } from "./dom.ts";
import { langToggle } from "./langToggle.ts";
import { createPanel, type CreateForm } from "./lobbyCreate.ts";

const POLL_MS = 4000;

interface Form extends CreateForm {
  filter: string;
  code: string;
}

export interface Lobby {
  show(): void;
  hide(): void;
  relabel(): void;
}

export function createLobby(
  root: HTMLElement,
  server: GameServer,
  store: SeatStore,
  onJoined: () => void,
): Lobby {
  const form: Form = {
    scenario: catalog.scenarios[0]?.id ?? "sandbox",
    roomName: "",
    seats: 4,
    bots: true,
    pace: 1,
    visibility: "public",
    mode: "play",
    filter: "",
    code: "",
  };
  let rooms: RoomListing[] | null = null;
  let roomsError = false;
  let timer: ReturnType<typeof setInterval> | null = null;
  let busy = false;
  const el = h("div", { class: "lobby" });
  const status = h("p", { class: "error", role: "alert" });

  const nickname = (): string | null => {
    const name = store.name().trim();
    if (name) return name;
    status.textContent = t("lobby.nicknameRequired");
    document.getElementById("nickname")?.focus();
    return null;
  };

  async function attempt(
    run: () => Promise<boolean | void>,
    failKey: "lobby.codeNotFound" | "lobby.resumeGone" | null = null,
  ) {
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
  }

  const scenarioName = (id: string) => {
    const s = catalog.scenarios.find((x) => x.id === id);
    return s ? pick(s.name) : id;
  };

  function roomsList(): HTMLElement {
    if (roomsError) return h("p", { class: "error", text: t("lobby.unreachable") });
    const list = (rooms ?? []).filter((r) => !form.filter || r.scenario === form.filter);
    if (list.length === 0) return h("p", { class: "muted", text: t("lobby.noRooms") });
    return h(
      "ul",
      { class: "rooms" },
      ...list.map((r) =>
        h(
          "li",
          {},
          h(
            "div",
            { class: "grow" },
            h("div", { class: "name", text: r.name }),
            h(
              "div",
              { class: "muted" },
              `${scenarioName(r.scenario)} · ${t("lobby.seatsTaken", { taken: r.taken, seats: r.seats })} · ${t(
                `phase.${r.phase}` as "phase.lobby",
              )} · ${r.pace}×${r.classroom ? ` · ${t("lobby.classroom")}` : ""}`,
            ),
          ),
          h("button", {
            text: t("lobby.join"),
            disabled: r.taken >= r.seats && r.phase === "lobby",
            onclick: () => {
              const name = nickname();
              if (name) void attempt(() => server.joinRoom(r.roomId, name));
            },
          }),
          h("button", {
            text: t("lobby.watch"),
            onclick: () => {
              const name = nickname();
              if (name) void attempt(() => server.joinRoom(r.roomId, name, "spectator"));
            },
          }),
        ),
      ),
    );
  }

  const roomsBox = h("div", {});
  async function poll(): Promise<void> {
    try {
      rooms = await fetchRooms();
      roomsError = false;
    } catch {
      roomsError = true;
    }
    fill(roomsBox, roomsList());
  }

  function playerPanel(): HTMLElement {
    const last = store.last();
    return h(
      "section",
      { class: "panel", "aria-labelledby": "who" },
      h("h2", { id: "who", text: t("lobby.nickname") }),
      h("input", {
        id: "nickname",
        maxlength: 24,
        value: store.name(),
        placeholder: t("lobby.nicknamePlaceholder"),
        "aria-label": t("lobby.nickname"),
        oninput: (e: Event) => store.setName((e.target as HTMLInputElement).value),
      }),
      h("label", { for: "code", text: t("lobby.joinByCode") }),
      h(
        "form",
        {
          class: "row",
          onsubmit: (e: Event) => {
            e.preventDefault();
            const code = normalizeCode(form.code);
            if (!code) return void (status.textContent = t("lobby.codeInvalid"));
            const name = nickname();
            if (name) void attempt(() => server.joinByCode(code, name), "lobby.codeNotFound");
          },
        },
        h("input", {
          id: "code",
          class: "grow",
          maxlength: 6,
          value: form.code,
          placeholder: t("lobby.codePlaceholder"),
          autocomplete: "off",
          oninput: (e: Event) => (form.code = (e.target as HTMLInputElement).value),
        }),
        h("button", { type: "submit", text: t("lobby.join") }),
      ),
      last &&
        h(
          "div",
          {},
          h("label", { text: t("lobby.resumeHint", { code: last.code || "…", name: last.name }) }),
          h("button", {
            class: "primary",
            text: t("lobby.resume"),
            onclick: () =>
              void attempt(() => server.resume(), "lobby.resumeGone").then(() => {
                if (!store.last()) render();
              }),
          }),
        ),
      status,
    );
  }

  function roomsPanel(): HTMLElement {
    const filter = h(
      "select",
      {
        id: "filter",
        onchange: (e: Event) => {
          form.filter = (e.target as HTMLSelectElement).value;
          fill(roomsBox, roomsList());
        },
      },
      h("option", { value: "", text: t("lobby.filterAll") }),
      ...catalog.scenarios.map((s) =>
        h("option", { value: s.id, text: pick(s.name), selected: s.id === form.filter }),
      ),
    );
    fill(roomsBox, roomsList());
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
      roomsBox,
    );
  }

  function submitCreate(): void {
    const name = nickname();
    if (!name) return;
    const roomName = (form.roomName.trim() || t("lobby.roomNameDefault", { name })).slice(0, 24);
    void attempt(() =>
      server.createGame(
        {
          scenario: form.scenario,
          seats: form.seats,
          fillWithBots: form.bots,
          pace: form.pace,
          visibility: form.visibility,
          classroom: form.mode === "classroom",
          hostPlays: form.mode === "play",
          name: roomName,
          language: lang(),
        },
        name,
      ),
    );
  }

  function render(): void {
    fill(
      el,
      h(
        "header",
        {},
        h("h1", { text: t("app.title") }),
        h("span", { class: "tagline", text: t("app.tagline") }),
        langToggle(),
      ),
      playerPanel(),
      roomsPanel(),
      createPanel(form, submitCreate),
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
