/**
 * The overlay picker (power price, breakeven for a chosen machine, policy, hashrate share, carbon) and
 * its legend, beside the map. The breakeven overlay asks which machine: the list and each machine's
 * breakeven power price come from the server's shop quote (the engine's figures), through `models`.
 */
import { lang, t } from "../i18n/index.ts";
import { computeOverlay, css, OVERLAYS, type OverlayKind } from "../map/overlays.ts";
import type { RegionView } from "../net/view.ts";
import { fill, h } from "./dom.ts";
import { formatNumber, formatPct, formatPowerPrice, isoOfDay } from "./format.ts";
import { termTip } from "./glossary.ts";

/** A machine for the breakeven overlay: its breakeven power price today, USD per kWh. */
export interface ModelChoice {
  id: string;
  name: string;
  breakevenUsdPerKwh: number;
}

export interface LegendHooks {
  onPick(kind: OverlayKind): void;
  /** The chosen machine's breakeven (null: none), for the map to colour by. */
  onBreakeven?(usdPerKwh: number | null): void;
  /** Today's machines; asked when the breakeven overlay is picked (and again each game day it stays). */
  models?(): Promise<ModelChoice[]>;
}

/** A legend value under the overlay's unit. */
export function legendLabel(kind: OverlayKind, value: number): string {
  const l = lang();
  if (kind === "power") return formatPowerPrice(value, l);
  if (kind === "carbon") return t("overlay.carbonUnit", { g: formatNumber(value, l) });
  if (kind === "breakeven") {
    const cents = formatNumber(Math.abs(value) * 100, l, 1);
    return value === 0
      ? t("overlay.atBreakeven")
      : t(value > 0 ? "overlay.under" : "overlay.over", { cents });
  }
  return formatPct(value, l);
}

/** Which machine the breakeven overlay is for (from today's shop), or why there is none. */
function modelPicker(models: ModelChoice[], chosen: string, choose: (id: string) => void): HTMLElement {
  if (models.length === 0) return h("p", { class: "muted", text: t("overlay.noModels") });
  return h(
    "label",
    {},
    t("overlay.machine"),
    termTip("breakeven"),
    h(
      "select",
      {
        "data-testid": "overlay-model",
        onchange: (e: Event) => choose((e.target as HTMLSelectElement).value),
      },
      ...models.map((m) => h("option", { value: m.id, text: m.name, selected: m.id === chosen })),
    ),
  );
}

function overlayButtons(kind: OverlayKind, pick: (k: OverlayKind) => void): HTMLElement {
  return h(
    "div",
    { class: "row", role: "group", "aria-label": t("overlay.label") },
    ...OVERLAYS.map((k) =>
      h("button", {
        type: "button",
        "data-testid": `overlay-${k}`,
        "aria-pressed": k === kind ? "true" : "false",
        text: t(`overlay.${k}`),
        onclick: () => pick(k),
      }),
    ),
  );
}

/** The overlay's colours and what each means, in its unit. */
function legendList(kind: OverlayKind, legend: ReturnType<typeof computeOverlay>["legend"]): HTMLElement {
  return h(
    "ul",
    {},
    ...legend.map((e) =>
      h(
        "li",
        {},
        h("span", { class: "swatch", style: `background:${css(e.color)}` }),
        e.label ? t(e.label) : legendLabel(kind, e.value ?? 0),
      ),
    ),
  );
}

export function createLegend(
  root: HTMLElement,
  hooks: LegendHooks | ((kind: OverlayKind) => void),
): { update(regions: readonly RegionView[], day?: number): void; kind(): OverlayKind } {
  const on: LegendHooks = typeof hooks === "function" ? { onPick: hooks } : hooks;
  let kind: OverlayKind = "power";
  let regions: readonly RegionView[] = [];
  let models: ModelChoice[] = [];
  let chosen = "";
  let modelsDate = "";
  const el = h("section", { class: "panel legend", "aria-label": t("a11y.legend") });
  root.append(el);

  const breakeven = () => models.find((m) => m.id === chosen)?.breakevenUsdPerKwh ?? null;

  async function loadModels(date: string): Promise<void> {
    if (!on.models || modelsDate === date) return;
    modelsDate = date;
    try {
      models = await on.models();
    } catch {
      models = []; // no seat, or the server refused: the overlay says so instead of guessing
    }
    if (!models.some((m) => m.id === chosen)) chosen = models[0]?.id ?? "";
    on.onBreakeven?.(breakeven());
    render();
  }

  function choose(id: string): void {
    chosen = id;
    on.onBreakeven?.(breakeven());
    render();
  }

  function pick(k: OverlayKind): void {
    kind = k;
    on.onPick(k);
    render();
  }

  function render(): void {
    const b = breakeven();
    const { legend } = computeOverlay(kind, regions, { breakevenUsdPerKwh: b });
    fill(
      el,
      overlayButtons(kind, pick),
      kind === "breakeven" ? modelPicker(models, chosen, choose) : null,
      kind === "breakeven" && b !== null
        ? h("p", { class: "muted", text: t("overlay.breakevenIs", { price: formatPowerPrice(b, lang()) }) })
        : null,
      legendList(kind, legend),
    );
  }
  render();
  return {
    update(next, day = 0) {
      regions = next;
      el.setAttribute("aria-label", t("a11y.legend")); // in the language chosen now
      if (kind === "breakeven") void loadModels(day ? isoOfDay(day) : "");
      render();
    },
    kind: () => kind,
  };
}
