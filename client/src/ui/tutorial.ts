/**
 * The guided tutorial: a card at the bottom of the screen and a ring around what it talks about. It
 * walks a first-time player through reading hashprice, buying a machine, leasing power, shipping the
 * machines and installing them; steps that need an action end when the server's state shows it done.
 * Skippable, replayable from the game bar; finished or skipped, it is remembered and not shown again.
 */
import { t, type MessageKey } from "../i18n/index.ts";
import type { GameView } from "../net/view.ts";
import { fill, h } from "./dom.ts";
import { currentStep, STEPS, waitsForAction } from "./tutorialSteps.ts";
import "./tutorial.css";

const DONE_KEY = "atlas.tutorial.done";

export interface Tutorial {
  /** Starts (or restarts) the tour from the first step. */
  start(): void;
  /** Starts the tour if this browser has never finished or skipped it (for players with a seat). */
  offer(seat: string | null): void;
  update(view: GameView, seat: string | null): void;
  relabel(): void;
  destroy(): void;
}

function remembered(): boolean {
  try {
    return localStorage.getItem(DONE_KEY) === "1";
  } catch {
    return false;
  }
}

function remember(): void {
  try {
    localStorage.setItem(DONE_KEY, "1");
  } catch {
    // Private modes may refuse storage: the tour then offers itself again next time.
  }
}

/** Puts the ring around the step's first target on screen; hides it when none is. */
function placeRing(ring: HTMLElement, index: number): void {
  const target = STEPS[index]?.targets
    .map((sel) => document.querySelector<HTMLElement>(sel))
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
}

/** A step's card: its title and text, whether it waits for an action, progress, skip and next. */
function stepCard(index: number, skip: () => void, next: () => void): (HTMLElement | null)[] {
  const step = STEPS[index]!;
  const waiting = waitsForAction(index);
  const last = index === STEPS.length - 1;
  return [
    h("h3", { text: t(`tour.${step.id}.title` as MessageKey) }),
    h("p", { text: t(`tour.${step.id}.text` as MessageKey) }),
    waiting ? h("p", { class: "tour-waiting", text: t("tour.waiting") }) : null,
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
    index = -1;
    card.remove();
    ring.remove();
    cancelAnimationFrame(raf);
  }

  /** Keeps the ring on its target as panels open, close and re-render. */
  function follow(): void {
    cancelAnimationFrame(raf);
    if (!running()) return;
    placeRing(ring, index);
    raf = requestAnimationFrame(follow);
  }

  function render(): void {
    if (!running()) return;
    const skip = () => stop(true);
    fill(card, ...stepCard(index, skip, () => advance(index + 1)));
  }

  function advance(to: number): void {
    index = currentStep(to, view, seat);
    if (!running()) return stop(true);
    render();
    follow();
  }

  card.addEventListener("keydown", (e) => {
    if (e.key === "Escape") stop(true);
  });

  return {
    start() {
      root.append(ring, card);
      index = 0;
      advance(0);
      card.querySelector<HTMLElement>('[data-testid="tutorial-next"]')?.focus();
    },
    offer(s) {
      if (s && !remembered() && !running()) this.start();
    },
    update(v, s) {
      view = v;
      seat = s;
      if (!running()) return;
      const next = currentStep(index, view, seat);
      if (next !== index) advance(next);
    },
    relabel: render,
    destroy: () => stop(false),
  };
}
