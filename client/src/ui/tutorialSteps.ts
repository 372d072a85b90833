/**
 * The guided tutorial's steps as data: what each one points at, what state it talks about (until that
 * state exists the card says what it waits for and points at what brings it), which glossary terms its
 * card offers a "?" for, and when it is done, judged from the state the server sends (never from a click
 * alone), so a step ends when the thing really happened. The tour teaches the core loop of issue #13:
 * get machines (a pre-order in the factory queue, or a used lot where it stands), lease power where it is
 * cheap, what money costs and earns, how the score is made, then ship by landed cost and install. The
 * money and score steps sit before shipping because a factory lot takes weeks to build: the player reads
 * them while it is built instead of waiting on a card. Pure: tested without a browser.
 */
import type { CompanyPrivateView, GameView, LotView } from "../net/view.ts";
import type { Term } from "./glossary.ts";

export type StepId = "welcome" | "order" | "lease" | "money" | "score" | "ship" | "install" | "finish";

/** What a step is judged on: the view, my company's private part, and what the page shows. */
export interface TourState {
  view: GameView | null;
  mine: CompanyPrivateView | null;
  /** Whether an element matching the selector is on the page (the HUD's chart, say). */
  present(selector: string): boolean;
}

export interface TourStep {
  id: StepId;
  /** Where to point, most specific first; the first one on screen gets the ring. */
  targets: readonly string[];
  /** Done when the player has really done it; a step without one waits for "Next". */
  done?: (s: TourState) => boolean;
  /**
   * Whether what the step talks about exists yet (the game runs, a lot can leave where it stands).
   * Until then the card shows `tour.<id>.wait` and the ring sits on `waitTargets`.
   */
  ready?: (s: TourState) => boolean;
  waitTargets?: readonly string[];
  /** The glossary terms the step's words use: the card shows each with its "?" tip. */
  terms?: readonly Term[];
}

/**
 * The host's Start button, wherever the game bar or the console puts it: "@start" is resolved by the
 * tour (tutorial.ts) to the button whose text is Start, since the bars carry no stable test id for it.
 */
export const START_TARGET = "@start";

const running = (s: TourState) => s.view !== null && s.view.phase !== "lobby";
/** My lots, but not those the scenario gave me on day 0 (a starting fleet): the tour judges what I did. */
const lots = (s: TourState): readonly LotView[] => (s.mine?.lots ?? []).filter((l) => !l.given);
/** Whether machines the scenario gave me stand in a region (their lease came with them). */
const givenIn = (s: TourState, region: string): boolean =>
  (s.mine?.lots ?? []).some((l) => l.given && l.placeKind === "region" && l.placeId === region);
/**
 * Power I leased myself: a lease where no machines the scenario gave me stand (a starting farm's lease
 * came with it, and its kW no longer match the farm once machines fail, so it is left out whole).
 */
const leasedMore = (s: TourState, l: { region: string; kw: number }): boolean =>
  l.kw > 0 && !givenIn(s, l.region);
const leased = (s: TourState, region: string) =>
  (s.mine?.leases ?? []).some((l) => l.region === region && leasedMore(s, l));
/**
 * A lot that needs no more shipping: on its way, installed, or standing in a region where I lease power
 * (a used lot bought where I mine). A used lot standing in another region's market still has to travel.
 */
const placed = (s: TourState) => (l: LotView) =>
  l.status === "inTransit" || l.status === "installed" || (l.placeKind === "region" && leased(s, l.placeId));

