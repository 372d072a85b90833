/**
 * The region card's "you and this region" part: each of my lots with the power it needs ("your 200
 * M30S need 669 kW") and what I can do with it here — install it (where it waits in this region) or
 * ship it here (where it waits elsewhere). Install is a preview-gated action: enabled only when the
 * engine would accept it, its reason shown otherwise (a lease too small, say). Ship opens the ship
 * dialog with this region as its destination; the dialog prices and gates the trip.
 */
import { lang, t } from "../i18n/index.ts";
import type { GameServer } from "../net/Server.ts";
import type { CompanyPrivateView, LotView } from "../net/view.ts";
import { fill, h } from "./dom.ts";
import { formatNumber } from "./format.ts";
import { placeName, statusLabel } from "./fleet.ts";
import { gatedAction, type GatedAction } from "./gatedAction.ts";
import { kwFor } from "./panelModel.ts";

export interface HereHooks {
  /** Opens the ship dialog for `lot`, bound for `region`. */
  ship(lot: LotView, region: string, opener: Element): void;
}

const lotKey = (lots: readonly LotView[]) =>
  lots.map((l) => `${l.id}:${l.quantity}:${l.status}:${l.placeId}:${l.canShip}:${l.canInstall}`).join("|");

export function createRegionHere(server: GameServer, out: HTMLElement, hooks: HereHooks) {
  const box = h("div", { class: "here", "data-testid": "region-here" });
  let actions: GatedAction[] = [];
  let key = "";

  function row(lot: LotView, region: string): HTMLElement {
    const l = lang();
    const need = t("map.here.need", {
      units: formatNumber(lot.quantity, l),
      model: lot.name || lot.model,
      kw: formatNumber(kwFor(lot), l),
    });
    const where = t("map.here.at", { place: placeName(lot.placeId), status: statusLabel(lot.status) });
    const item = h(
      "li",
      { "data-testid": `here-${lot.id}` },
      h("span", { text: need }),
      " ",
      h("span", { class: "muted", text: where }),
    );
    if (lot.canInstall && lot.placeId === region) {
      const install = gatedAction({
        server,
        status: out,
        testid: `here-install-${lot.id}`,
        reasonId: `here-install-reason-${lot.id}`,
        label: "map.here.install",
        primary: true,
        inline: true,
        intent: () => ({ type: "installLot" as const, lot: lot.id, region }),
      });
      actions.push(install);
      install.ask(true);
      item.append(" ", install.button, " ", install.reason);
    } else if (lot.canShip && lot.placeId !== region) {
      item.append(
        " ",
        h("button", {
          type: "button",
          "data-testid": `here-ship-${lot.id}`,
          text: t("map.here.ship"),
          onclick: (e: Event) => hooks.ship(lot, region, e.currentTarget as Element),
        }),
      );
    }
    return item;
  }

  return {
    el: box,
    /** My lots for this region; rebuilt only when they or the region changed, else asked again. */
    update(priv: CompanyPrivateView | null, region: string, force = false): void {
      const lots = priv?.lots ?? [];
      const next = `${region}#${lotKey(lots)}#${lang()}`;
      if (!force && next === key) {
        for (const a of actions) a.refresh();
        return;
      }
      key = next;
      for (const a of actions) a.stop();
      actions = [];
      fill(
        box,
        h("h3", { text: t("map.here.title") }),
        lots.length
          ? h("ul", { class: "history" }, ...lots.map((lot) => row(lot, region)))
          : h("p", { class: "muted", text: t("map.here.none") }),
      );
    },
    stop(): void {
      for (const a of actions) a.stop();
    },
  };
}
