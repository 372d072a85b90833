/**
 * The lobby's "create a game" form: scenario (with its period and description), name, seats, pace,
 * bots, how the creator takes part (plays too, or runs a classroom) and who can join. It only edits
 * the form; the lobby turns it into room options on submit.
 */
import catalog from "virtual:atlas-catalog";
import { lang, pick, t } from "../i18n/index.ts";
import { MAX_SEATS, PACES, STAND_IN_AFTER_CHOICES } from "../../../shared/protocol/constants.ts";
import { SCORE_MEASURES, type ScoreMeasure } from "../../../shared/engine/scoreMeasure.ts";
import { fill, h } from "./dom.ts";
import { formatMonth } from "./format.ts";
import { presetPart, type PresetKind } from "./lobbyPreset.ts";
import type { RoundMode } from "../../../shared/protocol/pacing.ts";
import { classWorldChoice } from "./classWorldChoice.ts";

export interface CreateForm {
  scenario: string;
  roomName: string;
  seats: number;
  bots: boolean;
  pace: number;
  visibility: "public" | "private";
  /** "play": the creator hosts and plays a company; "classroom": the creator runs the game for a class. */
  mode: "play" | "classroom";
  /** Seconds away before a caretaker stands in; null: never; undefined: the server's default. */
  standInAfter?: number | null;
  /** What wins (equity unless chosen). */
  scoreBy?: ScoreMeasure;
  /** The length preset (lobbyPreset.ts) and the round mode it chose; undefined: not shown yet. */
  preset?: PresetKind;
  rounds?: RoundMode | null;
  /** A class-sized world (shared/engine/classWorld.ts). */
  classWorld?: boolean;
}

/** Sets a form field from an input's value (or the input itself: a checkbox's state). */
const setter =
  (form: CreateForm) =>
  <K extends keyof CreateForm>(key: K, parse: (v: string, el: HTMLInputElement) => CreateForm[K]) =>
  (e: Event) => {
    const target = e.target as HTMLInputElement;
    form[key] = parse(target.value, target);
  };

/** The scenario picker, with the chosen one's period and description under it. */
function scenarioPart(form: CreateForm): HTMLElement[] {
  const desc = h("p", { class: "scenario-desc" });
  const describe = (id: string) => {
    const s = catalog.scenarios.find((x) => x.id === id);
    if (!s) return fill(desc);
    const period = t("lobby.period", {
      start: formatMonth(s.period.start, lang()),
      end: formatMonth(s.period.end, lang()),
    });
    fill(desc, h("strong", { text: period }), h("br"), pick(s.description));
  };
  describe(catalog.scenarios.find((s) => s.id === form.scenario)?.id ?? "");
  const select = h(
    "select",
    {
      id: "scenario",
      onchange: (e: Event) => {
        form.scenario = (e.target as HTMLSelectElement).value;
        describe(form.scenario);
      },
    },
    ...catalog.scenarios.map((s) =>
      h("option", { value: s.id, text: pick(s.name), selected: s.id === form.scenario }),
    ),
  );
  return [h("label", { for: "scenario", text: t("lobby.scenario") }), select, desc];
}

/** How many seats, and how fast the game's days pass. */
function seatsAndPace(form: CreateForm): HTMLElement {
  const set = setter(form);
  return h(
    "div",
    { class: "row" },
    h(
      "div",
      {},
      h("label", { for: "seats", text: t("lobby.seats") }),
      h(
        "select",
        { id: "seats", onchange: set("seats", Number) },
        // Up to a whole class, one company each.
        ...Array.from({ length: MAX_SEATS }, (_, i) => i + 1).map((n) =>
          h("option", { value: n, text: n, selected: n === form.seats }),
        ),
      ),
    ),
    h(
      "div",
      {},
      h("label", { for: "pace", text: t("lobby.pace") }),
      h(
        "select",
        { id: "pace", onchange: set("pace", Number) },
        ...PACES.map((p) => h("option", { value: p, text: `${p}×`, selected: p === form.pace })),
      ),
    ),
  );
}

