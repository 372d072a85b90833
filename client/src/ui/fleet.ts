/**
 * My fleet: cash and BTC, my lots of machines (model, quantity, status and until when, where, powered,
 * expected profit today) with ship, install, power and sell buttons, my power leases, and the share of
 * mined BTC sold each day. Buttons send commands (or open the ship dialog and the region panel) and
 * show the server's refusal reason in a live status line.
 */
import catalog from "virtual:atlas-catalog";
import { lang, pick, t, type MessageKey } from "../i18n/index.ts";
import type { GameServer } from "../net/Server.ts";
import type { CompanyPrivateView, GameView, LotView } from "../net/view.ts";
import { perform, sendOnce, statusLine } from "./act.ts";
import { fill, fillKeepFocus, h, status } from "./dom.ts";
import { formatCents, formatDay, formatNumber, formatSats } from "./format.ts";
import { pnl } from "./panelModel.ts";
import { shipmentName } from "./shipmentName.ts";

/** What the fleet asks of the other panels: the ship dialog for a lot, the region panel for a place. */
export interface FleetHooks {
  ship(lot: LotView, opener: Element): void;
  region(id: string, opener: Element): void;
}

const STATUSES = ["onOrder", "stored", "inTransit", "installed"];

export function statusLabel(s: string): string {
  return STATUSES.includes(s) ? t(`lotStatus.${s}` as MessageKey) : s;
}

export function placeName(id: string): string {
  const place = catalog.regions.find((r) => r.id === id) ?? catalog.hubs.find((x) => x.id === id);
  return place ? pick(place.name) : (shipmentName(id) ?? (id || "–")); // "ship-4" → "Shipment 4 · …"
}

/** Sell ratio basis points from a percentage typed by the player (clamped, whole bps). */
export function ratioBps(pct: number): number {
  if (!Number.isFinite(pct)) return 0;
  return Math.round(Math.min(100, Math.max(0, pct)) * 100);
}

export function fleetKey(p: CompanyPrivateView): string {
  const lots = p.lots.map(
    (l) =>
      `${l.id}:${l.model}:${l.quantity}:${l.status}:${l.placeKind}:${l.placeId}:${l.powered}:${Math.round(l.pnlCentsPerDay)}:${l.untilDay}`,
  );
  const leases = p.leases.map((l) => `${l.region}:${l.kw}:${l.renewable}`);
  return `${lots.join("|")}#${leases.join("|")}#${p.sellRatioBps}`;
}

/** What the fleet's parts share: the server, the status line, the other panels, what the player typed. */
interface FleetContext {
  server: GameServer;
  out: HTMLElement;
  hooks: FleetHooks | undefined;
  /** Units typed in each lot's sell field, kept across redraws. */
  sellQty: Map<string, number>;
  /** The sell ratio typed and not yet set (null: show the company's). */
  ratioPct: number | null;
}

const lotName = (lot: LotView) => `${lot.name ?? lot.model} ×${lot.quantity}`;

/** A button in a lot's row: `key` names it (data-k "<lot>-<key>", data-testid "<key>-<lot>"). */
function lotButton(
  lot: LotView,
  key: string,
  text: string,
  label: string,
  attrs: Record<string, string | EventListener>,
) {
  return h("button", {
    type: "button",
    "data-k": `${lot.id}-${key}`,
    "data-testid": `${key}-${lot.id}`,
    text,
    "aria-label": `${text}: ${label}`,
    ...attrs,
  });
}

