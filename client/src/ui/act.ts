/** Runs a request to the server and shows its outcome (the refusal reason, in my language) in a status line. */
import { pick, t } from "../i18n/index.ts";
import { RequestError } from "../net/pending.ts";

export function reasonOf(e: unknown): string {
  if (e instanceof RequestError) return pick(e.reason);
  return e instanceof Error ? e.message : String(e);
}

/** A polite live region that reads out results and refusals ("error" shows the line as a problem). */
export function statusLine(el: HTMLElement, text: string, tone: "info" | "error" = "info"): void {
  el.textContent = text;
  el.classList.toggle("error", tone === "error");
  el.removeAttribute("data-said");
}

/**
 * A status line that says "Done." keeps saying it in the language chosen later: it is marked, and
 * `relabelDone` (the game screen's relabel) writes it again. Other lines are the server's words or
 * short-lived, and are left as they were.
 */
function sayDone(el: HTMLElement): void {
  statusLine(el, t("act.done"));
  el.setAttribute("data-said", "act.done");
}

/** Writes every marked "Done." under `root` again in the current language. */
export function relabelDone(root: HTMLElement): void {
  root
    .querySelectorAll<HTMLElement>('[data-said="act.done"]')
    .forEach((el) => (el.textContent = t("act.done")));
}

/**
 * A click's request, sent once: the button stays disabled until the request settles, so a double (or
 * triple) click sends one command, not two.
 */
export function sendOnce(button: HTMLButtonElement, request: () => Promise<unknown>): void {
  if (button.disabled) return;
  button.disabled = true;
  void request().finally(() => (button.disabled = false));
}

export async function perform(request: Promise<void>, status: HTMLElement, done?: string): Promise<boolean> {
  statusLine(status, t("act.sending"));
  try {
    await request;
    if (done === undefined) sayDone(status);
    else statusLine(status, done);
    return true;
  } catch (e: unknown) {
    statusLine(status, t("act.refused", { reason: reasonOf(e) }), "error");
    return false;
  }
}
