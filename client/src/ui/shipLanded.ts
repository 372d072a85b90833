/**
 * The ship dialog's landed cost (issue #13 §4): per mode, the engine's landed cost with what time
 * costs, the broker's and licence fees and the expected hold; the broker choice; the chosen mode's
 * summary. Figures are the engine's quote (shared/engine/logistics/landedQuote.ts), never recomputed.
 */
import type { PreviewReply, ShipQuote } from "../../../shared/protocol/index.ts";
import { t, translate, type Lang } from "../i18n/index.ts";
import { h } from "./dom.ts";
import { formatCents, formatNumber } from "./format.ts";
import { termTip } from "./glossary.ts";

/** "landed ≈ $X · time $Y ($Z/day)": what the mode costs in all, time included. */
export function landedLine(q: ShipQuote, l: Lang): string {
  return translate(l, "trade.ship.landed", {
    landed: formatCents(q.landedCostCents, l),
    time: formatCents(q.timeCostCents, l),
    perDay: formatCents(q.timeCostPerDayCents, l),
  });
}

/** Fees and expected holds, and air's extra aircraft; null when there are none. */
export function feesLine(q: ShipQuote, l: Lang): string | null {
  const parts: string[] = [];
  if (q.brokerFeeCents + q.licenceFeeCents > 0 || q.expectedHoldDays > 0)
    parts.push(
      translate(l, "trade.ship.fees", {
        broker: formatCents(q.brokerFeeCents, l),
        licence: formatCents(q.licenceFeeCents, l),
        days: formatNumber(q.expectedHoldDays, l, 1),
      }),
    );
  if (q.departures > 1) parts.push(translate(l, "trade.ship.aircraft", { n: q.departures }));
  return parts.length > 0 ? parts.join(" · ") : null;
}

/** The chosen mode's landed cost, spelt out: freight and taxes, fees and storage, time. */
export function landedSummary(q: ShipQuote, l: Lang): string {
  const days =
    q.landedCostCents > 0 && q.timeCostPerDayCents > 0 ? q.timeCostCents / q.timeCostPerDayCents : 0;
  return translate(l, "trade.ship.total", {
    landed: formatCents(q.landedCostCents, l),
    total: formatCents(q.expectedTotalCents, l),
    fees: formatCents(q.brokerFeeCents + q.licenceFeeCents + q.expectedStorageCents, l),
    time: formatCents(q.timeCostCents, l),
    days: formatNumber(days, l),
  });
}

/** The mode the dialog preselects: the lowest landed cost the engine accepts (as the bots choose). */
export function cheapestLanded(reply: PreviewReply | null): ShipQuote["mode"] | null {
  if (reply?.quote?.kind !== "ship") return null;
  const ok = reply.quote.modes.filter((m) => m.ok && m.quote);
  ok.sort((a, b) => (a.quote?.landedCostCents ?? 0) - (b.quote?.landedCostCents ?? 0));
  return ok[0]?.mode ?? null;
}

/** Each mode's quote by mode, for the rows. */
export function quotesByMode(reply: PreviewReply | null): Map<ShipQuote["mode"], ShipQuote> {
  const out = new Map<ShipQuote["mode"], ShipQuote>();
  if (reply?.quote?.kind === "ship") for (const m of reply.quote.modes) if (m.quote) out.set(m.mode, m.quote);
  return out;
}

/** The broker select (standard or premium), with its glossary tip; `changed` when the player picks. */
export function brokerField(changed: () => void) {
  const select = h("select", { id: "ship-broker", "data-testid": "ship-broker", onchange: changed });
  const label = h("label", { for: "ship-broker" });
  const relabel = () => {
    label.textContent = t("trade.ship.broker");
    const keep = select.value || "standard";
    select.replaceChildren(
      h("option", { value: "standard", text: t("trade.ship.broker.standard") }),
      h("option", { value: "premium", text: t("trade.ship.broker.premium") }),
    );
    select.value = keep;
  };
  relabel();
  const node = h("div", {}, h("div", { class: "row" }, label, termTip("broker")), select);
  return { select, node, relabel };
}