/** Ship (opens the dialog), install (where it waits), power on or off (installed), and sell N units. */
function lotActions(lot: LotView, ctx: FleetContext): (HTMLElement | null)[] {
  const { server, out, hooks } = ctx;
  /** Sends the command once per click: the clicked button waits for the answer. */
  const command = (cmd: Parameters<GameServer["command"]>[0]) => (e: Event) =>
    sendOnce(e.currentTarget as HTMLButtonElement, () => perform(server.command(cmd), out));
  const qtyId = `sell-${lot.id}`;
  const qty = h("input", {
    id: qtyId,
    type: "number",
    min: 1,
    max: lot.quantity,
    step: 1,
    "data-k": `${lot.id}-qty`,
    value: String(Math.min(lot.quantity, ctx.sellQty.get(lot.id) ?? lot.quantity)),
    oninput: () => ctx.sellQty.set(lot.id, Number(qty.value)),
  });
  const onOff = lot.powered ? t("fleet.off") : t("fleet.on");
  const sell = (e: Event) => {
    const n = Math.floor(Number(qty.value));
    if (!(n >= 1 && n <= lot.quantity))
      return statusLine(out, t("fleet.badQty", { max: lot.quantity }), "error");
    command({ type: "sellMachines", lot: lot.id, quantity: n })(e);
  };
  return [
    hooks && lot.canShip
      ? lotButton(lot, "ship", t("panels.fleet.ship"), lotName(lot), {
          "aria-haspopup": "dialog",
          onclick: (e: Event) => hooks.ship(lot, e.currentTarget as Element),
        })
      : null,
    lot.canInstall
      ? lotButton(lot, "install", t("panels.fleet.install"), lotName(lot), {
          onclick: command({ type: "installLot", lot: lot.id, region: lot.placeId }),
        })
      : null,
    lot.canPower
      ? lotButton(lot, "power", onOff, `${lot.model} ×${lot.quantity}`, {
          onclick: command({ type: "powerLot", lot: lot.id, on: !lot.powered }),
        })
      : null,
    h("label", { for: qtyId, class: "sr-only", text: t("fleet.sellQty") }),
    qty,
    lotButton(lot, "sell", t("fleet.sell"), lot.model, { onclick: sell }),
  ];
}

/** Where a lot is: a link to the region's panel when it is in a region, else the place's name. */
function lotPlace(lot: LotView, hooks: FleetHooks | undefined): HTMLElement | string {
  const where = lot.placeId;
  if (!hooks || lot.placeKind !== "region") return placeName(where);
  return h("button", {
    type: "button",
    class: "link",
    "data-k": `${lot.id}-where`,
    "aria-haspopup": "dialog",
    text: placeName(where),
    onclick: (e: Event) => hooks.region(where, e.currentTarget as Element),
  });
}

/** A lot's two rows: what it is, where and how it does today; then what I can do with it. */
function lotRows(lot: LotView, ctx: FleetContext): HTMLElement[] {
  const profit = pnl(lot.pnlCentsPerDay, lang());
  const until = lot.untilDay
    ? h("span", { class: "until", text: t("panels.fleet.until", { date: formatDay(lot.untilDay, lang()) }) })
    : null;
  return [
    h(
      "tr",
      { "data-testid": `fleet-lot-${lot.id}` },
      h("td", { text: lot.name ?? lot.model }),
      h("td", { class: "num", text: formatNumber(lot.quantity, lang()) }),
      h("td", {}, statusLabel(lot.status), until),
      h("td", {}, lotPlace(lot, ctx.hooks)),
      h("td", { text: lot.canPower ? (lot.powered ? t("fleet.isOn") : t("fleet.isOff")) : "–" }),
      h("td", { class: `num ${profit.tone}`, "data-testid": `pnl-${lot.id}`, text: profit.text }),
    ),
    h("tr", { class: "lot-actions" }, h("td", { colspan: 6, class: "actions" }, ...lotActions(lot, ctx))),
  ];
}

const LOT_COLUMNS: MessageKey[] = [
  "fleet.model",
  "fleet.qty",
  "fleet.status",
  "fleet.location",
  "fleet.powered",
  "panels.fleet.pnl",
];

function lotsTable(p: CompanyPrivateView, ctx: FleetContext): HTMLElement {
  if (!p.lots.length) return h("p", { class: "muted", text: t("fleet.noLots") });
  return h(
    "table",
    { class: "lots" },
    h("caption", { class: "sr-only", text: t("fleet.lots") }),
    h("thead", {}, h("tr", {}, ...LOT_COLUMNS.map((k) => h("th", { scope: "col", text: t(k) })))),
    h("tbody", {}, ...p.lots.flatMap((lot) => lotRows(lot, ctx))),
  );
}

