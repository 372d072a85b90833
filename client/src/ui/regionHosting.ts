/**
 * The region card's hosting part (issue #13 §3): the region's use, hosting price and queue, and the
 * expected wait, all from the engine's lease quote; a queue form (kW and an optional bid) and an own
 * site form (kW), each priced and gated by the engine's preview; and my queued leases and sites here.
 */
import { lang, t } from "../i18n/index.ts";
import type { GameServer } from "../net/Server.ts";
import type { CompanyPrivateView } from "../net/view.ts";
import { fill, h } from "./dom.ts";
import { texts } from "./fields.ts";
import { formatCents, formatDate, formatDay, formatNumber } from "./format.ts";
import { gatedAction, type GatedAction } from "./gatedAction.ts";
import { termTip } from "./glossary.ts";
import { parseCount, parseUsdCents, quoteOf } from "./panelModel.ts";
import type { LeaseQuote } from "./regionLease.ts";

const field = (id: string, value: string, onInput: () => void) =>
  h("input", { id, type: "number", min: 0, step: 1, value, "data-testid": id, oninput: onInput });

/** The region's hosting facts from a lease quote: use, price, queue, crunch and the wait. */
function factsText(q: LeaseQuote, kw: number): string[] {
  const l = lang();
  const lines = [
    t("hosting.facts", {
      use: formatNumber((q.utilisationBps ?? 0) / 100, l, 1),
      price: formatCents(q.priceCentsPerKwMonth ?? q.hostingCentsPerKwMonth, l),
      base: formatCents(q.baseCentsPerKwMonth ?? q.hostingCentsPerKwMonth, l),
      queued: formatNumber(q.queuedKw ?? 0, l),
    }),
  ];
  if (q.crunch) lines.push(t("hosting.crunch"));
  const n = formatNumber(kw, l);
  if (q.waitDays === null) lines.push(t("hosting.waitUnknown", { kw: n }));
  else if (!q.waitDays) lines.push(t("hosting.waitNow", { kw: n }));
  else lines.push(t("hosting.wait", { kw: n, days: q.waitDays, date: formatDate(q.readyDate ?? "", l) }));
  return lines;
}

function queueAction(server: GameServer, out: HTMLElement, region: () => string, facts: HTMLElement) {
  const kw = field("hosting-kw", "1000", () => action.ask());
  const bid = field("hosting-bid", "", () => action.ask());
  const quote = h("p", { class: "quote", "data-testid": "hosting-queue-quote" });
  const action = gatedAction({
    server,
    status: out,
    testid: "hosting-queue",
    reasonId: "hosting-queue-reason",
    label: "hosting.queueButton",
    intent: () => {
      const n = parseCount(kw.value, 1_000_000);
      const cents = bid.value.trim() ? parseUsdCents(bid.value) : 0;
      if (!region() || n === null || cents === null) return null;
      return {
        type: "leaseCapacity" as const,
        region: region(),
        kw: n,
        queue: true,
        ...(cents ? { bidCentsPerKwMonth: cents } : {}),
      };
    },
    show: (s) => {
      const q = quoteOf(s, "lease");
      if (!q) return;
      fill(facts, ...factsText(q, q.kw).map((line) => h("div", { text: line })));
      const l = lang();
      quote.textContent = t("hosting.queueQuote", {
        price: formatCents(q.hostingCentsPerKwMonth, l),
        setup: formatCents(q.setupCents, l),
      });
    },
  });
  return { kw, bid, quote, action };
}

function siteAction(server: GameServer, out: HTMLElement, region: () => string) {
  const kw = field("site-kw", "5000", () => action.ask());
  const quote = h("p", { class: "quote", "data-testid": "site-quote" });
  const action = gatedAction({
    server,
    status: out,
    testid: "site-build",
    reasonId: "site-reason",
    label: "hosting.siteButton",
    intent: () => {
      const n = parseCount(kw.value, 1_000_000);
      return region() && n !== null && n >= 100
        ? { type: "buildSite" as const, region: region(), kw: n }
        : null;
    },
    show: (s) => {
      const q = quoteOf(s, "site");
      if (!q) return;
      const l = lang();
      quote.textContent = t("hosting.siteQuote", {
        capex: formatCents(q.capexCents, l),
        date: formatDate(q.readyDate, l),
        days: q.buildDays,
        upkeep: formatCents(q.upkeepCentsPerMonth, l),
        saved: formatCents(q.hostingSavedCentsPerMonth, l),
      });
    },
  });
  return { kw, quote, action };
}

/** My queued leases and own sites in the region, in a line. */
function mineText(priv: CompanyPrivateView | null, region: string): string {
  const l = lang();
  const items = (priv?.hosting ?? [])
    .filter((d) => d.region === region && (d.kind === "queue" || d.kind === "site"))
    .map((d) => {
      const kw = formatNumber(d.kw, l);
      if (d.kind === "queue") return t("hosting.item.queue", { kw });
      return d.built
        ? t("hosting.item.siteBuilt", { kw })
        : t("hosting.item.site", { kw, date: formatDay(d.day, l) });
    });
  return items.length ? t("hosting.mine", { items: items.join(" · ") }) : t("hosting.mineNone");
}

export function createRegionHosting(server: GameServer, out: HTMLElement, region: () => string) {
  const text = texts();
  const facts = h("div", { "data-testid": "hosting-facts", "aria-live": "polite" });
  const mine = h("p", { class: "muted", "data-testid": "hosting-mine" });
  const queue = queueAction(server, out, region, facts);
  const site = siteAction(server, out, region);
  const leave = gatedAction({
    server,
    status: out,
    testid: "hosting-leave",
    reasonId: "hosting-leave-reason",
    label: "hosting.leaveButton",
    inline: true,
    intent: () => (region() ? { type: "leaveQueue" as const, region: region() } : null),
  });
  const actions: GatedAction[] = [queue.action, site.action, leave];
  const leaveBox = h("span", {}, leave.button, " ", leave.reason);
  /** My line here, and the way out of the queue only while I wait in it. */
  const showMine = () => {
    mine.textContent = mineText(priv, region());
    leaveBox.hidden = !(priv?.hosting ?? []).some((d) => d.kind === "queue" && d.region === region());
  };
  let priv: CompanyPrivateView | null = null;
  const label = (id: string, key: Parameters<typeof text.label>[1]) => text.label(id, key);
  const nodes = [
    h("div", { class: "row" }, text.heading("hosting.title"), termTip("crunch")),
    facts,
    h("div", { class: "row wrap" }, mine, leaveBox),
    h(
      "div",
      { class: "row wrap" },
      h("div", {}, label("hosting-kw", "hosting.queueKw"), queue.kw),
      h("div", {}, label("hosting-bid", "hosting.bid"), queue.bid),
      queue.action.button,
    ),
    queue.quote,
    queue.action.reason,
    h("div", { class: "row" }, text.heading("hosting.site"), termTip("ownSite")),
    h(
      "div",
      { class: "row wrap" },
      h("div", {}, label("site-kw", "hosting.siteKw"), site.kw),
      site.action.button,
    ),
    site.quote,
    site.action.reason,
  ];
  return {
    nodes,
    reset(next: CompanyPrivateView | null): void {
      priv = next;
      showMine();
      for (const a of actions) a.ask(true);
    },
    update(next: CompanyPrivateView | null): void {
      priv = next;
      showMine();
      for (const a of actions) a.refresh();
    },
    stop: () => actions.forEach((a) => a.stop()),
    relabel(): void {
      text.relabel();
      showMine();
      for (const a of actions) a.render();
    },
  };
}
