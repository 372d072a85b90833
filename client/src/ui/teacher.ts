/**
 * The teacher console, shown to the host only: the pace and the clock, shock injection, a broadcast
 * message, the roster of seats (roster.ts: hand to a bot, take back, kick, give to someone), hidden
 * names and the end of the game,
 * the debrief (at any time) and the projector view for the class (a new window, joined as a spectator).
 * Every action shows the server's answer, or its refusal reason, in a live status line.
 */
import { createRoundControls } from "./roundControls.ts";
import { classWorldToggle } from "./classWorldChoice.ts";
import { PACES } from "../../../shared/protocol/constants.ts";
import { t } from "../i18n/index.ts";
import type { GameServer, Welcome } from "../net/Server.ts";
import type { CompanyView, GameView } from "../net/view.ts";
import { perform } from "./act.ts";
import { openDebrief } from "./debrief/entry.ts";
import { fill, fillKeepFocus, h, status } from "./dom.ts";
import { createInjectForm } from "./inject.ts";
import { projectorLink } from "./projectorLink.ts";
import { createRoster } from "./roster.ts";

/** A seat's row: who holds it and what the host can do with it. */
export function seatActions(c: Pick<CompanyView, "bot" | "bankrupt">): ("botSeat" | "humanSeat" | "kick")[] {
  if (c.bankrupt) return [];
  return c.bot ? ["humanSeat", "kick"] : ["botSeat", "kick"];
}

type Host = GameServer["host"];

/** The start, pause or resume button for the game's phase (none once it has ended). */
function clockButton(phase: GameView["phase"], act: (a: Parameters<Host>[0]) => void): HTMLElement | null {
  const button = (text: string, type: "pause" | "resume" | "start", primary: boolean) =>
    h("button", {
      type: "button",
      "data-k": "clock",
      class: primary ? "primary" : undefined,
      text,
      onclick: () => act({ type }),
    });
  if (phase === "running") return button(t("game.pause"), "pause", false);
  if (phase === "paused") return button(t("game.resume"), "resume", true);
  if (phase === "lobby") return button(t("game.start"), "start", true);
  return null;
}

/** The pace, the clock's button and hidden names. */
function clockControls(v: GameView, server: GameServer, out: HTMLElement): (HTMLElement | null)[] {
  const act = (a: Parameters<Host>[0]) => void perform(server.host(a), out);
  const pace = h("select", {
    id: "teacher-pace",
    "data-k": "pace",
    onchange: () => act({ type: "pace", pace: Number(pace.value) }),
  });
  for (const p of PACES) {
    const opt = h("option", { value: String(p), text: `×${p}` });
    opt.selected = p === v.pace;
    pace.append(opt);
  }
  if (!(PACES as readonly number[]).includes(v.pace))
    pace.append(h("option", { value: String(v.pace), selected: true, text: `×${v.pace}` }));
  const hide = h("input", {
    id: "teacher-hide",
    type: "checkbox",
    "data-k": "hide",
    onchange: () => act({ type: "hideNames", hide: hide.checked }),
  });
  hide.checked = v.hideNames;
  return [
    h("label", { for: "teacher-pace", text: t("teacher.pace") }),
    pace,
    clockButton(v.phase, act),
    h("label", { class: "check" }, hide, ` ${t("teacher.hideNames")}`),
    v.phase === "lobby"
      ? classWorldToggle(v.classWorld, (on) => act({ type: "worldSize", size: on ? "class" : "full" }))
      : null,
  ];
}

/** A message to every player; what was typed survives a redraw (`draft`) until it is sent. */
function broadcastForm(server: GameServer, draft: { message: string }): HTMLElement[] {
  const out = status();
  const text = h("input", {
    id: "teacher-message",
    type: "text",
    maxlength: 280,
    value: draft.message,
    oninput: () => (draft.message = text.value),
  });
  const send = (ev: Event) => {
    ev.preventDefault();
    const body = draft.message.trim();
    if (!body) return;
    void perform(server.host({ type: "broadcast", text: body }), out).then((ok) => {
      if (!ok) return;
      draft.message = "";
      text.value = "";
    });
  };
  return [
    h("legend", { text: t("teacher.broadcast") }),
    h(
      "form",
      { class: "row", onsubmit: send },
      h("label", { for: "teacher-message", class: "sr-only", text: t("teacher.message") }),
      text,
      h("button", { type: "submit", text: t("teacher.sendMessage") }),
    ),
    out,
  ];
}

/** Ending the game (after a confirmation). */
function endButton(server: GameServer, out: HTMLElement): HTMLElement {
  return h("button", {
    type: "button",
    class: "danger",
    text: t("teacher.end"),
    onclick: () => {
      if (window.confirm(t("teacher.endConfirm"))) void perform(server.host({ type: "end" }), out);
    },
  });
}

/** For the class: the debrief (at any time) and the projector's view of the game. */
function classButtons(code: () => string): HTMLElement[] {
  return [
    h("button", {
      type: "button",
      "data-testid": "open-debrief",
      text: t("debrief.openButton"),
      onclick: () => void openDebrief(),
    }),
    h("button", {
      type: "button",
      "data-testid": "open-projector",
      text: t("projector.openButton"),
      title: t("projector.openHint"),
      // A window of its own, for the projector's screen: it joins as a spectator and shows no controls.
      onclick: () => {
        if (code())
          window.open(projectorLink(location.origin, location.pathname, code()), "atlas-projector", "popup");
      },
    }),
  ];
}

const clockKey = (v: GameView) => `${v.phase}|${v.pace}|${v.hideNames}|${v.classWorld}`;

export function createTeacher(parent: HTMLElement, server: GameServer) {
  const el = h("section", { class: "panel teacher", "aria-labelledby": "teacher-title", hidden: true });
  parent.append(el);
  const title = h("h2", { id: "teacher-title" });
  const clock = h("div", { class: "row" });
  const clockOut = status();
  const rounds = createRoundControls(server);
  const injectBox = h("div", {});
  const inject = createInjectForm(injectBox, server);
  const broadcastBox = h("fieldset", {});
  const rosterBox = h("fieldset", {});
  const roster = createRoster(server);
  const endBox = h("div", { class: "row" });
  const endOut = status();
  const classBox = h("div", { class: "row" });
  const draft = { message: "" };
  let code = "";
  let view: GameView | null = null;
  let clockFor = "";

  el.append(title, clock, clockOut, rounds.el, classBox, injectBox, broadcastBox, rosterBox, endBox, endOut);

  function renderClock(v: GameView): void {
    clockFor = clockKey(v);
    fillKeepFocus(clock, ...clockControls(v, server, clockOut));
  }

  function renderStatic(): void {
    title.textContent = t("teacher.title");
    fill(rosterBox, h("legend", { text: t("teacher.roster") }), ...roster.els);
    roster.relabel();
    fill(broadcastBox, ...broadcastForm(server, draft));
    fill(endBox, endButton(server, endOut));
    fill(classBox, ...classButtons(() => code));
    inject.relabel();
    rounds.relabel();
    if (view) renderClock(view);
  }

  renderStatic();
  return {
    update(v: GameView, me: Welcome | null) {
      view = v;
      code = me?.code || v.code;
      el.hidden = me?.role !== "host";
      if (el.hidden) return;
      if (clockKey(v) !== clockFor) renderClock(v);
      roster.update(v);
      inject.update(v);
    },
    relabel: renderStatic,
  };
}
