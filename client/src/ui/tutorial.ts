/**
 * The guided tutorial: a card at the bottom of the screen and a ring around what it talks about. It
 * walks a first-time player through the core loop (tutorialSteps.ts): a pre-order or a used lot, power
 * leased where it is cheap, what money earns and costs, how the score is made, shipping by landed cost
 * and installing; steps that need an action end when the server's state shows it done. Each card offers
 * a "?" for the glossary terms it uses. Skippable, replayable from the game bar, resumed at the step it
 * was on after a reload (this tab); finished or skipped, it is remembered and not shown again.
 */
import { lang, t, type MessageKey } from "../i18n/index.ts";
import type { GameView } from "../net/view.ts";
import { fill, h } from "./dom.ts";
import { formatDay } from "./format.ts";
import { termTip, termTitle } from "./glossary.ts";
import {
  currentStep,
  isReady,
  START_TARGET,
  STEPS,
  tourState,
  waitDay,
  waitsForAction,
  type TourState,
} from "./tutorialSteps.ts";
import "./tutorial.css";
import { flagSet, setFlag } from "./onceFlags.ts";

const DONE_KEY = "atlas.tutorial.done";
/** Set by Play now for this tab: the next game starts the tour even for someone who finished it before. */
const WANT_KEY = "atlas.tutorial.want";

/** The step the tour was on in this tab, by id (ids survive a reordering of the steps). */
const AT_KEY = "atlas.tutorial.at";

/** Where a reload resumes: the saved step, or the first. */
function savedStep(): number {
  try {
    return Math.max(
      0,
      STEPS.findIndex((s) => s.id === sessionStorage.getItem(AT_KEY)),
    );
  } catch {
    return 0;
  }
}

/** Remembers the step shown (null: the tour is over, nothing to resume). */
function saveStep(index: number | null): void {
  try {
    const id = index === null ? undefined : STEPS[index]?.id;
    if (id) sessionStorage.setItem(AT_KEY, id);
    else sessionStorage.removeItem(AT_KEY);
  } catch {
    // No storage: a reload starts the tour over, passing the steps already done.
  }
}

/** Asks for the tour in the next game this tab joins (Play now). */
export function wantTour(): void {
  try {
    sessionStorage.setItem(WANT_KEY, "1");
  } catch {
    // No storage: the tour still offers itself to anyone who has not finished it.
  }
}

/** Whether Play now asked for the tour (`use`: and the request is used up, the tour having started). */
function wanted(use = false): boolean {
  try {
    const yes = sessionStorage.getItem(WANT_KEY) === "1";
    if (use) sessionStorage.removeItem(WANT_KEY);
    return yes;
  } catch {
    return false;
  }
}

export interface Tutorial {
  /** Starts (or restarts) the tour from the first step. */
  start(): void;
  /** Starts the tour if this browser has never finished or skipped it (for players with a seat). */
  offer(seat: string | null): void;
  update(view: GameView, seat: string | null): void;
  relabel(): void;
  destroy(): void;
}

const remembered = () => flagSet(DONE_KEY);
const remember = () => setFlag(DONE_KEY);

/** A target on the page: a selector, or "@start" for the host's Start button (found by its text). */
function find(selector: string): HTMLElement | null {
  if (selector !== START_TARGET) return document.querySelector<HTMLElement>(selector);
  const start = t("game.start");
  const shown = Array.from(document.querySelectorAll<HTMLButtonElement>(".game button")).filter(
    (b) => b.textContent?.trim() === start && b.getClientRects().length > 0,
  );
  // The game bar's and the console's Start may overlap: point at one nothing covers.
  return shown.find(uncovered) ?? shown[0] ?? null;
}

/** Whether the element is what a click at its centre would reach (no panel over it). */
function uncovered(el: HTMLElement): boolean {
  const r = el.getBoundingClientRect();
  const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return top !== null && (top === el || el.contains(top));
}

/** The state the steps are judged on, asking the page what it shows. */
const judge = (view: GameView | null, seat: string | null): TourState =>
  tourState(view, seat, (sel) => document.querySelector(sel) !== null);

/** Puts the ring around the step's first target on screen (its wait targets while it waits); returns it. */
function placeRing(ring: HTMLElement, index: number, waiting: boolean): DOMRect | null {
  const step = STEPS[index];
  const target = (waiting ? (step?.waitTargets ?? []) : (step?.targets ?? []))
    .map(find)
    .find((el) => el && el.getClientRects().length > 0);
  if (target) {
    const r = target.getBoundingClientRect();
    Object.assign(ring.style, {
      left: `${r.left - 4}px`,
      top: `${r.top - 4}px`,
      width: `${r.width + 8}px`,
      height: `${r.height + 8}px`,
    });
  }
  ring.hidden = !target;
  return target ? target.getBoundingClientRect() : null;
}

/** The card's margin from the screen's edge (tutorial.css: right: 8px). */
const EDGE = 8;

const overlaps = (a: DOMRect, left: number, right: number, top: number, bottom: number) =>
  a.left < right && a.right > left && a.top < bottom && a.bottom > top;

/**
 * Moves the card to the left edge when, at the right edge, it would cover what the ring points at (the
 * finance panel's rates reach under it on a laptop screen) and the left edge would not. Decided from the
 * two places the card can take, not from where it is now, so it does not flip back and forth.
 */
