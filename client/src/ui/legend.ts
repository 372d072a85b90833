/** The overlay picker (power price, policy, hashrate share) and its legend, beside the map. */
import { lang, t } from "../i18n/index.ts";
import { computeOverlay, css, OVERLAYS, type OverlayKind } from "../map/overlays.ts";
import type { RegionState } from "../net/view.ts";
import { fill, h } from "./dom.ts";
import { formatPct, formatPowerPrice } from "./format.ts";

export function createLegend(
  root: HTMLElement,
  onPick: (kind: OverlayKind) => void,
): { update(regions: readonly RegionState[]): void; kind(): OverlayKind } {
  let kind: OverlayKind = "power";
  let regions: readonly RegionState[] = [];
  const el = h("section", { class: "panel legend", "aria-label": "legend" });
  root.append(el);

  function render(): void {
    const { legend } = computeOverlay(kind, regions);
    fill(
      el,
      h(
        "div",
        { class: "row", role: "group", "aria-label": t("overlay.label") },
        ...OVERLAYS.map((k) =>
          h("button", {
            type: "button",
            "aria-pressed": k === kind ? "true" : "false",
            text: t(`overlay.${k}`),
            onclick: () => {
              kind = k;
              onPick(k);
              render();
            },
          }),
        ),
      ),
      h(
        "ul",
        {},
        ...legend.map((e) =>
          h(
            "li",
            {},
            h("span", { class: "swatch", style: `background:${css(e.color)}` }),
            e.label
              ? t(e.label)
              : kind === "power"
                ? formatPowerPrice(e.value ?? 0, lang())
                : formatPct(e.value ?? 0, lang()),
          ),
        ),
      ),
    );
  }
  render();
  return {
    update(next) {
      regions = next;
      render();
    },
    kind: () => kind,
  };
}
