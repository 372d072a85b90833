/**
 * The guided tutorial's steps as data: what each one points at and when it is done, judged from the
 * state the server sends (never from a click alone), so a step ends when the thing really happened.
 * Pure: tested without a browser.
 */
import type { CompanyPrivateView, GameView } from "../net/view.ts";

export type StepId = "welcome" | "hashprice" | "buy" | "lease" | "ship" | "install" | "finish";

export interface TourStep {
  id: StepId;
  /** Where to point, most specific first; the first one on screen gets the ring. */
  targets: readonly string[];
  /** Done when the player has really done it; a step without one waits for "Next". */
  done?: (mine: CompanyPrivateView) => boolean;
}

const arrivedOrMoving = (m: CompanyPrivateView) =>
  m.lots.some((l) => l.status === "inTransit" || l.status === "installed" || l.placeKind === "region");

export const STEPS: readonly TourStep[] = [
  { id: "welcome", targets: [] },
  { id: "hashprice", targets: ['[data-stat="hud.hashprice"]'] },
  { id: "buy", targets: ['[data-testid="open-shop"]'], done: (m) => m.lots.length > 0 },
  {
    id: "lease",
    targets: ['[data-testid="region-panel"]', '[data-testid="open-region"]', "#map"],
    done: (m) => m.leases.some((l) => l.kw > 0),
  },
  { id: "ship", targets: ['[data-testid^="ship-"]', ".fleet"], done: arrivedOrMoving },
  {
    id: "install",
    targets: ['[data-testid^="install-"]', ".fleet"],
    done: (m) => m.lots.some((l) => l.status === "installed"),
  },
  { id: "finish", targets: ['[data-stat="hud.difficulty"]'] },
];

/** My company's private part, if I hold a seat and the server has sent it. */
export function mine(view: GameView, seat: string | null): CompanyPrivateView | null {
  return view.companies.find((c) => c.seat === seat)?.priv ?? null;
}

/**
 * The step to show from `from` on: steps already done (a returning player who bought machines before
 * the tour reached "buy") are passed over; the index is STEPS.length when the tour is over.
 */
export function currentStep(from: number, view: GameView | null, seat: string | null): number {
  const m = view ? mine(view, seat) : null;
  let i = from;
  while (i < STEPS.length) {
    const done = STEPS[i]?.done;
    if (!done || !m || !done(m)) break;
    i++;
  }
  return i;
}

/** Whether the tour waits for the player to act (its Next button then reads "Skip this step"). */
export function waitsForAction(i: number): boolean {
  return STEPS[i]?.done !== undefined;
}
