/**
 * The round overlay (issue #13 §5): when round mode pauses the game, everyone sees the round's summary
 * (the price, the retargets, halvings and news, what each company did, the next retarget's estimate)
 * and the decision window's countdown; the host can continue at once; the projector shows it big.
 * Fed by `round` messages (server/rooms/rounds.ts); the words are the server's, the layout is here.
 */
import { lang, onLangChange, pick, t } from "../i18n/index.ts";
import type { GameServer } from "../net/Server.ts";
import type { RoundSummary, RoundView } from "../../../shared/protocol/index.ts";
import { perform } from "./act.ts";
import { fill, h, status } from "./dom.ts";
import { formatPct, formatUsd } from "./format.ts";
import { termTip } from "./glossary.ts";
import { secondsLeft } from "./predictModel.ts";
import "./rounds.css";

export type RoundMode = "host" | "player" | "projector" | "watch";

const usd = (cents: number) => formatUsd(cents / 100, lang());
const pct = (v: number) => formatPct(v, lang(), true);

/** The market and the chain over the round. */
function marketPart(s: RoundSummary): HTMLElement[] {
  const change = s.priceStartCents > 0 ? (s.priceEndCents / s.priceStartCents - 1) * 100 : 0;
  const lines = [
    t("rounds.price", { from: usd(s.priceStartCents), to: usd(s.priceEndCents), pct: pct(change) }),
    s.retargetsPct.length
      ? t("rounds.retargets", { changes: s.retargetsPct.map(pct).join(", ") })
      : t("rounds.noRetarget"),
    ...(s.halvings > 0 ? [t("rounds.halvings")] : []),
  ];
  return [h("ul", { class: "round-market" }, ...lines.map((text) => h("li", { text })))];
}

function newsPart(s: RoundSummary): HTMLElement | null {
  if (!s.news.length) return null;
  return h(
    "div",
    {},
    h("h3", { text: t("rounds.news") }),
    h("ul", {}, ...s.news.map((n) => h("li", { text: pick(n) }))),
  );
}

function companiesPart(s: RoundSummary): HTMLElement {
  return h(
    "div",
    {},
    h("h3", { text: t("rounds.companies") }),
    h(
      "ul",
      { class: "round-companies", "data-testid": "round-companies" },
      ...s.companies.map((c) =>
        h(
          "li",
          {},
          h("strong", { text: `${c.name}: ` }),
          c.did.length ? c.did.map((d) => pick(d)).join("; ") : t("rounds.nothing"),
        ),
      ),
    ),
  );
}

function nextPart(s: RoundSummary): HTMLElement {
  const estimate =
    s.next.estimatePct === null
      ? t("rounds.next.early")
      : t("rounds.next.estimate", { pct: pct(s.next.estimatePct) });
  return h(
    "p",
    { class: "round-next", "data-testid": "round-next" },
    t("rounds.next", { blocks: s.next.blocks, days: s.next.days, estimate }),
    " ",
    h("span", { class: "muted", text: t("rounds.forecastHint") }),
    termTip("forecastScore"),
  );
}

/** The summary's body, also what the debrief or a test may render. */
export function roundSummaryParts(s: RoundSummary): (HTMLElement | null)[] {
  return [
    h("h2", {}, t("rounds.title", { n: s.number, from: s.from, to: s.to }), " ", termTip("round")),
    ...marketPart(s),
    newsPart(s),
    companiesPart(s),
    nextPart(s),
  ];
}

/** Mounts the overlay in `parent`; returns its remover. */
export function createRoundOverlay(parent: HTMLElement, server: GameServer, mode: () => RoundMode) {
  const el = h("section", { class: "round-overlay", "data-testid": "round-overlay", hidden: true });
  parent.append(el);
  const clock = h("p", { class: "round-clock", "data-testid": "round-clock" });
  const out = status();
  let view: RoundView | null = null;
  let deadline = 0;
  /** The round whose summary this person hid (it comes back with the next round). */
  let hidden = 0;

  function tick(): void {
    const w = view?.window;
    if (!w) return;
    const s = secondsLeft(deadline, performance.now());
    clock.textContent = t("rounds.secondsLeft", { s });
    clock.style.setProperty("--left", `${(s / w.seconds) * 100}%`);
  }

  function continueButton(): HTMLElement {
    return h("button", {
      type: "button",
      class: "primary",
      "data-testid": "round-continue",
      text: t("rounds.continue"),
      onclick: () => void perform(server.host({ type: "continueRound" }), out),
    });
  }

  function hideButton(n: number): HTMLElement {
    return h("button", {
      type: "button",
      text: t("rounds.dismiss"),
      onclick: () => ((hidden = n), render()),
    });
  }

  function render(): void {
    const w = view?.window;
    el.hidden = !w || hidden === w.summary.number;
    if (!w || el.hidden) return;
    el.classList.toggle("big", mode() === "projector");
    const buttons = h(
      "p",
      { class: "round-buttons" },
      mode() === "host" ? continueButton() : null,
      mode() === "projector" ? null : hideButton(w.summary.number),
    );
    fill(el, ...roundSummaryParts(w.summary), clock, buttons, out);
    tick();
  }

  const timer = setInterval(tick, 250);
  const off = server.events.on("round", (next) => {
    view = next;
    deadline = performance.now() + (next.window?.msLeft ?? 0);
    render();
  });
  const offLang = onLangChange(render);
  return () => {
    clearInterval(timer);
    off();
    offLang();
    el.remove();
  };
}
