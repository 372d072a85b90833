/**
 * The region panel's lease forms: a new lease (kW, grid or renewable) priced by the engine's preview,
 * and giving back leased kW where I lease. Each is enabled only when the engine would accept it.
 */
import type { PreviewQuote } from "../../../shared/protocol/index.ts";
import { lang, t } from "../i18n/index.ts";
import type { GameServer } from "../net/Server.ts";
import type { CompanyPrivateView } from "../net/view.ts";
import { fill, h } from "./dom.ts";
import { countProblem, texts } from "./fields.ts";
import { formatCents, formatNumber, formatPct, formatPowerMicro } from "./format.ts";
import { gatedAction } from "./gatedAction.ts";
import { kwFor, parseCount, quoteOf } from "./panelModel.ts";

export type LeaseQuote = Extract<PreviewQuote, { kind: "lease" }>;

const kwField = (id: string, attrs: Record<string, string>, onInput: () => void) =>
  h("input", { id, type: "number", min: 1, step: 1, "data-testid": id, oninput: onInput, ...attrs });

/** A new lease here (kW, grid or renewable), priced by the engine; `on.quoted` hears each answer. */
function leaseSection(
  server: GameServer,
  out: HTMLElement,
  region: () => string,
  on: { quoted(q: LeaseQuote): void; after(): void },
) {
  const kw = kwField("lease-kw", { value: "100" }, () => action.ask());
  const renewable = h("input", {
    id: "lease-renewable",
    type: "checkbox",
    "data-testid": "lease-renewable",
    onchange: () => action.ask(true),
  });
  const quote = h("p", { class: "quote", "data-testid": "lease-quote", "aria-live": "polite" });
  const text = texts();
  const renewableText = h("span", {});
  const action = gatedAction({
    server,
    status: out,
    testid: "lease-submit",
    reasonId: "lease-reason",
    label: "panels.region.leaseButton",
    primary: true,
    intent: () => {
      const n = parseCount(kw.value, 1_000_000);
      if (!region() || n === null) return null;
      return {
        type: "leaseCapacity" as const,
        region: region(),
        kw: n,
        ...(renewable.checked ? { renewable: true } : {}),
      };
    },
    show: (s) => {
      if (s.status === "idle") quote.textContent = countProblem(kw.value, 1_000_000, "kw") ?? "";
      const q = quoteOf(s, "lease");
      if (!q) return void (s.status === "pending" && (quote.textContent = t("panels.checking")));
      renewable.disabled = !q.renewableOption;
      renewableText.textContent = ` ${renewableOption(q)}`;
      quote.textContent = leaseText(q);
      on.quoted(q);
    },
    after: () => on.after(),
  });
  const row = h(
    "div",
    // The tour's lease step rings this row (tutorialSteps.ts).
    { class: "row wrap", "data-testid": "lease-form" },
    h("div", {}, text.label("lease-kw", "panels.region.kw"), kw),
    h("label", { class: "inline" }, renewable, renewableText),
    action.button,
  );
  return {
    kw,
    action,
    nodes: [text.heading("panels.region.lease"), row, quote, action.reason],
    relabel(): void {
      text.relabel();
      action.render();
    },
  };
}

function renewableOption(q: LeaseQuote): string {
  return q.renewableOption
    ? t("panels.region.renewable", { premium: formatPct(q.renewableOption.premiumBps / 100, lang()) })
    : t("panels.region.noRenewable");
}

function leaseText(q: LeaseQuote): string {
  const l = lang();
  const text = t("panels.region.leaseQuote", {
    setup: formatCents(q.setupCents, l),
    power: formatPowerMicro(q.powerMicroUsdPerKwh, l),
    uptime: formatPct(q.uptimePct, l),
    carbon: formatNumber(q.carbonGPerKwh, l),
  });
  // A carbon levy (issue #13 §4): what it adds to each kWh of this supply, beside the power price.
  if (q.carbonTaxCentsPerTonne <= 0) return text;
  const levy = t("trade.lease.levy", {
    rate: formatCents(q.carbonTaxCentsPerTonne, l),
    levy: formatPowerMicro(q.carbonLevyMicroUsdPerKwh, l),
  });
  return `${text} ${levy}`;
}

/** Giving back leased kW here; shown only where I lease. */
function releaseSection(server: GameServer, out: HTMLElement, region: () => string, after: () => void) {
  const kw = kwField("release-kw", {}, () => action.ask());
  const text = texts();
  const label = text.label("release-kw", "panels.region.releaseKw");
  const box = h("div", { class: "row wrap" });
  const action = gatedAction({
    server,
    status: out,
    testid: "release-submit",
    reasonId: "release-reason",
    label: "panels.region.release",
    intent: () => {
      const n = parseCount(kw.value, 1_000_000);
      return region() && n !== null ? { type: "releaseCapacity" as const, region: region(), kw: n } : null;
    },
    after,
  });
  return {
    kw,
    action,
    nodes: [box, action.reason],
    /** Shows the form for my lease here (kW held, or none: hidden). */
    render(leasedKw: number | null): void {
      box.hidden = leasedKw === null;
      if (leasedKw !== null && !kw.value) kw.value = String(leasedKw);
      fill(box, h("div", {}, label, kw), action.button);
      if (leasedKw !== null) action.ask(true);
    },
    relabel(): void {
      text.relabel();
      action.render();
    },
  };
}

export function myLeaseText(q: LeaseQuote): string {
  const l = lang();
  return q.leasedKw
    ? t("panels.region.myLease", {
        kw: formatNumber(q.leasedKw, l),
        used: formatNumber(Math.ceil(q.usedKw), l),
      })
    : t("panels.region.noLease");
}

/** Where the lots waiting in a region would fit: what they need, else a round 100 kW. */
function suggestedKw(priv: CompanyPrivateView | null, region: string): number {
  const waiting = (priv?.lots ?? []).filter((x) => x.status === "stored" && x.placeId === region);
  return waiting.length ? waiting.reduce((sum, x) => sum + kwFor(x), 0) : 100;
}

/** Leasing and releasing here: each changes what the other may do, so each asks the other again. */
export function leaseForms(
  server: GameServer,
  out: HTMLElement,
  region: () => string,
  quoted: (q: LeaseQuote) => void,
) {
  const lease = leaseSection(server, out, region, { quoted, after: () => release.action.ask(true) });
  const release = releaseSection(server, out, region, () => lease.action.ask(true));
  const both = [lease.action, release.action];
  let leasedShown = -1;
  /** The release form for my lease here; redrawn only when its kW changed (or `force`). */
  const showRelease = (priv: CompanyPrivateView | null, force: boolean) => {
    const kw = priv?.leases.find((x) => x.region === region())?.kw ?? null;
    if (!force && (kw ?? 0) === leasedShown) return;
    leasedShown = kw ?? 0;
    release.render(kw);
  };
  return {
    nodes: [...lease.nodes, ...release.nodes],
    /** A region chosen: its forms start over. */
    reset(priv: CompanyPrivateView | null): void {
      lease.kw.value = String(suggestedKw(priv, region()));
      release.kw.value = "";
      showRelease(priv, true);
      lease.action.ask(true);
    },
    update(priv: CompanyPrivateView | null): void {
      showRelease(priv, false);
      for (const a of both) a.refresh();
    },
    stop: () => both.forEach((a) => a.stop()),
    relabel(): void {
      lease.relabel();
      release.relabel();
    },
  };
}
