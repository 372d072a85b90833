/**
 * The host's shock form: a template, its targets (regions of the game, countries, factories or the
 * world), its parameters with their defaults, and an optional "predict first" prompt in both languages.
 */
import catalog from "virtual:atlas-catalog";
import { pick, t, translate, type MessageKey } from "../i18n/index.ts";
import type { GameServer } from "../net/Server.ts";
import type { GameView } from "../net/view.ts";
import { perform, statusLine } from "./act.ts";
import { fill, h, status } from "./dom.ts";
import { createAskForm, draftFields, newDraft, sendAsk, type AskDraft } from "./askForm.ts";
import { defaultParams, paramProblem, SHOCKS, shockById, targetOptions, type ShockInfo } from "./shocks.ts";

export const shockLabel = (id: string): string => t(`shock.${id}` as MessageKey);
export const paramLabel = (name: string): string => t(`param.${name}` as MessageKey);

interface InjectForm {
  template: string;
  targets: string[];
  params: Record<string, number | string>;
  predict: boolean;
  /** The question the class answers before the shock happens (with predict). */
  draft: AskDraft;
}

const shockOf = (form: InjectForm): ShockInfo => shockById(form.template) ?? (SHOCKS[0] as ShockInfo);

/** The targets the template can hit (regions of this game, countries, factories, or the world). */
function targetSelect(form: InjectForm, view: GameView | null): HTMLSelectElement {
  const s = shockOf(form);
  const options = targetOptions(s.target, view, catalog);
  if (s.target === "world") form.targets = ["world"];
  form.targets = form.targets.filter((id) => options.some((o) => o.id === id));
  const select = h("select", {
    id: "inject-targets",
    multiple: true,
    size: Math.min(6, Math.max(2, options.length)),
    onchange: () => (form.targets = Array.from(select.selectedOptions, (o) => o.value)),
  });
  for (const o of options) {
    const opt = h("option", {
      value: o.id,
      text: o.id === pick(o.name) ? o.id : `${pick(o.name)} (${o.id})`,
    });
    opt.selected = form.targets.includes(o.id);
    select.append(opt);
  }
  return select;
}

function paramInput(form: InjectForm, p: ShockInfo["params"][number]): HTMLElement {
  const id = `inject-p-${p.name}`;
  const input = h("input", {
    id,
    type: p.kind === "number" ? "number" : "text",
    value: String(form.params[p.name] ?? p.def),
    ...(p.kind === "number" ? { min: p.min, max: p.max, step: "any" } : { pattern: p.pattern }),
    oninput: () => (form.params[p.name] = p.kind === "number" ? Number(input.value) : input.value.trim()),
  });
  const range = p.kind === "number" ? ` (${p.min}–${p.max})` : "";
  return h("label", { for: id }, `${paramLabel(p.name)}${range} `, input);
}

/** The question asked before the shock, when asked for (the shock then waits for the reveal). */
function predictPart(form: InjectForm): HTMLElement | null {
  return form.predict ? h("div", { class: "predict" }, draftFields(form.draft, "inject-predict")) : null;
}

/** Checks the form here (targets, parameters in range) before the server judges the shock. */
function submitShock(form: InjectForm, server: GameServer, out: HTMLElement): void {
  const s = shockOf(form);
  if (!form.targets.length) return statusLine(out, t("teacher.noTargets"), "error");
  for (const p of s.params) {
    const range = paramProblem(p, form.params[p.name] ?? p.def);
    if (range) return statusLine(out, t("teacher.badParam", { name: paramLabel(p.name), range }), "error");
  }
  const shock = {
    template: s.id,
    targets: form.targets.slice(0, 32),
    params: Object.fromEntries(s.params.map((p) => [p.name, form.params[p.name] ?? p.def])),
  };
  if (form.predict) return sendAsk(server, form.draft, out, shock);
  void perform(server.host({ type: "inject", ...shock }), out);
}

/** The template picker and the predict checkbox: each change redraws the form (`redraw`). */
function formSwitches(form: InjectForm, redraw: (focus: string) => void) {
  const picker = h("select", {
    id: "inject-template",
    onchange: () => {
      form.template = picker.value;
      form.params = defaultParams(shockOf(form));
      form.targets = [];
      redraw("inject-template");
    },
  });
  for (const x of SHOCKS) {
    const opt = h("option", { value: x.id, text: shockLabel(x.id) });
    opt.selected = x.id === shockOf(form).id;
    picker.append(opt);
  }
  const predict = h("input", {
    id: "inject-predict",
    type: "checkbox",
    onchange: () => {
      form.predict = predict.checked;
      redraw("inject-predict");
    },
  });
  predict.checked = form.predict;
  return { picker, predict };
}

export function createInjectForm(parent: HTMLElement, server: GameServer) {
  const first = SHOCKS[0] as ShockInfo;
  const form: InjectForm = {
    template: first.id,
    targets: [],
    params: defaultParams(first),
    predict: false,
    draft: newDraft(translate("en", "teacher.predictDefault"), translate("zh", "teacher.predictDefault")),
  };
  const askForm = createAskForm(parent, server);
  const el = h("fieldset", { class: "inject" });
  parent.append(el);
  const out = status();
  let view: GameView | null = null;
  let targetsFor = "";

  function render(): void {
    const s = shockOf(form);
    targetsFor = `${s.target}|${view?.regions.map((r) => r.id).join(",") ?? ""}`;
    const { picker, predict } = formSwitches(form, (focus) => {
      render();
      document.getElementById(focus)?.focus();
    });
    fill(
      el,
      h("legend", { text: t("teacher.inject") }),
      h(
        "form",
        {
          onsubmit: (ev: Event) => {
            ev.preventDefault();
            submitShock(form, server, out);
          },
        },
        h("label", { for: "inject-template", text: t("teacher.template") }),
        picker,
        h("label", {
          for: "inject-targets",
          text: `${t("teacher.targets")} · ${t(`target.${s.target}` as MessageKey)}`,
        }),
        targetSelect(form, view),
        h("div", { class: "params" }, ...s.params.map((p) => paramInput(form, p))),
        h("label", { class: "check" }, predict, ` ${t("ask.withShock")}`),
        predictPart(form),
        h("button", { type: "submit", class: "primary", text: t("teacher.send") }),
        out,
      ),
    );
  }

  render();
  return {
    update(next: GameView) {
      view = next;
      const s = shockOf(form);
      const key = `${s.target}|${next.regions.map((r) => r.id).join(",")}`;
      // Only the region list changes with the state; rebuild the form (keeping its values) then alone.
      if (key !== targetsFor && s.target === "region") render();
    },
    relabel() {
      render();
      askForm.relabel();
    },
  };
}
