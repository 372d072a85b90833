/**
 * The region panel, opened by clicking a region on the map or picking it from the list: policy and its
 * recent history from the news, today's power price, free capacity and share of hashrate, my lease
 * there, and a lease (kW, grid or renewable) with its cost from the engine's preview; also releasing
 * leased kW (./regionLease.ts). Lease and Release are enabled only when the engine would accept them.
 * It is also the map's region card: my lots with the power they need, installed or shipped from here
 * (./regionHere.ts), and the map glides to the region chosen.
 */
import catalog from "virtual:atlas-catalog";
import { formatIsoDate } from "../../../shared/math/calendar.ts";
import { lang, pick, t, type MessageKey } from "../i18n/index.ts";
import type { GameServer } from "../net/Server.ts";
import type { CompanyPrivateView, GameView } from "../net/view.ts";
import { createDialog } from "./dialog.ts";
import { fill, h, status } from "./dom.ts";
import { texts } from "./fields.ts";
import { formatBps, formatCents, formatDate, formatNumber, formatPowerMicro, mwOfKw } from "./format.ts";
import { leaseForms, myLeaseText, type LeaseQuote } from "./regionLease.ts";
import { regionHistory } from "./panelModel.ts";
import { type HereHooks } from "./regionHere.ts";
import { createHereAndUsed } from "./regionUsed.ts";
import { createRegionHosting } from "./regionHosting.ts";
import { focusRegion } from "../map/focus.ts";
import { termTip } from "./glossary.ts";
function factRows(region: string, view: GameView | null, lease: LeaseQuote | null): [string, string][] {
  const l = lang();
  const s = view?.regions.find((r) => r.id === region);
  const q = lease?.region === region ? lease : null;
  const moratorium = q?.moratoriumUntil
    ? t("panels.region.moratorium", { date: formatDate(q.moratoriumUntil, l) })
    : "";
  const policy = s
    ? [
        t(`policy.${s.policy}` as MessageKey),
        s.banPending ? t("policy.banPending") : "",
        s.offline ? t("policy.offline") : "",
        moratorium,
      ]
    : [];
  const rows: [string, string][] = s
    ? [
        [t("overlay.policy"), policy.filter(Boolean).join(" · ")],
        [t("overlay.power"), formatPowerMicro(s.powerMicroUsdPerKwh, l)],
        [t("panels.region.free"), `${formatNumber(mwOfKw(s.freeKw), l, mwOfKw(s.freeKw) < 10 ? 2 : 0)} MW`],
        [t("overlay.share"), formatBps(s.shareBps, l)],
      ]
    : [];
  if (q) rows.push([t("panels.region.hosting"), formatCents(q.hostingCentsPerKwMonth, l)]);
  // Covert mining (issue #16): the world still mines in a banned region; players cannot lease there.
  if (s?.policy === "banned" && s.shareBps > 0)
    rows.push([
      t("panels.region.covertLabel"),
      t("panels.region.covert", { share: formatBps(s.shareBps, l) }),
    ]);
  return rows;
}

/** The region's facts (from the state, and the lease quote's hosting and moratorium) and its news. */
function renderFacts(
  box: { facts: HTMLElement; history: HTMLElement },
  region: string,
  view: GameView | null,
  lease: LeaseQuote | null,
): void {
  const l = lang();
  fill(
    box.facts,
    ...factRows(region, view, lease).flatMap(([k, v]) => [
      // The covert-mining row carries its glossary tip (the only fact row with a term of its own).
      k === t("panels.region.covertLabel") ? h("dt", {}, k, termTip("covert")) : h("dt", { text: k }),
      h("dd", { text: v }),
    ]),
  );
  const items = regionHistory(
    view?.regions.find((r) => r.id === region),
    view?.news ?? [],
  );
  fill(
    box.history,
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
/** The region list by name, the chosen one selected. */
function renderPicker(picker: HTMLSelectElement, region: string): void {
  const regions = [...catalog.regions].sort((a, b) => pick(a.name).localeCompare(pick(b.name), lang()));
  fill(picker, ...regions.map((r) => h("option", { value: r.id, text: pick(r.name) })));
  picker.value = region;
}
export function createRegionPanel(parent: HTMLElement, server: GameServer, hooks: HereHooks) {
  const picker = h("select", {
    id: "region-select",
    "data-testid": "region-select",
    onchange: () => choose(picker.value),
  });
  const box = {
    facts: h("dl", { class: "facts", "data-testid": "region-facts" }),
    history: h("ul", { class: "history", "data-testid": "region-history" }),
  };
  const mine = h("p", { "data-testid": "region-lease" });
  const out = status();
  out.setAttribute("data-testid", "region-status");
  const text = texts();
  let region = "";
  let view: GameView | null = null;
  let priv: CompanyPrivateView | null = null;
  let lastLease: LeaseQuote | null = null;
  const facts = () => renderFacts(box, region, view, lastLease);
  const forms = leaseForms(
    server,
    out,
    () => region,
    (q) => {
      mine.textContent = myLeaseText(q);
      lastLease = q;
      facts();
    },
  );
  const here = createHereAndUsed(server, out, hooks, () => region);
  const hosting = createRegionHosting(server, out, () => region);
  const dialog = createDialog(parent, "region-panel", () => [forms, here, hosting].forEach((x) => x.stop()));
  dialog.body.append(
    text.label("region-select", "panels.region.pick"),
    picker,
    box.facts,
    here.el,
    mine,
    ...forms.nodes,
    ...hosting.nodes,
    out,
    text.heading("panels.region.history"),
    box.history,
  );

  function choose(id: string): void {
    region = id;
    picker.value = id;
    const info = catalog.regions.find((r) => r.id === id);
    dialog.setTitle(info ? `${pick(info.name)} (${info.country})` : t("panels.region.title"));
    out.textContent = "";
    facts();
    [forms, hosting].forEach((x) => x.reset(priv));
    here.update(priv, id, true);
    // The map shows the region the card is about (chosen in the list, or from the fleet).
    focusRegion(id);
  }

  function relabel(): void {
    text.relabel();
    [forms, hosting].forEach((x) => x.relabel());
    renderPicker(picker, region);
    if (!region) dialog.setTitle(t("panels.region.title"));
    else facts();
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
      facts();
      [forms, hosting].forEach((x) => x.update(priv));
      here.update(priv, region);
    },
    relabel,
    close: () => dialog.close(),
  };
}
