/**
 * Why buying machines drops a company down the leaderboard at once: equity counts machines at their
 * resale value, below what was paid (and a lot still at the factory is worth less again). The first
 * time a purchase costs the player equity or rank, a hint on the map under the HUD says so, once per
 * browser. `dropAfterPurchase` is the pure judgement, tested in Node.
 */
import { t } from "../i18n/index.ts";
import type { GameView } from "../net/view.ts";
import { h } from "./dom.ts";
import { flagSet, setFlag } from "./onceFlags.ts";

const SEEN_KEY = "atlas.hint.equity";

/** What the hint compares from one state to the next: my machines, equity and rank. */
export interface EquityMark {
  units: number;
  equityCents: number;
  rank: number;
}

export function markOf(view: GameView, seat: string | null): EquityMark | null {
  const me = view.companies.find((c) => c.seat === seat);
  if (!me?.priv) return null;
  const units = me.priv.lots.reduce((n, l) => n + l.quantity, 0);
  return { units, equityCents: me.equityCents, rank: me.rank };
}

/** More machines than before, and less equity or a worse rank: a purchase the leaderboard punished. */
export function dropAfterPurchase(before: EquityMark | null, now: EquityMark | null): boolean {
  if (!before || !now || now.units <= before.units) return false;
  return now.equityCents < before.equityCents || now.rank > before.rank;
}

const seen = () => flagSet(SEEN_KEY);
const remember = () => setFlag(SEEN_KEY);

/** The hint floating under the HUD: shown once, after the first purchase that cost equity or rank. */
export function createEquityHint(parent: HTMLElement) {
  const box = h("p", {
    class: "equity-hint float-card",
    role: "status",
    "data-testid": "equity-hint",
    hidden: true,
  });
  parent.append(box);
  let before: EquityMark | null = null;

  function show(): void {
    remember();
    box.hidden = false;
    box.replaceChildren(
      t("equityHint.text"),
      h("button", { type: "button", text: t("equityHint.ok"), onclick: () => (box.hidden = true) }),
    );
  }

  return {
    update(view: GameView, seat: string | null): void {
      const now = markOf(view, seat);
      if (box.hidden && !seen() && dropAfterPurchase(before, now)) show();
      // Compare with the last state that had my company (a purchase shows within a state or two).
      if (now) before = now;
    },
  };
}
