/**
 * "Ready at the factory": machines take 45–90 days to build, and nothing used to say when a lot could
 * leave. This watches the synced state (never the engine's rules): when one of my lots waits at a
 * factory and can be shipped, a notice says so and offers the next step, "Ship it", which opens the
 * ship dialog for that lot. The notice goes when the lot leaves or the player dismisses it.
 */
import { lang, t } from "../i18n/index.ts";
import type { GameServer } from "../net/Server.ts";
import type { GameView, LotView } from "../net/view.ts";
import { fill, h } from "./dom.ts";
import type { FleetHooks } from "./fleet.ts";
import { placeName } from "./fleet.ts";
import { formatNumber } from "./format.ts";
import { rememberShipments } from "./shipmentName.ts";
import "./firstmin.css";

/** My lots waiting at a factory that can leave now (the view's canShip is the engine's own check). */
export function readyAtFactory(view: GameView, seat: string | null): LotView[] {
  const mine = view.companies.find((c) => c.seat === seat)?.priv;
  return (mine?.lots ?? []).filter((l) => l.placeKind === "factory" && l.canShip);
}

/** The notice's sentence: "20 × Antminer S19 are ready to leave Shenzhen factories." */
export function readyText(lot: Pick<LotView, "name" | "model" | "quantity" | "placeId">): string {
  return t("ready.text", {
    qty: formatNumber(lot.quantity, lang()),
    model: lot.name || lot.model,
    place: placeName(lot.placeId),
  });
}

/**
 * Watches the state for lots ready at the factory and shows their notices over `parent`. Unsubscribes
 * by itself once `parent` has left the page (the game screen was closed).
 */
export function watchReadyLots(
  parent: HTMLElement,
  server: GameServer,
  hooks: FleetHooks,
  seat: () => string | null,
): void {
  const box = h("div", { class: "lot-notices", role: "status", "aria-live": "polite" });
  parent.append(box);
  /** Lots the player dismissed: not shown again while they wait. */
  const dismissed = new Set<string>();
  let shown = "";

  const item = (lot: LotView) =>
    h(
      "div",
      { class: "lot-notice float-card", "data-testid": `ready-${lot.id}` },
      h("strong", { text: t("ready.title") }),
      h("span", { text: readyText(lot) }),
      h(
        "div",
        { class: "row" },
        h("button", {
          type: "button",
          class: "primary",
          "data-testid": `ready-ship-${lot.id}`,
          "aria-haspopup": "dialog",
          text: t("ready.ship"),
          onclick: (e: Event) => hooks.ship(lot, e.currentTarget as Element),
        }),
        h("button", {
          type: "button",
          "aria-label": t("ready.dismissLabel", { what: readyText(lot) }),
          text: t("ready.dismiss"),
          onclick: () => {
            dismissed.add(lot.id);
            render(server.view);
          },
        }),
      ),
    );

  function render(view: GameView | null): void {
    const lots = view ? readyAtFactory(view, seat()).filter((l) => !dismissed.has(l.id)) : [];
    const key = `${lang()}|${lots.map((l) => `${l.id}:${l.quantity}`).join(",")}`;
    if (key === shown) return; // unchanged: keep the buttons (and a finger on them) in place
    shown = key;
    fill(box, ...lots.map(item));
  }

  const off = server.events.on("state", (view) => {
    if (!parent.isConnected) return off();
    rememberShipments(view.shipments); // before the panels name a lot's shipment
    render(view);
  });
}
