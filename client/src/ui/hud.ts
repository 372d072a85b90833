/**
 * The HUD bar: date and block, BTC price, difficulty and the next retarget, hashprice, network hashrate
 * and the next halving, and my company's cash, BTC and equity. Server figures only, formatted.
 */
import { lang, t, type MessageKey } from "../i18n/index.ts";
import type { GameView } from "../net/view.ts";
import { countdown } from "../../../shared/view/countdown.ts";
import { fill, h } from "./dom.ts";
import { termTip, type Term } from "./glossary.ts";
import { sparkPath, SeriesBuffer } from "./spark.ts";
import {
  formatBps,
  formatCents,
  formatDay,
  formatDifficulty,
  formatHashpriceMicro,
  formatNumber,
  formatPct,
  formatSats,
  formatThs,
  usdOfMicro,
} from "./format.ts";

interface Stat {
  key: MessageKey;
  value: string;
  sub?: string;
  /** Shown on hover: what the figure means today. */
  tip?: string;
  mine?: boolean;
  /** The glossary entry explaining this figure. */
  term?: Term;
}

/**
 * The network's power cost beside the hashprice (WorldView networkPowerCostMicroUsdPerThDay): how far
 * the hashprice stands above the floor it returns to, as the bots read the mining cycle.
 */
export function powerCostTip(view: GameView, l: ReturnType<typeof lang>): { tip?: string } {
  const cost = view.networkPowerCostMicroUsdPerThDay;
  if (!(cost > 0)) return {};
  return {
    tip: t("hud.powerCostTip", {
      cost: formatHashpriceMicro(cost, l),
      ratio: formatNumber(view.hashpriceMicroUsd / cost, l, 1),
    }),
  };
}

/** About how many days until the block at `target`, at the pace blocks come now (shared/view/countdown.ts). */
const daysLeft = (view: GameView, target: number): string =>
  t("hud.daysLeft", {
    days: formatNumber(countdown(view.height, target, view.retargetEstimatePct).days, lang()),
  });

export function hudStats(view: GameView, seat: string | null): Stat[] {
  const l = lang();
  const stats: Stat[] = [
    {
      key: "hud.date",
      value: formatDay(view.day, l),
      sub: `${t("hud.height")} ${formatNumber(view.height, l)}`,
    },
    { key: "hud.price", value: formatCents(view.priceCents, l) },
    {
      key: "hud.difficulty",
      term: "difficulty",
      value: formatDifficulty(view.difficulty, l),
      sub: `${t("hud.retarget", {
        blocks: formatNumber(Math.max(0, view.nextRetargetHeight - view.height), l),
        pct: formatPct(view.retargetEstimatePct, l, true),
      })} · ${daysLeft(view, view.nextRetargetHeight)}`,
    },
    {
      key: "hud.hashprice",
      value: `${formatHashpriceMicro(view.hashpriceMicroUsd, l)}${t("hud.hashpriceUnit")}`,
      term: "hashprice",
      ...powerCostTip(view, l),
    },
    {
      key: "hud.network",
      term: "halving",
      value: formatThs(view.networkThs, l),
      sub: `${t("hud.halving", { blocks: formatNumber(Math.max(0, view.nextHalvingHeight - view.height), l) })} · ${daysLeft(view, view.nextHalvingHeight)}`,
    },
  ];
  // The players' share of the network, in a class-sized world only: there it is the commons they deplete;
  // in the full-sized world it stays near zero and would only push the company's own figures to a second row.
  if (view.classWorld)
    stats.push({
      key: "cw.shareLabel",
      term: "classWorld",
      value: formatBps(view.networkThs > 0 ? Math.round((view.playerThs / view.networkThs) * 10_000) : 0, l),
    });
  const mine = view.companies.find((c) => c.seat === seat);
  if (mine?.priv) {
    stats.push(
      { key: "hud.cash", value: formatCents(mine.priv.cashCents, l, true), mine: true },
      { key: "hud.btc", value: formatSats(mine.priv.btcSats, l), mine: true },
    );
  }
  if (mine) {
    stats.push(
      { key: "hud.share", value: formatBps(mine.shareBps, l), mine: true, term: "share" },
      { key: "hud.equity", value: formatCents(mine.equityCents, l, true), mine: true, term: "equity" },
    );
  }
  return stats;
}

/**
 * The HUD; it also keeps the hashprice of each day it has seen for a small chart (a player who joins
 * mid-game sees the chart from the day they joined; the debrief has the whole series).
 */
export function createHud(root: HTMLElement): { update(view: GameView, seat: string | null): void } {
  const el = h("div", { class: "hud", role: "region" });
  const hashprices = new SeriesBuffer(365);
  root.append(el);
  // The HUD wraps onto a second row on narrow screens: the panels below start where it ends.
  const place = () =>
    document.documentElement.style.setProperty("--hud-bottom", `${el.offsetTop + el.offsetHeight + 8}px`);
  if (typeof ResizeObserver !== "undefined") new ResizeObserver(place).observe(el);
  return {
    update(view, seat) {
      if (view.day) hashprices.put(view.tick, usdOfMicro(view.hashpriceMicroUsd));
      el.setAttribute("aria-label", t("hud.label")); // in the language chosen now
      fill(
        el,
        ...hudStats(view, seat).map((s) =>
          h(
            "div",
            { class: s.mine ? "stat mine" : "stat", "data-stat": s.key, title: s.tip },
            h("div", { class: "k" }, t(s.key), s.term ? termTip(s.term) : null),
            h("div", { class: "v", text: s.value }),
            s.sub ? h("div", { class: "s", text: s.sub }) : null,
            s.key === "hud.hashprice" ? spark(hashprices.values()) : null,
          ),
        ),
      );
    },
  };
}

function spark(values: readonly number[]): Element | null {
  const d = sparkPath(values, 96, 18);
  if (!d) return null;
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("class", "spark");
  svg.setAttribute("width", "96");
  svg.setAttribute("height", "18");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", t("hud.hashpriceChart"));
  const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
  path.setAttribute("d", d);
  svg.append(path);
  return svg;
}
