/**
 * Machine leases in the offers panel (shared/engine/machineLease.ts has the rules): offer the hashrate of
 * one of my lots to another company for a term and fees, and answer (or withdraw) the leases I am party
 * to. Each lease shows the engine's quote of both sides at today's figures; the engine decides, and a
 * refusal comes back with its reason.
 */
import { lang, t } from "../i18n/index.ts";
import type { GameServer } from "../net/Server.ts";
import type { CompanyPrivateView, GameView } from "../net/view.ts";
import type { MachineLeaseView } from "../../../shared/view/machineLeases.ts";
import { perform } from "./act.ts";
import { fill, h } from "./dom.ts";
import { fillSelect, lotLabel } from "./fields.ts";
import { formatCents } from "./format.ts";
import { termTip } from "./glossary.ts";
import { gatedAction } from "./gatedAction.ts";
import { quoteOf } from "./panelModel.ts";

interface Context {
  server: GameServer;
  out: HTMLElement;
  view(): GameView | null;
  seat(): string | null;
  mine(): CompanyPrivateView | null;
}

const input = (id: string, value: string) =>
  h("input", { id, type: "number", min: 0, step: "any", value, "data-testid": id }) as HTMLInputElement;

/** One lease as a line, with its quote and its status. */
function leaseLine(l: MachineLeaseView, nameOf: (seat: string) => string): string {
  const lg = lang();
  const row = t("ml.row", {
    id: l.id,
    lot: l.lot.replace(/^lot-/, ""),
    from: nameOf(l.from),
    to: nameOf(l.to),
    term: String(l.termDays),
    upfront: formatCents(l.upfrontCents, lg),
    daily: formatCents(l.dailyCents, lg),
  });
  const state = l.status === "open" ? t("ml.status.open") : t("ml.status.active", { end: String(l.endDay) });
  const quote = t("ml.quote", {
    value: formatCents(l.valuePerDayCents, lg),
    power: formatCents(l.powerPerDayCents, lg),
  });
  return `${row} · ${state} · ${quote}`;
}

function leaseItem(ctx: Context, l: MachineLeaseView, nameOf: (seat: string) => string): HTMLElement {
  const send = (accept: boolean) =>
    void perform(ctx.server.command({ type: "answerMachineLease", lease: l.id, accept }), ctx.out);
  const buttons: HTMLElement[] = [];
  if (l.status === "open" && l.to === ctx.seat()) {
    buttons.push(
      h("button", {
        text: t("ml.accept"),
        class: "primary",
        "data-testid": `mlease-accept-${l.id}`,
        onclick: () => send(true),
      }),
      h("button", {
        text: t("ml.decline"),
        "data-testid": `mlease-decline-${l.id}`,
        onclick: () => send(false),
      }),
    );
  } else if (l.status === "open" && l.from === ctx.seat()) {
    buttons.push(
      h("button", {
        text: t("ml.withdraw"),
        "data-testid": `mlease-withdraw-${l.id}`,
        onclick: () => send(false),
      }),
    );
  }
  return h("li", { "data-testid": `mlease-${l.id}` }, h("span", { text: leaseLine(l, nameOf) }), ...buttons);
}

