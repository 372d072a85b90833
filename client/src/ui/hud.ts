/**
 * The HUD bar: date and block, BTC price, difficulty and the next retarget, hashprice, network hashrate
 * and the next halving, and my company's cash, BTC and equity. Server figures only, formatted.
 */
import { lang, t, type MessageKey } from "../i18n/index.ts";
import type { GameView } from "../net/view.ts";
import { fill, h } from "./dom.ts";
import {
  formatBtc,
  formatDate,
  formatDifficulty,
  formatHashprice,
  formatHashrate,
  formatNumber,
  formatPct,
  formatUsd,
} from "./format.ts";

interface Stat {
  key: MessageKey;
  value: string;
  sub?: string;
  mine?: boolean;
}

export function hudStats(view: GameView, seat: string | null): Stat[] {
  const l = lang();
  const stats: Stat[] = [
    {
      key: "hud.date",
      value: formatDate(view.date, l),
      sub: `${t("hud.height")} ${formatNumber(view.height, l)}`,
    },
    { key: "hud.price", value: formatUsd(view.priceUsd, l) },
    {
      key: "hud.difficulty",
      value: formatDifficulty(view.difficulty, l),
      sub: t("hud.retarget", {
        blocks: formatNumber(Math.max(0, view.nextRetargetHeight - view.height), l),
        pct: formatPct(view.retargetEstimatePct, l, true),
      }),
    },
    { key: "hud.hashprice", value: `${formatHashprice(view.hashpriceUsd, l)}${t("hud.hashpriceUnit")}` },
    {
      key: "hud.network",
      value: formatHashrate(view.networkEhs, l),
      sub: t("hud.halving", { blocks: formatNumber(Math.max(0, view.nextHalvingHeight - view.height), l) }),
    },
  ];
  const mine = view.companies.find((c) => c.seat === seat);
  if (mine?.priv) {
    stats.push(
      { key: "hud.cash", value: formatUsd(mine.priv.cashUsd, l, true), mine: true },
      { key: "hud.btc", value: formatBtc(mine.priv.btc, l), mine: true },
    );
  }
  if (mine) stats.push({ key: "hud.equity", value: formatUsd(mine.equityUsd, l, true), mine: true });
  return stats;
}

export function createHud(root: HTMLElement): { update(view: GameView, seat: string | null): void } {
  const el = h("div", { class: "hud", role: "region", "aria-label": "HUD" });
  root.append(el);
  return {
    update(view, seat) {
      fill(
        el,
        ...hudStats(view, seat).map((s) =>
          h(
            "div",
            { class: s.mine ? "stat mine" : "stat" },
            h("div", { class: "k", text: t(s.key) }),
            h("div", { class: "v", text: s.value }),
            s.sub ? h("div", { class: "s", text: s.sub }) : null,
          ),
        ),
      );
    },
  };
}
