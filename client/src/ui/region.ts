/**
 * The region panel, opened by clicking a region on the map or picking it from the list: policy and its
 * recent history from the news, today's power price, free capacity and share of hashrate, my lease
 * there, and a lease (kW, grid or renewable) with its cost from the engine's preview; also releasing
 * leased kW. Lease and Release are enabled only when the engine would accept them.
 */
import catalog from "virtual:atlas-catalog";
import { formatIsoDate } from "../../../shared/math/calendar.ts";
import { lang, pick, t, type MessageKey } from "../i18n/index.ts";
import type { GameServer } from "../net/Server.ts";
import type { CompanyPrivateView, GameView } from "../net/view.ts";
import { perform } from "./act.ts";
import { applyGate, createDialog } from "./dialog.ts";
import { fill, h, status } from "./dom.ts";
import { formatBps, formatDate, formatNumber, formatPct, formatPowerMicro, mwOfKw } from "./format.ts";
import { gateOf, kwFor, parseCount, power, quoteOf, regionHistory, usd } from "./panelModel.ts";
import { Previewer, type PreviewState } from "./previewer.ts";

export function createRegionPanel(parent: HTMLElement, server: GameServer) {
  const dialog = createDialog(parent, "region-panel", () => {
    leaseAsk.stop();
    releaseAsk.stop();
  });
  const picker = h("select", {
    id: "region-select",
    "data-testid": "region-select",
    onchange: () => choose(picker.value),
  });
  const facts = h("dl", { class: "facts", "data-testid": "region-facts" });
  const mine = h("p", { "data-testid": "region-lease" });
  const kw = h("input", {
    id: "lease-kw",
    type: "number",
    min: 1,
    step: 1,
    value: "100",
    "data-testid": "lease-kw",
    oninput: () => askLease(),
  });
  const renewable = h("input", {
    id: "lease-renewable",
    type: "checkbox",
    "data-testid": "lease-renewable",
    onchange: () => askLease(true),
  });
  const leaseQuote = h("p", { class: "quote", "data-testid": "lease-quote", "aria-live": "polite" });
  const leaseReason = h("p", {
    id: "lease-reason",
    class: "reason",
    "data-testid": "lease-reason",
    hidden: true,
  });
  const lease = h("button", {
    type: "button",
    class: "primary",
    "data-testid": "lease-submit",
    disabled: true,
  });
  const releaseKw = h("input", {
    id: "release-kw",
    type: "number",
    min: 1,
    step: 1,
    "data-testid": "release-kw",
    oninput: () => askRelease(),
  });
  const releaseReason = h("p", {
    id: "release-reason",
    class: "reason",
    "data-testid": "release-reason",
    hidden: true,
  });
  const release = h("button", { type: "button", "data-testid": "release-submit", disabled: true });
  const releaseBox = h("div", { class: "row wrap" });
  const history = h("ul", { class: "history", "data-testid": "region-history" });
  const out = status();
  out.setAttribute("data-testid", "region-status");
  const labels = {
    picker: h("label", { for: "region-select" }),
    kw: h("label", { for: "lease-kw" }),
    renewable: h("span", {}),
    releaseKw: h("label", { for: "release-kw" }),
    lease: h("h3", {}),
    history: h("h3", {}),
  };
  dialog.body.append(
    labels.picker,
    picker,
    facts,
    mine,
    labels.lease,
    h(
      "div",
      { class: "row wrap" },
      h("div", {}, labels.kw, kw),
      h("label", { class: "inline" }, renewable, labels.renewable),
      lease,
    ),
    leaseQuote,
    leaseReason,
    releaseBox,
    releaseReason,
    out,
    labels.history,
    history,
  );

  let region = "";
  let view: GameView | null = null;
  let priv: CompanyPrivateView | null = null;
  let lastLease: ReturnType<typeof quoteOf<"lease">> = null;
  let leasedShown = -1;
  const leaseAsk = new Previewer((s) => showLease(s));
  const releaseAsk = new Previewer((s) => applyGate(release, releaseReason, gateOf(s, lang())));

  lease.addEventListener("click", () => {
    const cmd = leaseCommand();
    if (cmd) void perform(server.command(cmd), out).then(() => (askLease(true), askRelease(true)));
  });
  release.addEventListener("click", () => {
    const cmd = releaseCommand();
    if (cmd) void perform(server.command(cmd), out).then(() => (askLease(true), askRelease(true)));
  });

  function leaseCommand() {
    const n = parseCount(kw.value, 1_000_000);
    if (!region || n === null) return null;
    return {
      type: "leaseCapacity" as const,
      region,
      kw: n,
      ...(renewable.checked ? { renewable: true } : {}),
    };
  }

  function releaseCommand() {
    const n = parseCount(releaseKw.value, 1_000_000);
    return region && n !== null ? { type: "releaseCapacity" as const, region, kw: n } : null;
  }

  function askLease(now = false): void {
    const cmd = leaseCommand();
    leaseAsk.ask(cmd ? { key: JSON.stringify(cmd), ask: () => server.preview(cmd) } : null, now);
    if (!cmd) leaseQuote.textContent = t("panels.badQty");
  }

  function askRelease(now = false): void {
    const cmd = releaseCommand();
    releaseAsk.ask(cmd ? { key: JSON.stringify(cmd), ask: () => server.preview(cmd) } : null, now);
  }

  function showLease(s: PreviewState): void {
    applyGate(lease, leaseReason, gateOf(s, lang()));
    const q = quoteOf(s, "lease");
    if (!q) return void (s.status === "pending" && (leaseQuote.textContent = t("panels.checking")));
    const l = lang();
    renewable.disabled = !q.renewableOption;
    labels.renewable.textContent = ` ${
      q.renewableOption
        ? t("panels.region.renewable", { premium: formatPct(q.renewableOption.premiumBps / 100, l) })
        : t("panels.region.noRenewable")
    }`;
    leaseQuote.textContent = t("panels.region.leaseQuote", {
      setup: usd(q.setupCents, l),
      power: power(q.powerMicroUsdPerKwh, l),
      uptime: formatPct(q.uptimePct, l),
      carbon: formatNumber(q.carbonGPerKwh, l),
    });
    mine.textContent = q.leasedKw
      ? t("panels.region.myLease", {
          kw: formatNumber(q.leasedKw, l),
          used: formatNumber(Math.ceil(q.usedKw), l),
        })
      : t("panels.region.noLease");
    lastLease = q;
    renderFacts();
  }

  function renderFacts(): void {
    const l = lang();
    const s = view?.regions.find((r) => r.id === region);
    const q = lastLease?.region === region ? lastLease : null;
    const extra = q?.moratoriumUntil
      ? t("panels.region.moratorium", { date: formatDate(q.moratoriumUntil, l) })
      : "";
    const rows: [string, string][] = s
      ? [
          [
            t("overlay.policy"),
            [
              t(`policy.${s.policy}` as MessageKey),
              s.banPending ? t("policy.banPending") : "",
              s.offline ? t("policy.offline") : "",
              extra,
            ]
              .filter(Boolean)
              .join(" · "),
          ],
          [t("overlay.power"), formatPowerMicro(s.powerMicroUsdPerKwh, l)],
          [t("panels.region.free"), `${formatNumber(mwOfKw(s.freeKw), l, mwOfKw(s.freeKw) < 10 ? 2 : 0)} MW`],
          [t("overlay.share"), formatBps(s.shareBps, l)],
        ]
      : [];
    if (q) rows.push([t("panels.region.hosting"), usd(q.hostingCentsPerKwMonth, l)]);
    fill(facts, ...rows.flatMap(([k, v]) => [h("dt", { text: k }), h("dd", { text: v })]));
    const items = regionHistory(s, view?.news ?? []);
    fill(
      history,
      ...(items.length
        ? items.map((n) =>
            h(
              "li",
              {},
              h("span", { class: "muted", text: `${formatDate(formatIsoDate(n.day), l)} ` }),
              pick(n),
            ),
          )
        : [h("li", { class: "muted", text: t("panels.region.noHistory") })]),
    );
  }

  function renderReleaseBox(): void {
    const leased = priv?.leases.find((x) => x.region === region);
    leasedShown = leased?.kw ?? 0;
    releaseBox.hidden = !leased;
    if (leased && !releaseKw.value) releaseKw.value = String(leased.kw);
    fill(releaseBox, h("div", {}, labels.releaseKw, releaseKw), release);
    if (leased) askRelease(true);
  }

  function choose(id: string): void {
    region = id;
    picker.value = id;
    const info = catalog.regions.find((r) => r.id === id);
    dialog.setTitle(info ? `${pick(info.name)} (${info.country})` : t("panels.region.title"));
    // Start from what the lots waiting here need, else a round 100 kW.
    const waiting = (priv?.lots ?? []).filter((x) => x.status === "stored" && x.placeId === id);
    kw.value = String(waiting.length ? waiting.reduce((sum, x) => sum + kwFor(x), 0) : 100);
    releaseKw.value = "";
    out.textContent = "";
    renderFacts();
    renderReleaseBox();
    askLease(true);
  }

  function relabel(): void {
    labels.picker.textContent = t("panels.region.pick");
    labels.kw.textContent = t("panels.region.kw");
    labels.releaseKw.textContent = t("panels.region.releaseKw");
    labels.lease.textContent = t("panels.region.lease");
    labels.history.textContent = t("panels.region.history");
    lease.textContent = t("panels.region.leaseButton");
    release.textContent = t("panels.region.release");
    const regions = [...catalog.regions].sort((a, b) => pick(a.name).localeCompare(pick(b.name), lang()));
    fill(picker, ...regions.map((r) => h("option", { value: r.id, text: pick(r.name) })));
    picker.value = region;
    if (!region) dialog.setTitle(t("panels.region.title"));
    else {
      renderFacts();
      showLease(leaseAsk.state);
    }
  }

  relabel();
  return {
    /** Opens on a region (a click on the map, or the toolbar with the first region). */
    open(id: string | null, opener?: Element | null) {
      choose(id ?? (region || catalog.regions[0]?.id || ""));
      dialog.open(opener);
    },
    update(next: GameView, seat: string | null) {
      view = next;
      priv = next.companies.find((c) => c.seat === seat)?.priv ?? null;
      if (!dialog.isOpen) return;
      renderFacts();
      if ((priv?.leases.find((x) => x.region === region)?.kw ?? 0) !== leasedShown) renderReleaseBox();
      leaseAsk.refresh();
      releaseAsk.refresh();
    },
    relabel,
    close: () => dialog.close(),
  };
}
