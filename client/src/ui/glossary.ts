/**
 * Tooltips that explain the game's jargon where it appears: a small "?" button beside a figure that
 * shows a short definition on hover, on keyboard focus and on tap (tablets have no hover). One
 * definition per term, in both languages, so the HUD, the shop and the tutorial all say the same.
 */
import { t, type MessageKey } from "../i18n/index.ts";
import { h } from "./dom.ts";
import "./tutorial.css";

export const TERMS = [
  "jth",
  "hashprice",
  "difficulty",
  "breakeven",
  "retarget",
  "round",
  "forecastScore",
  "halving",
  "equity",
  "share",
  "landed",
  "broker",
  "grey",
  "preorder",
  "factoryQueue",
  "usedMarket",
  // Machine prices (issue #16): client/src/i18n/machinePrice.ts.
  "machinePrice",
  // Finance (issue #13 §4): client/src/i18n/finance.ts.
  "loan",
  "marginCall",
  "riskFree",
  "collateral",
  "classWorld",
  "machineLease",
  "crunch",
  "ownSite",
  "hostingContract",
  // Bot levels in the host's seat controls (issue #14 §1): client/src/i18n/stratapi.ts.
  "botLevel",
  // Covert mining after a ban (issue #16): client/src/i18n/covert.ts.
  "covert",
] as const;
export type Term = (typeof TERMS)[number];

export const termTitle = (term: Term): string => t(`term.${term}` as MessageKey);
export const termText = (term: Term): string => t(`term.${term}.text` as MessageKey);

let open: HTMLElement | null = null;

function close(): void {
  open?.remove();
  open = null;
}

let listening = false;

/** A tap or click anywhere but on a "?" or its tip closes the tip (a redrawn button no longer blurs). */
function closeOnTapElsewhere(): void {
  if (listening || typeof document === "undefined") return;
  listening = true;
  document.addEventListener(
    "pointerdown",
    (e) => {
      const target = e.target instanceof Element ? e.target : null;
      if (open && !target?.closest(".term, .glossary-pop")) close();
    },
    true,
  );
}

/** Shows the definition next to its button (fixed position, kept on screen). */
function show(button: HTMLElement, term: Term): void {
  close();
  const box = h(
    "div",
    { class: "glossary-pop float-card", role: "tooltip", id: `tip-${term}` },
    h("strong", { text: termTitle(term) }),
    h("p", { text: termText(term) }),
  );
  document.body.append(box);
  const r = button.getBoundingClientRect();
  const left = Math.min(window.innerWidth - box.offsetWidth - 8, Math.max(8, r.left - 8));
  const below = r.bottom + 6 + box.offsetHeight < window.innerHeight;
  box.style.left = `${left}px`;
  box.style.top = `${below ? r.bottom + 6 : Math.max(8, r.top - box.offsetHeight - 6)}px`;
  button.setAttribute("aria-describedby", box.id);
  open = box;
}

/**
 * The "?" button for a term: hover, focus, click or tap shows it; leaving, blur (a tap elsewhere) or
 * Escape hides it. On touch screens it is a 44 × 44 px target (tutorial.css).
 */
export function termTip(term: Term): HTMLButtonElement {
  const button = h("button", {
    type: "button",
    class: "term",
    "data-term": term,
    "aria-label": termTitle(term),
    text: "?",
  });
  // Hover is a mouse's: a finger's tap also sends enter and leave events, and its leave would close
  // the tip the tap opened.
  button.addEventListener("pointerenter", (e) => {
    if (e.pointerType === "mouse") show(button, term);
  });
  button.addEventListener("focus", () => show(button, term));
  button.addEventListener("click", (e) => {
    e.stopPropagation(); // a tap inside a panel must not close or submit it
    // A tap focuses the button (which shows the tip) and then clicks it: a click that toggled would
    // close what the tap just opened, so a click only shows. Tapping elsewhere blurs it and closes it.
    if (open?.id !== `tip-${term}`) show(button, term);
  });
  // Panels redraw their "?" buttons with each state (the HUD every day), and a focused button that is
  // removed may blur as it goes: a button that has left the page must not close the tip the player is
  // reading, so the check waits until the redraw is over, and only this term's tip is closed.
  const leave = () =>
    setTimeout(() => {
      if (button.isConnected && open?.id === `tip-${term}`) close();
    });
  button.addEventListener("pointerleave", (e) => {
    if (e.pointerType === "mouse") leave();
  });
  button.addEventListener("blur", leave);
  closeOnTapElsewhere();
  button.addEventListener("keydown", (e) => {
    if (e.key === "Escape") close();
  });
  return button;
}
