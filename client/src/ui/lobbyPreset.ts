/**
 * The create form's presets and expected length (issue #13 §5): "lobby game" (no rounds) and
 * "classroom" (a round each month; each quarter in a decade) each pick the pace that makes the chosen
 * scenario's match last 20–40 minutes (shared/protocol/pacing.ts); picking a pace by hand makes it
 * "custom". Under them, the match's expected length, worked out again whenever the form changes.
 */
import catalog from "virtual:atlas-catalog";
import { t } from "../i18n/index.ts";
import {
  matchMinutes,
  periodDays,
  presetFor,
  roundsIn,
  type RoundMode,
} from "../../../shared/protocol/pacing.ts";
import { h } from "./dom.ts";

export type PresetKind = "lobby" | "classroom" | "custom";

/** What the preset part reads and sets of the create form. */
export interface PresetForm {
  scenario: string;
  pace: number;
  preset?: PresetKind;
  rounds?: RoundMode | null;
}

const daysOf = (scenario: string): number => {
  const s = catalog.scenarios.find((x) => x.id === scenario);
  return s ? periodDays(s.period.start, s.period.end) : 0;
};

/** Applies the form's preset to its scenario (a custom form keeps its pace and rounds). */
export function applyPreset(form: PresetForm): void {
  const kind = form.preset ?? "lobby";
  if (kind === "custom") return;
  const preset = presetFor(daysOf(form.scenario), kind);
  form.pace = preset.pace;
  form.rounds = preset.rounds;
}

/** The expected length in words. */
export function expectedText(form: PresetForm): string {
  const days = daysOf(form.scenario);
  const mode = form.rounds ?? null;
  const extra = mode ? t("lobby.expected.rounds", { n: roundsIn(days, mode.at), s: mode.seconds }) : "";
  const min = Math.round(matchMinutes(days, form.pace, mode));
  return t("lobby.expected", { min, days, pace: form.pace, extra });
}

/**
 * The preset select and the expected length; `update` (on any change in the form) writes the length
 * again, shows the pace the preset chose in the pace select, and notices a hand-picked pace.
 */
export function presetPart(form: PresetForm) {
  if (form.preset === undefined) {
    form.preset = "lobby";
    applyPreset(form);
  }
  const select = h(
    "select",
    { id: "preset", "data-testid": "create-preset" },
    ...(["lobby", "classroom", "custom"] as const).map((k) =>
      h("option", { value: k, text: t(`lobby.preset.${k}`), selected: form.preset === k }),
    ),
  );
  const expected = h("p", { class: "muted", "data-testid": "create-expected" });
  const el = h(
    "div",
    { title: t("lobby.preset.hint") },
    h("label", { for: "preset", text: t("lobby.preset") }),
    select,
    expected,
  );
  function update(e?: Event): void {
    const target = e?.target as HTMLElement | undefined;
    if (target === select) form.preset = select.value as PresetKind;
    else if (target?.id === "pace") form.preset = "custom";
    select.value = form.preset ?? "lobby";
    applyPreset(form);
    const pace = el.closest("form")?.querySelector<HTMLSelectElement>("#pace");
    if (pace) pace.value = String(form.pace);
    expected.textContent = expectedText(form);
  }
  update();
  return { el, update };
}