function dodge(card: HTMLElement, target: DOMRect | null): void {
  const r = card.getBoundingClientRect();
  const w = r.width;
  const atRight =
    target !== null && overlaps(target, innerWidth - EDGE - w, innerWidth - EDGE, r.top, r.bottom);
  const atLeft = target !== null && overlaps(target, EDGE, EDGE + w, r.top, r.bottom);
  card.classList.toggle("tour-left", atRight && !atLeft);
}

/** What the card says while a step waits for its state: the step's own words, with a date if one is known. */
function waitText(index: number, s: TourState): string {
  const step = STEPS[index]!;
  if (!step.ready) return "";
  const day = waitDay(step.id, s);
  return t(`tour.${step.id}.wait` as MessageKey, { date: day === null ? "…" : formatDay(day, lang()) });
}

/** The glossary terms a step uses, each with its "?" (the definition the HUD and panels show). */
function termsLine(index: number): HTMLElement | null {
  const terms = STEPS[index]?.terms ?? [];
  if (!terms.length) return null;
  return h(
    "p",
    { class: "tour-terms" },
    ...terms.map((term) => h("span", { class: "tour-term" }, termTitle(term), termTip(term))),
  );
}

/** A step's card: its title and text, the terms it uses, what it waits for, progress, skip and next. */
function stepCard(index: number, s: TourState, skip: () => void, next: () => void): (HTMLElement | null)[] {
  const step = STEPS[index]!;
  const ready = isReady(index, s);
  const waiting = waitsForAction(index) || !ready;
  const last = index === STEPS.length - 1;
  return [
    h("h3", { id: "tour-title", text: t(`tour.${step.id}.title` as MessageKey) }),
    h("p", { text: t(`tour.${step.id}.text` as MessageKey) }),
    termsLine(index),
    waiting ? h("p", { class: "tour-waiting", text: ready ? t("tour.waiting") : waitText(index, s) }) : null,
    h(
      "div",
      { class: "tour-foot" },
      h("span", { class: "grow", text: t("tour.progress", { n: index + 1, total: STEPS.length }) }),
      last
        ? null
        : h("button", {
            type: "button",
            "data-testid": "tutorial-skip",
            text: t("tour.skip"),
            onclick: skip,
          }),
      h("button", {
        type: "button",
        class: waiting ? "" : "primary",
        "data-testid": "tutorial-next",
        text: last ? t("tour.finish") : waiting ? t("tour.skipStep") : t("tour.next"),
        onclick: next,
      }),
    ),
  ];
}

export function createTutorial(root: HTMLElement): Tutorial {
  const card = h("section", {
    class: "tour",
    role: "dialog",
    // A dialog needs a name (axe): the step's title.
    "aria-labelledby": "tour-title",
    "aria-live": "polite",
    "data-testid": "tutorial",
  });
  const ring = h("div", { class: "tour-ring", hidden: true });
  let index = -1; // -1: not running
  let view: GameView | null = null;
  let seat: string | null = null;
  let raf = 0;

  const running = () => index >= 0 && index < STEPS.length;

  function stop(done: boolean): void {
    if (done) remember();
    // Finished, skipped or the game left: nothing to resume (another game starts the tour afresh). A
    // reload drops the page without stopping the tour, so the saved step is there for it.
    saveStep(null);
    index = -1;
    card.remove();
    ring.remove();
    cancelAnimationFrame(raf);
  }

  /** Keeps the ring on its target as panels open, close and re-render. */
  function follow(): void {
    cancelAnimationFrame(raf);
    if (!running()) return;
    dodge(card, placeRing(ring, index, !isReady(index, judge(view, seat))));
    raf = requestAnimationFrame(follow);
  }

  /** What the card shows, so that a state update redraws it only when that changes. */
  let shown = "";

  function render(): void {
    if (!running()) return;
    const s = judge(view, seat);
    shown = `${index}:${isReady(index, s)}:${waitText(index, s)}:${lang()}`;
    const skip = () => stop(true);
    fill(card, ...stepCard(index, s, skip, () => advance(index + 1)));
  }

  function advance(to: number): void {
    index = currentStep(to, judge(view, seat));
    if (!running()) return stop(true);
    saveStep(index);
    render();
    follow();
  }

  card.addEventListener("keydown", (e) => {
    if (e.key === "Escape") stop(true);
  });

  function begin(from: number): void {
    root.append(ring, card);
    index = from;
    advance(from);
    card.querySelector<HTMLElement>('[data-testid="tutorial-next"]')?.focus();
  }

  return {
    start: () => begin(0),
    offer(s) {
      if (!s || running() || !(wanted() || !remembered())) return;
      // Play now asks for a fresh tour; otherwise a reload goes on where the tour was.
      begin(wanted(true) ? 0 : savedStep());
    },
    update(v, s) {
      view = v;
      seat = s;
      if (!running()) return;
      const state = judge(view, seat);
      const next = currentStep(index, state);
      if (next !== index) return advance(next);
      // The step stays; its card changes when what it waits for arrives (or its date moves).
      if (`${index}:${isReady(index, state)}:${waitText(index, state)}:${lang()}` !== shown) render();
    },
    relabel: render,
    destroy: () => stop(false),
  };
}
