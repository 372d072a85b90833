/**
 * The gameplay panels together: the toolbar that opens them (on the left rail), the machine shop, the
 * region panel (with leases: the map's region card), the used market and offers, finance, and the ship
 * dialog the fleet and the region card open for a lot. The game UI creates this once and feeds it every
 * state; the map's region clicks arrive through selectRegion. `makeRoom` runs before a dialog opens (on
 * a small screen the drawers close for it).
 */
import "./panels.css";
import type { GameServer } from "../net/Server.ts";
import type { GameView } from "../net/view.ts";
import { closeDialogs } from "./dialog.ts";
import { h } from "./dom.ts";
import { createFinance } from "./finance.ts";
import type { FleetHooks } from "./fleet.ts";
import { createMarket } from "./market.ts";
import { createRegionPanel } from "./region.ts";
import { createShipDialog } from "./ship.ts";
import { createShop } from "./shop.ts";
import { createToolbar, type PanelName } from "./toolbar.ts";

/**
 * The ship dialog bound for `region`: its destination list is set as a person would pick it (the
 * dialog then prices every mode for it). Only when the region is one it offers.
 */
function shipTo(region: string): void {
  const dest = document.querySelector<HTMLSelectElement>("[data-testid=ship-dest]");
  if (!dest || !Array.from(dest.options).some((o) => o.value === region)) return;
  dest.value = region;
  dest.dispatchEvent(new Event("change"));
}

export function createPanels(root: HTMLElement, rail: HTMLElement, server: GameServer, makeRoom: () => void) {
  const layer = h("div", { class: "dialogs" });
  root.append(layer);
  const shop = createShop(layer, server);
  const region = createRegionPanel(layer, server, {
    ship: (lot, to, opener) => {
      makeRoom();
      ship.open(lot, view, opener);
      shipTo(to);
    },
  });
  const market = createMarket(layer, server);
  const finance = createFinance(layer, server);
  const ship = createShipDialog(layer, server);
  let view: GameView | null = null;
  let tick = -1;
  let playing = false;

  const open = (panel: PanelName, opener: Element): void => {
    makeRoom();
    if (panel === "shop") shop.open(opener);
    else if (panel === "region") region.open(null, opener);
    else if (panel === "market") market.open(opener);
    else finance.open(opener);
  };
  const toolbar = createToolbar(rail, open);

  const fleetHooks: FleetHooks = {
    ship: (lot, opener) => (makeRoom(), ship.open(lot, view, opener)),
    region: (id, opener) => (makeRoom(), region.open(id, opener)),
  };

  return {
    fleetHooks,
    update(next: GameView, seat: string | null) {
      view = next;
      const mine = next.companies.find((c) => c.seat === seat)?.priv ?? null;
      playing = mine !== null;
      toolbar.show(playing);
      if (!playing) closeDialogs();
      region.update(next, seat);
      market.update(next, seat);
      finance.update(next, seat);
      ship.update(next, seat);
      shop.update(mine);
      if (next.tick !== tick) {
        tick = next.tick;
        shop.tick();
      }
    },
    /** A region clicked on the map: its panel, for a player (spectators have only the tooltip). */
    selectRegion(id: string) {
      if (!playing) return;
      makeRoom();
      region.open(id, null);
    },
    relabel() {
      toolbar.relabel();
      shop.relabel();
      region.relabel();
      market.relabel();
      finance.relabel();
      ship.relabel();
    },
    destroy() {
      closeDialogs();
      layer.remove();
    },
  };
}
