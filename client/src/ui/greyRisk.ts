/**
 * Grey mining in the fleet panel (issue #13 §4): for my machines installed where mining is banned, the
 * engine's powerLot quote states the daily odds of seizure at my size and the ban's age. Asked once a
 * day per lot (only lots in banned regions: rare), shown as a warning line with the glossary tip.
 */
import type { GreyQuote } from "../../../shared/protocol/index.ts";
import { lang, pick, t } from "../i18n/index.ts";
import type { GameServer } from "../net/Server.ts";
import type { CompanyPrivateView, GameView } from "../net/view.ts";
import catalog from "virtual:atlas-catalog";
import { h } from "./dom.ts";
import { formatBps, formatNumber } from "./format.ts";
import { termTip } from "./glossary.ts";

/** The warning for one region, from the engine's quote. */
export function greyText(q: GreyQuote, l = lang()): string {
  const region = catalog.regions.find((r) => r.id === q.region);
  const where = region ? `${pick(region.name)}: ` : "";
  return `${where}${t("trade.grey.risk", {
    pct: formatBps(q.seizureBpsPerDay, l),
    kw: formatNumber(q.kw, l),
    days: formatNumber(q.daysUnderBan, l),
  })}`;
}

export function createGreyRisk(server: GameServer) {
  const text = h("span", {});
  const node = h("p", { class: "warn", "data-testid": "grey-risk", hidden: true }, termTip("grey"), text);
  /** The latest quote per banned region where my machines run; the lot-days already asked about. */
  const last = new Map<string, GreyQuote>();
  let asked = new Set<string>();
  let regions: string[] = [];
  const show = () => {
    const shown = regions.map((r) => last.get(r)).filter((q): q is GreyQuote => q !== undefined);
    node.hidden = shown.length === 0;
    text.textContent = ` ${shown.map((q) => greyText(q)).join(" ")}`;
  };
  return {
    node,
    update(view: GameView, mine: CompanyPrivateView | null): void {
      const banned = new Set(view.regions.filter((r) => r.policy === "banned").map((r) => r.id));
      const lots = (mine?.lots ?? []).filter(
        (l) => l.status === "installed" && l.powered && l.placeKind === "region" && banned.has(l.placeId),
      );
      // One lot per region is enough: the quote counts all my powered kW there.
      const byRegion = new Map(lots.map((l) => [l.placeId, l]));
      regions = [...byRegion.keys()];
      const next = new Set<string>();
      for (const lot of byRegion.values()) {
        const key = `${lot.id}:${view.day}`;
        next.add(key);
        if (asked.has(key)) continue;
        void server
          .preview({ type: "powerLot", lot: lot.id, on: true })
          .then((r) => {
            if (r.quote?.kind !== "grey") return;
            last.set(r.quote.region, r.quote);
            show();
          })
          .catch(() => undefined);
      }
      asked = next;
      show();
    },
    relabel: show,
  };
}