/** The lease form: a lot of mine, a company, a term, a daily and an upfront fee. */
function leaseForm(ctx: Context) {
  const lot = h("select", { id: "mlease-lot", "data-testid": "mlease-lot" }) as HTMLSelectElement;
  const to = h("select", { id: "mlease-to", "data-testid": "mlease-to" }) as HTMLSelectElement;
  const term = input("mlease-term", "30");
  const daily = input("mlease-daily", "");
  const upfront = input("mlease-upfront", "0");
  const cents = (el: HTMLInputElement) => Math.max(0, Math.round(Number(el.value || "0") * 100));
  const quote = h("p", { class: "quote", "data-testid": "mlease-quote" });
  const send = gatedAction({
    server: ctx.server,
    status: ctx.out,
    testid: "mlease-send",
    reasonId: "mlease-reason",
    label: "ml.offer",
    intent: () => {
      if (!lot.value || !to.value) return null;
      return {
        type: "offerMachineLease" as const,
        lot: lot.value,
        to: to.value,
        termDays: Math.min(365, Math.max(1, Math.round(Number(term.value || "30")))),
        upfrontCents: cents(upfront),
        dailyCents: cents(daily),
        days: 5,
      };
    },
    show: (st) => {
      const q = quoteOf(st, "machineLease");
      quote.dataset.quoted = q ? "1" : "0";
      if (!q) {
        quote.textContent = t("ml.fill");
        return;
      }
      const lg = lang();
      quote.textContent = `${t("ml.quote", { value: formatCents(q.valuePerDayCents, lg), power: formatCents(q.powerPerDayCents, lg) })} ${t("ml.net", { lessee: formatCents(q.lesseeNetCents, lg), owner: formatCents(q.ownerNetCents, lg) })}`;
    },
  });
  for (const el of [lot, to, term, daily, upfront]) el.addEventListener("input", () => send.ask(true));
  for (const el of [lot, to]) el.addEventListener("change", () => send.ask(true));
  const labelled = (
    el: HTMLElement,
    key: "ml.form.lot" | "ml.form.to" | "ml.form.term" | "ml.form.daily" | "ml.form.upfront",
  ) => h("div", {}, h("label", { for: el.id, "data-key": key }), el);
  const node = h(
    "div",
    { class: "lease-form" },
    labelled(lot, "ml.form.lot"),
    labelled(to, "ml.form.to"),
    labelled(term, "ml.form.term"),
    labelled(daily, "ml.form.daily"),
    labelled(upfront, "ml.form.upfront"),
    send.button,
    send.reason,
    quote,
  );
  function render(): void {
    const mine = ctx.mine();
    const leased = new Set(
      (mine?.machineLeases ?? []).filter((l) => l.from === ctx.seat()).map((l) => l.lot),
    );
    const lots = (mine?.lots ?? []).filter((l) => l.status === "installed" && !leased.has(l.id));
    fillSelect(
      lot,
      lots.map((l) => [l.id, lotLabel(l)]),
    );
    const others = (ctx.view()?.companies ?? []).filter((c) => c.seat !== ctx.seat());
    fillSelect(
      to,
      others.map((c) => [c.seat, c.name || c.seat]),
    );
    send.refresh();
  }
  function relabel(): void {
    send.render();
    // Until the engine has quoted a complete form (the preview shows it), the prompt says what to fill.
    if (!quote.textContent?.trim() || quote.dataset.quoted !== "1") quote.textContent = t("ml.fill");
    for (const label of Array.from(node.querySelectorAll<HTMLElement>("label[data-key]")))
      label.textContent = t(label.dataset.key as "ml.form.lot");
  }
  return { node, render, relabel, stop: () => send.stop(), ask: () => send.ask(true) };
}

/** The machine-lease part of the offers panel. */
export function createMachineLeases(ctx: Context) {
  const title = h("h3", {});
  const rules = h("p", { class: "muted" });
  const list = h("ul", { class: "offers", "data-testid": "machine-leases" });
  const form = leaseForm(ctx);
  let shown = "";
  const nameOf = (seat: string) => ctx.view()?.companies.find((c) => c.seat === seat)?.name || seat;
  function render(force = false): void {
    form.render();
    const leases = ctx.mine()?.machineLeases ?? [];
    const key = `${lang()}|${JSON.stringify(leases)}`;
    if (key === shown && !force) return;
    shown = key;
    if (leases.length === 0) fill(list, h("li", { class: "muted", text: t("ml.none") }));
    else fill(list, ...leases.map((l) => leaseItem(ctx, l, nameOf)));
  }
  function relabel(): void {
    fill(title, t("ml.title"), " ", termTip("machineLease"));
    rules.textContent = t("ml.rules");
    form.relabel();
    render(true);
  }
  relabel();
  return { nodes: [title, rules, form.node, list], render, relabel, stop: form.stop, open: form.ask };
}
