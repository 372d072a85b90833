/**
 * The class-sized world: the create form's checkbox and the share of the network the players hold (HUD,
 * projector). The engine sizes the world (shared/engine/classWorld.ts); this only asks and shows.
 */
import { t } from "../i18n/index.ts";
import { h } from "./dom.ts";
import { termTip } from "./glossary.ts";

/** The create form's option; `form.classWorld` follows the box. */
export function classWorldChoice(form: { classWorld?: boolean }): HTMLElement {
  const box = h("input", {
    type: "checkbox",
    id: "classWorld",
    "data-testid": "create-classWorld",
    onchange: (e: Event) => (form.classWorld = (e.target as HTMLInputElement).checked),
  }) as HTMLInputElement;
  box.checked = form.classWorld === true;
  return h(
    "div",
    { title: t("cw.option.hint") },
    h("label", { class: "check", for: "classWorld" }, box, ` ${t("cw.option")} `),
    termTip("classWorld"),
  );
}

/** The host's setting in the lobby (applied when the game starts). */
export function classWorldToggle(on: boolean, set: (on: boolean) => void): HTMLElement {
  const box = h("input", {
    type: "checkbox",
    "data-testid": "teacher-classWorld",
    onchange: () => set(box.checked),
  }) as HTMLInputElement;
  box.checked = on;
  return h(
    "label",
    { class: "check", title: t("cw.option.hint") },
    box,
    ` ${t("cw.option")} `,
    termTip("classWorld"),
  );
}
