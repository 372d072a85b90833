/**
 * The gameplay panels together: the toolbar that opens them, the machine shop, the region panel (with
 * leases), the used market and offers, finance, and the ship dialog the fleet opens for a lot. The game
 * UI creates this once and feeds it every state; the map's region clicks arrive through selectRegion.
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

export function createPanels(root: HTMLElement, dock: HTMLElement, server: GameServer) {
  const layer = h("div", { class: "dialogs" });
  root.append(layer);
  const shop = createShop(layer, server);
  const region = createRegionPanel(layer, server);
  const market = createMarket(layer, server);
  const finance = createFinance(layer, server);
  const ship = createShipDialog(layer, server);
  let view: GameView | null = null;
  let tick = -1;
  let playing = false;

  const open = (panel: PanelName, opener: Element): void => {
    if (panel === "shop") shop.open(opener);
    else if (panel === "region") region.open(null, opener);
    else if (panel === "market") market.open(opener);
    else finance.open(opener);
  };
  const toolbar = createToolbar(dock, open);

  const fleetHooks: FleetHooks = {
    ship: (lot, opener) => ship.open(lot, view, opener),
    region: (id, opener) => region.open(id, opener),
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
      if (next.tick !== tick) {
        tick = next.tick;
        shop.tick();
      }
    },
    /** A region clicked on the map: its panel, for a player (spectators have only the tooltip). */
    selectRegion(id: string) {
      if (playing) region.open(id, null);
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
