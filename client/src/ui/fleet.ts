/**
 * My fleet: cash and BTC, my lots of machines (model, quantity, status and until when, where, powered,
 * expected profit today) with ship, install, power and sell buttons, my power leases, and the share of
 * mined BTC sold each day. Buttons send commands (or open the ship dialog and the region panel) and
 * show the server's refusal reason in a live status line.
 */
import { createGreyRisk } from "./greyRisk.ts";
import catalog from "virtual:atlas-catalog";
import { lang, pick, t, type MessageKey } from "../i18n/index.ts";
import type { GameServer } from "../net/Server.ts";
import type { CompanyPrivateView, GameView, LotView } from "../net/view.ts";
import { perform, sendOnce, statusLine } from "./act.ts";
import { fillKeepFocus, h, status } from "./dom.ts";
import { keyedRows, setText } from "./keyedRows.ts";
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
    // A lot the scenario gave on day 0: the tour points at the buttons of lots the player bought.
    ...(lot.given ? { "data-given": "true" } : {}),
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

/** Refills a cell only when what it shows changed (`key`), keeping focus on a control inside it. */
function refill(cell: HTMLElement, key: string, ...children: (Node | string | null)[]): void {
  if (cell.dataset.key === key) return;
  cell.dataset.key = key;
  fillKeepFocus(cell, ...children);
}

/** A lot's first row: what it is, where and how it does today (cells written only when changed). */
function updateInfo(row: HTMLTableRowElement, lot: LotView, ctx: FleetContext): void {
  const [name, qty, state, place, powered, profit] = Array.from(row.cells);
  if (!name || !qty || !state || !place || !powered || !profit) return;
  const l = lang();
  const gain = pnl(lot.pnlCentsPerDay, l);
  setText(name, lot.name ?? lot.model);
  setText(qty, formatNumber(lot.quantity, l));
  const until = lot.untilDay ? t("panels.fleet.until", { date: formatDay(lot.untilDay, l) }) : "";
  refill(
    state,
    `${l}:${lot.status}:${until}`,
    statusLabel(lot.status),
    until ? h("span", { class: "until", text: until }) : null,
  );
  refill(place, `${l}:${lot.placeKind}:${lot.placeId}`, lotPlace(lot, ctx.hooks));
  setText(powered, lot.canPower ? (lot.powered ? t("fleet.isOn") : t("fleet.isOff")) : "–");
  setText(profit, gain.text);
  profit.className = `num ${gain.tone}`;
}

type LotPart = { lot: LotView; part: "info" | "actions" };

/** The lots' rows, two a lot (what it is; what I can do), kept across days and updated in place. */
function lotRows(tbody: HTMLElement, ctx: FleetContext) {
  return keyedRows<LotPart, HTMLTableRowElement>(tbody, {
    key: ({ lot, part }) => `${lot.id}/${part}`,
    create: ({ lot, part }) =>
      part === "info"
        ? h(
            "tr",
            { "data-testid": `fleet-lot-${lot.id}`, ...(lot.given ? { "data-given": "true" } : {}) },
            ...LOT_COLUMNS.map(() => h("td", {})),
          )
        : h("tr", { class: "lot-actions" }, h("td", { colspan: 6, class: "actions" })),
    update(row, { lot, part }) {
      if (part === "info") return updateInfo(row, lot, ctx);
      // The buttons change only with what the lot can do; the sell field keeps what was typed.
      const key = `${lang()}:${lot.canShip}:${lot.canInstall}:${lot.canPower}:${lot.powered}:${lot.quantity}:${lot.placeId}:${lot.name ?? lot.model}`;
      const cell = row.cells[0];
      if (cell) refill(cell, key, ...lotActions(lot, ctx));
    },
  });
}

const LOT_COLUMNS: MessageKey[] = [
  "fleet.model",
  "fleet.qty",
  "fleet.status",
  "fleet.location",
  "fleet.powered",
  "panels.fleet.pnl",
];

/** The lots table (or "no lots"), built once; `sync` brings it to my lots. */
function lotsTable(ctx: FleetContext) {
  const none = h("p", { class: "muted" });
  const caption = h("caption", { class: "sr-only" });
  const heads = LOT_COLUMNS.map(() => h("th", { scope: "col" }));
  const tbody = h("tbody", {});
  const table = h("table", { class: "lots" }, caption, h("thead", {}, h("tr", {}, ...heads)), tbody);
  const rows = lotRows(tbody, ctx);
  return {
    nodes: [none, table],
    sync(p: CompanyPrivateView): void {
      none.hidden = p.lots.length > 0;
      table.hidden = !p.lots.length;
      rows.sync(
        p.lots.flatMap((lot): LotPart[] => [
          { lot, part: "info" },
          { lot, part: "actions" },
        ]),
      );
    },
    relabel(): void {
      setText(none, t("fleet.noLots"));
      setText(caption, t("fleet.lots"));
      heads.forEach((th, i) => setText(th, t(LOT_COLUMNS[i] as MessageKey)));
    },
  };
}