export const STEPS: readonly TourStep[] = [
  { id: "welcome", targets: [START_TARGET], done: running, terms: ["hashprice", "equity"] },
  {
    id: "order",
    // The shop's bid field once the shop is open, the region card's used market once a region is.
    targets: [
      '[data-testid="shop-premium"]',
      '[data-testid="used-here"]',
      '[data-testid="open-shop"]',
      '[data-testid="open-region"]',
    ],
    ready: running,
    waitTargets: [START_TARGET],
    done: (s) => lots(s).length > 0 || (s.mine?.preorders ?? []).length > 0,
    terms: ["preorder", "factoryQueue", "usedMarket"],
  },
  {
    id: "lease",
    // The lease form's kW and Lease button; if a later card moves them, the card or its toolbar button.
    targets: [
      '[data-testid="lease-form"]',
      '[data-testid="lease-kw"]',
      '[data-testid="region-panel"]',
      '[data-testid="open-region"]',
    ],
    done: (s) => (s.mine?.leases ?? []).some((l) => leasedMore(s, l)),
    terms: ["breakeven"],
  },
  {
    id: "money",
    targets: ['[data-testid="finance-rates"]', '[data-testid="open-finance"]'],
    terms: ["riskFree", "loan", "collateral", "marginCall"],
  },
  {
    id: "score",
    targets: ['[data-testid="score-breakdown"]', '[data-testid="drawer-board"]'],
    terms: ["equity"],
  },
  {
    id: "ship",
    // The dialog's landed-cost column once it is open; else the lot's Ship button or its ready notice.
    targets: [
      '[data-testid^="ship-landed-"]',
      '[data-testid^="ready-ship-"]',
      '.fleet [data-testid^="ship-"]:not([data-given])',
      ".fleet",
    ],
    // Factory machines take weeks to build: the step waits for a lot that can leave where it stands.
    ready: (s) => lots(s).some((l) => l.canShip || placed(s)(l)),
    waitTargets: [".fleet"],
    done: (s) => lots(s).some(placed(s)),
    terms: ["landed", "broker"],
  },
  {
    id: "install",
    // When capacity runs out the lease form in the region card is where more comes from.
    targets: ['[data-testid^="install-"]:not([data-given])', '[data-testid="lease-form"]', ".fleet"],
    ready: (s) => lots(s).some((l) => l.canInstall || l.status === "installed"),
    waitTargets: [".fleet"],
    done: (s) => lots(s).some((l) => l.status === "installed"),
  },
  { id: "finish", targets: ['[data-stat="hud.difficulty"]'], terms: ["retarget", "halving"] },
];

/** My company's private part, if I hold a seat and the server has sent it. */
export function mine(view: GameView, seat: string | null): CompanyPrivateView | null {
  return view.companies.find((c) => c.seat === seat)?.priv ?? null;
}

/** The state a step is judged on, from the view and my seat (`present` asks the page). */
export function tourState(
  view: GameView | null,
  seat: string | null,
  present: (selector: string) => boolean = () => false,
): TourState {
  return { view, mine: view ? mine(view, seat) : null, present };
}

/**
 * The step to show from `from` on: steps already done (a returning player who bought machines before
 * the tour reached "buy") are passed over; the index is STEPS.length when the tour is over. "welcome"
 * waits for the game to run, so it needs no seat; the others judge my company and need one.
 */
export function currentStep(from: number, s: TourState): number {
  let i = from;
  while (i < STEPS.length) {
    const step = STEPS[i];
    const needsSeat = step?.id !== "welcome";
    if (!step?.done || (needsSeat && !s.mine) || !step.done(s)) break;
    i++;
  }
  return i;
}

/** Whether the state the step talks about exists (a step without a condition always is). */
export function isReady(i: number, s: TourState): boolean {
  const ready = STEPS[i]?.ready;
  return !ready || ready(s);
}

/** Whether the tour waits for the player to act (its Next button then reads "Skip this step"). */
export function waitsForAction(i: number): boolean {
  return STEPS[i]?.done !== undefined;
}

/**
 * The date a waiting step names: the first lot's day out of the factory ("ship") or through customs
 * ("install"); null when there is none to name.
 */
export function waitDay(id: StepId, s: TourState): number | null {
  const status = id === "ship" ? "onOrder" : id === "install" ? "inTransit" : null;
  const days = lots(s)
    .filter((l) => l.status === status && l.untilDay > 0)
    .map((l) => l.untilDay);
  return days.length ? Math.min(...days) : null;
}