/** My leases, each a link to its region's panel (when there are other panels to open). */
function leasesList(p: CompanyPrivateView, hooks: FleetHooks | undefined): HTMLElement {
  if (!p.leases.length) return h("p", { class: "muted", text: t("fleet.noLeases") });
  return h(
    "ul",
    { class: "leases" },
    ...p.leases.map((l) => {
      const text = `${placeName(l.region)}: ${formatNumber(l.kw, lang())} kW${l.renewable ? ` · ${t("fleet.renewable")}` : ""}`;
      if (!hooks) return h("li", { text });
      const open = (e: Event) => hooks.region(l.region, e.currentTarget as Element);
      return h(
        "li",
        {},
        h("button", {
          type: "button",
          class: "link",
          "data-testid": `lease-${l.region}`,
          "data-k": `lease-${l.region}`,
          "aria-haspopup": "dialog",
          text,
          onclick: open,
        }),
      );
    }),
  );
}

/** The share of mined BTC sold each day: a percentage, checked here, set by the server. */
function ratioForm(p: CompanyPrivateView, ctx: FleetContext): HTMLElement {
  const input = h("input", {
    id: "fleet-ratio",
    type: "number",
    min: 0,
    max: 100,
    step: 1,
    "data-k": "ratio",
    value: String(ctx.ratioPct ?? p.sellRatioBps / 100),
    oninput: () => (ctx.ratioPct = Number(input.value)),
  });
  const submit = (ev: Event) => {
    ev.preventDefault();
    const pct = Number(input.value);
    if (!Number.isFinite(pct) || pct < 0 || pct > 100)
      return statusLine(ctx.out, t("fleet.badRatio"), "error");
    void perform(ctx.server.command({ type: "setSellRatio", ratioBps: ratioBps(pct) }), ctx.out).then(
      (ok) => ok && (ctx.ratioPct = null),
    );
  };
  return h(
    "form",
    { class: "row", onsubmit: submit },
    h("label", {
      for: "fleet-ratio",
      text: t("fleet.sellRatio", { pct: formatNumber(p.sellRatioBps / 100, lang()) }),
    }),
    input,
    h("button", { type: "submit", "data-k": "ratio-set", text: t("fleet.setRatio") }),
  );
}

const moneyText = (p: CompanyPrivateView) =>
  `${t("hud.cash")} ${formatCents(p.cashCents, lang(), true)} · ${t("hud.btc")} ${formatSats(p.btcSats, lang())}`;

export function createFleet(parent: HTMLElement, server: GameServer, hooks?: FleetHooks) {
  const el = h("section", { class: "panel fleet", "aria-labelledby": "fleet-title", hidden: true });
  parent.append(el);
  const title = h("h2", { id: "fleet-title" });
  const money = h("p", { class: "money" });
  const body = h("div", {});
  const out = status();
  el.append(title, money, body, out);
  const ctx: FleetContext = { server, out, hooks, sellQty: new Map(), ratioPct: null };
  let drawn = "";
  let mine: CompanyPrivateView | null = null;

  function render(p: CompanyPrivateView): void {
    drawn = fleetKey(p);
    fillKeepFocus(
      body,
      h("h3", { text: t("fleet.lots") }),
      lotsTable(p, ctx),
      h("h3", { text: t("fleet.leases") }),
      leasesList(p, hooks),
      ratioForm(p, ctx),
    );
  }

  function relabel(): void {
    title.textContent = t("fleet.title");
    if (mine) {
      money.textContent = moneyText(mine);
      render(mine);
    }
  }

  relabel();
  return {
    update(view: GameView, seat: string | null) {
      mine = view.companies.find((c) => c.seat === seat)?.priv ?? null;
      el.hidden = !mine;
      if (!mine) return void ((drawn = ""), fill(body));
      money.textContent = moneyText(mine);
      if (fleetKey(mine) !== drawn) render(mine);
    },
    relabel,
  };
}