type LeaseView = CompanyPrivateView["leases"][number];

const leaseText = (l: LeaseView) =>
  `${placeName(l.region)}: ${formatNumber(l.kw, lang())} kW${l.renewable ? ` · ${t("fleet.renewable")}` : ""}`;

/** My leases (or "no leases"), each a link to its region's panel when there are other panels to open. */
function leasesList(hooks: FleetHooks | undefined) {
  const none = h("p", { class: "muted" });
  const list = h("ul", { class: "leases" });
  const rows = keyedRows<LeaseView, HTMLLIElement>(list, {
    key: (l) => l.region,
    create: (l) =>
      hooks
        ? h(
            "li",
            {},
            h("button", {
              type: "button",
              class: "link",
              "data-testid": `lease-${l.region}`,
              "data-k": `lease-${l.region}`,
              "aria-haspopup": "dialog",
              onclick: (e: Event) => hooks.region(l.region, e.currentTarget as Element),
            }),
          )
        : h("li", {}),
    update: (li, l) => setText(li.firstElementChild ?? li, leaseText(l)),
  });
  return {
    nodes: [none, list],
    sync(p: CompanyPrivateView): void {
      none.hidden = p.leases.length > 0;
      list.hidden = !p.leases.length;
      rows.sync(p.leases);
    },
    relabel: () => setText(none, t("fleet.noLeases")),
  };
}

/** The share of mined BTC sold each day: a percentage, checked here, set by the server. */
function ratioForm(ctx: FleetContext) {
  const label = h("label", { for: "fleet-ratio" });
  const input = h("input", {
    id: "fleet-ratio",
    type: "number",
    min: 0,
    max: 100,
    step: 1,
    "data-k": "ratio",
    oninput: () => (ctx.ratioPct = Number(input.value)),
  });
  const set = h("button", { type: "submit", "data-k": "ratio-set" });
  let bps: number | null = null;
  const submit = (ev: Event) => {
    ev.preventDefault();
    const pct = Number(input.value);
    if (!Number.isFinite(pct) || pct < 0 || pct > 100)
      return statusLine(ctx.out, t("fleet.badRatio"), "error");
    void perform(ctx.server.command({ type: "setSellRatio", ratioBps: ratioBps(pct) }), ctx.out).then(
      (ok) => ok && (ctx.ratioPct = null),
    );
  };
  const show = () => {
    if (bps === null) return;
    setText(label, t("fleet.sellRatio", { pct: formatNumber(bps / 100, lang()) }));
    // What the player typed and has not set yet stays in the field.
    if (ctx.ratioPct === null && document.activeElement !== input) input.value = String(bps / 100);
  };
  return {
    node: h("form", { class: "row", onsubmit: submit }, label, input, set),
    sync(p: CompanyPrivateView): void {
      bps = p.sellRatioBps;
      show();
    },
    relabel(): void {
      setText(set, t("fleet.setRatio"));
      show();
    },
  };
}

const moneyText = (p: CompanyPrivateView) =>
  `${t("hud.cash")} ${formatCents(p.cashCents, lang(), true)} · ${t("hud.btc")} ${formatSats(p.btcSats, lang())}`;

export function createFleet(parent: HTMLElement, server: GameServer, hooks?: FleetHooks) {
  const el = h("section", { class: "panel fleet", "aria-labelledby": "fleet-title", hidden: true });
  parent.append(el);
  const title = h("h2", { id: "fleet-title" });
  const money = h("p", { class: "money" });
  const out = status();
  const ctx: FleetContext = { server, out, hooks, sellQty: new Map(), ratioPct: null };
  const headings = [h("h3", {}), h("h3", {})];
  const lots = lotsTable(ctx);
  const leases = leasesList(hooks);
  const ratio = ratioForm(ctx);
  const grey = createGreyRisk(server);
  const body = h("div", {}, headings[0], ...lots.nodes, headings[1], ...leases.nodes, ratio.node);
  el.append(title, money, grey.node, body, out);
  let drawn = "";
  let mine: CompanyPrivateView | null = null;

  /** Brings the panel to my company's state, in place: rows the player points at stay the same nodes. */
  function render(p: CompanyPrivateView): void {
    drawn = fleetKey(p);
    lots.sync(p);
    leases.sync(p);
    ratio.sync(p);
  }

  function relabel(): void {
    title.textContent = t("fleet.title");
    headings.forEach((el, i) => setText(el, t(i ? "fleet.leases" : "fleet.lots")));
    lots.relabel();
    leases.relabel();
    ratio.relabel();
    grey.relabel();
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
      grey.update(view, mine);
      if (!mine) return void (drawn = "");
      money.textContent = moneyText(mine);
      if (fleetKey(mine) !== drawn) render(mine);
    },
    relabel,
  };
}