/** After how long away a caretaker keeps a player's company safe (the host's grace period). */
function standInChoice(form: CreateForm): HTMLElement {
  const value = (v: number | null | undefined) => (v === undefined ? "" : v === null ? "never" : String(v));
  const label = (v: number | null) =>
    v === null ? t("seats.standIn.never") : t("seats.standIn.minutes", { n: v / 60 });
  return h(
    "div",
    { title: t("seats.standIn.hint") },
    h("label", { for: "standIn", text: t("seats.standIn") }),
    h(
      "select",
      {
        id: "standIn",
        "data-testid": "create-standIn",
        onchange: (e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          form.standInAfter = v === "" ? undefined : v === "never" ? null : Number(v);
        },
      },
      h("option", { value: "", text: t("seats.standIn.default"), selected: form.standInAfter === undefined }),
      ...STAND_IN_AFTER_CHOICES.map((v) =>
        h("option", { value: value(v), text: label(v), selected: form.standInAfter === v }),
      ),
    ),
  );
}

/** What wins: the measure the leaderboard ranks by. */
function scoreByChoice(form: CreateForm): HTMLElement {
  return h(
    "div",
    { title: t("score.by.hint") },
    h("label", { for: "scoreBy", text: t("score.by") }),
    h(
      "select",
      {
        id: "scoreBy",
        "data-testid": "create-scoreBy",
        onchange: (e: Event) => (form.scoreBy = (e.target as HTMLSelectElement).value as ScoreMeasure),
      },
      ...SCORE_MEASURES.map((m) =>
        h("option", { value: m, text: t(`score.by.${m}`), selected: m === (form.scoreBy ?? "equity") }),
      ),
    ),
  );
}

/** Who can join: anyone from the list of open games, or only those given the code. */
function visibilityChoice(form: CreateForm): HTMLElement {
  return h(
    "fieldset",
    { style: "border:0;padding:0;margin:0" },
    h("legend", { class: "muted", style: "font-size:12px;margin-top:8px", text: t("lobby.visibility") }),
    ...(["public", "private"] as const).map((v) =>
      h(
        "label",
        { class: "inline" },
        h("input", {
          type: "radio",
          name: "visibility",
          value: v,
          checked: form.visibility === v,
          onchange: () => (form.visibility = v),
        }),
        t(`lobby.${v}`),
      ),
    ),
  );
}

export function createPanel(form: CreateForm, onSubmit: () => void): HTMLElement {
  const set = setter(form);
  const submit = (e: Event) => {
    e.preventDefault();
    onSubmit();
  };
  const preset = presetPart(form);
  return h(
    "section",
    { class: "panel", "aria-labelledby": "create" },
    h("h2", { id: "create", text: t("lobby.create") }),
    h(
      "form",
      { onsubmit: submit, onchange: preset.update },
      ...scenarioPart(form),
      h("label", { for: "roomName", text: t("lobby.roomName") }),
      h("input", { id: "roomName", maxlength: 24, value: form.roomName, oninput: set("roomName", (v) => v) }),
      seatsAndPace(form),
      preset.el,
      h(
        "label",
        { class: "inline" },
        h("input", { type: "checkbox", checked: form.bots, onchange: set("bots", (_v, el) => el.checked) }),
        t("lobby.bots"),
      ),
      choice("mode", ["play", "classroom"] as const, (v) => (form.mode = v), form.mode),
      standInChoice(form),
      scoreByChoice(form),
      classWorldChoice(form),
      visibilityChoice(form),
      h("p", {}, h("button", { type: "submit", class: "primary", text: t("lobby.createButton") })),
    ),
  );
}

/** A labelled group of radio buttons; each option's text is t("lobby.<name>.<value>"). */
function choice<V extends "play" | "classroom">(
  name: "mode",
  options: readonly V[],
  onPick: (v: V) => void,
  current: V,
): HTMLElement {
  return h(
    "fieldset",
    { style: "border:0;padding:0;margin:0" },
    h("legend", { class: "muted", style: "font-size:12px;margin-top:8px", text: t(`lobby.${name}`) }),
    ...options.map((v) =>
      h(
        "label",
        { class: "inline", title: t(`lobby.${name}.${v}.hint`) },
        h("input", {
          type: "radio",
          name,
          value: v,
          "data-testid": `create-${name}-${v}`,
          checked: current === v,
          onchange: () => onPick(v),
        }),
        t(`lobby.${name}.${v}`),
      ),
    ),
  );
}
