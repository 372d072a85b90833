/**
 * The teacher's question form: the prompt in both languages, choices (one per line, "English |
 * Chinese") or a number, and the seconds to answer. Used on its own ("Ask the class", with a one-click
 * question about the next retarget) and inside the shock form, where the shock waits for the reveal.
 */
import { t, translate, type MessageKey } from "../i18n/index.ts";
import type { GameServer } from "../net/Server.ts";
import type { AskAction } from "../../../shared/protocol/index.ts";
import { perform, statusLine } from "./act.ts";
import { h, status } from "./dom.ts";

export interface AskDraft {
  en: string;
  zh: string;
  kind: "choice" | "number";
  /** One choice a line: "English | Chinese" (Chinese optional). */
  choices: string;
  seconds: number;
}

export const newDraft = (en = "", zh = ""): AskDraft => ({
  en,
  zh,
  kind: "choice",
  choices: "",
  seconds: 30,
});

/** The draft as an ask action, or the reason it cannot be asked yet. */
export function askOf(d: AskDraft): Omit<AskAction, "shock"> | { problem: MessageKey } {
  const en = d.en.trim() || d.zh.trim();
  const zh = d.zh.trim() || en;
  if (!en) return { problem: "ask.badPrompt" };
  const choices = d.choices
    .split("\n")
    .map((line) => line.split("|").map((x) => x.trim().slice(0, 80)))
    .filter(([e]) => e)
    .slice(0, 6)
    .map(([e = "", z]) => ({ en: e, zh: z || e }));
  if (d.kind === "choice" && choices.length < 2) return { problem: "ask.badChoices" };
  const seconds = Math.min(600, Math.max(5, Math.round(d.seconds) || 30));
  return {
    type: "ask",
    prompt: { en: en.slice(0, 280), zh: zh.slice(0, 280) },
    kind: d.kind,
    choices: d.kind === "choice" ? choices : [],
    seconds,
    measure: "none",
  };
}

/** The next retarget as a question: four ranges of the change, measured when it happens. */
export function retargetQuestion(seconds: number): AskAction {
  const c = (key: string, min?: number, max?: number) => ({
    en: translate("en", `ask.choice.${key}` as MessageKey),
    zh: translate("zh", `ask.choice.${key}` as MessageKey),
    ...(min === undefined ? {} : { min }),
    ...(max === undefined ? {} : { max }),
  });
  return {
    type: "ask",
    prompt: { en: translate("en", "ask.retargetPrompt"), zh: translate("zh", "ask.retargetPrompt") },
    kind: "choice",
    choices: [c("downMore", undefined, -5), c("down", -5, 0), c("up", 0, 5), c("upMore", 5)],
    seconds,
    measure: "retarget",
  };
}

/** The draft's fields; `id` keeps their ids apart where the form appears twice. */
export function draftFields(d: AskDraft, id: string): HTMLElement {
  const field = (key: "en" | "zh", label: MessageKey) => {
    const area = h("textarea", {
      id: `${id}-${key}`,
      maxlength: 280,
      rows: 2,
      oninput: () => (d[key] = area.value),
    });
    area.value = d[key];
    return [h("label", { for: `${id}-${key}`, text: t(label) }), area];
  };
  const kind = h("select", {
    id: `${id}-kind`,
    onchange: () => (d.kind = kind.value === "number" ? "number" : "choice"),
  });
  for (const k of ["choice", "number"] as const) {
    const opt = h("option", { value: k, text: t(k === "choice" ? "ask.kindChoice" : "ask.kindNumber") });
    opt.selected = d.kind === k;
    kind.append(opt);
  }
  const choices = h("textarea", { id: `${id}-choices`, rows: 3, oninput: () => (d.choices = choices.value) });
  choices.value = d.choices;
  const seconds = h("input", {
    id: `${id}-seconds`,
    type: "number",
    min: 5,
    max: 600,
    value: String(d.seconds),
    oninput: () => (d.seconds = Number(seconds.value)),
  });
  return h(
    "div",
    { class: "ask-fields" },
    ...field("en", "ask.prompt"),
    ...field("zh", "ask.promptZh"),
    h("label", { for: `${id}-kind`, text: t("ask.kind") }),
    kind,
    h("label", { for: `${id}-choices`, text: t("ask.choices") }),
    choices,
    h("label", { for: `${id}-seconds`, text: t("ask.seconds") }),
    seconds,
  );
}

/** Sends the draft (with a shock to hold, if any); a draft that cannot be asked says why. */
export function sendAsk(server: GameServer, d: AskDraft, out: HTMLElement, shock?: AskAction["shock"]): void {
  const action = askOf(d);
  if ("problem" in action) return statusLine(out, t(action.problem), "error");
  void perform(server.host({ ...action, ...(shock ? { shock } : {}) }), out);
}

/** "Ask the class": a question of its own, or the next retarget in one click. */
export function createAskForm(parent: HTMLElement, server: GameServer): { relabel(): void } {
  const draft = newDraft();
  const el = h("fieldset", { class: "inject ask" });
  parent.append(el);
  const render = () => {
    const out = status();
    el.replaceChildren(
      h("legend", { text: t("ask.legend") }),
      h(
        "form",
        {
          onsubmit: (ev: Event) => {
            ev.preventDefault();
            sendAsk(server, draft, out);
          },
        },
        h("button", {
          type: "button",
          "data-testid": "ask-retarget",
          text: t("ask.retarget"),
          onclick: () => void perform(server.host(retargetQuestion(draft.seconds || 30)), out),
        }),
        draftFields(draft, "ask"),
        h("button", { type: "submit", class: "primary", text: t("ask.send") }),
        out,
      ),
    );
  };
  render();
  return { relabel: render };
}
