/**
 * A preview-gated action: a button, the refusal reason beside it, a preview that asks the server's
 * engine about what the form describes as it changes, and the click that sends it and shows the
 * outcome. The button is enabled only while the latest answer, to the question the form asks now,
 * says yes; the engine decides, the panel only describes its form and shows the figures.
 */
import type { Command } from "../../../shared/engine/commands/schema.ts";
import { lang, t, type MessageKey } from "../i18n/index.ts";
import type { GameServer } from "../net/Server.ts";
import { perform } from "./act.ts";
import { h } from "./dom.ts";
import { gateOf, type Gate } from "./panelModel.ts";
import { Previewer, type PreviewState } from "./previewer.ts";

export interface GatedActionSpec<C extends Command> {
  server: Pick<GameServer, "preview" | "command">;
  /** Where the outcome (done, or the server's refusal) is read out. */
  status: HTMLElement;
  /** The button's data-testid; the reason line's id and data-testid. */
  testid: string;
  reasonId: string;
  label: MessageKey;
  /** The form's main action. */
  primary?: boolean;
  /** data-k of a button in a list that is redrawn, so that fillKeepFocus gives its focus back. */
  focusKey?: string;
  /** The reason as a span within a row (a list item) rather than a line under the form. */
  inline?: boolean;
  /** The command the form describes now, or null while it is incomplete (nothing to ask: off). */
  intent(): C | null;
  /** Tells questions apart (default: the whole command), so that an unchanged one keeps its answer. */
  key?(intent: C): string;
  /** Enabled or not, and why (default: the engine's verdict). */
  gate?(state: PreviewState): Gate;
  /** Shows the answer's figures, or what the form lacks while idle; runs before the gate is applied. */
  show?(state: PreviewState): void;
  /** After the outcome is shown and the preview asked again (the world changed). */
  after?(ok: boolean): void;
}

export interface GatedAction {
  readonly button: HTMLButtonElement;
  readonly reason: HTMLElement;
  /** Reads the form and asks about it (after typing settles, or now). */
  ask(now?: boolean): void;
  /** A game day passed: ask the same question again, keeping the answer on screen meanwhile. */
  refresh(): void;
  /** Shows the current answer again (the language, or a choice the gate or the figures read, changed). */
  render(): void;
  stop(): void;
}

/**
 * Shows an action's gate: the button is enabled only when the engine said yes; otherwise the reason
 * is shown next to it (and read out with it through aria-describedby).
 */
function applyGate(button: HTMLButtonElement, reason: HTMLElement, gate: Gate, sending: boolean): void {
  button.disabled = !gate.enabled || sending;
  reason.textContent = gate.reason ?? "";
  reason.hidden = !gate.reason;
}

export function gatedAction<C extends Command>(spec: GatedActionSpec<C>): GatedAction {
  const button = h("button", {
    type: "button",
    class: spec.primary ? "primary" : undefined,
    "data-testid": spec.testid,
    "data-k": spec.focusKey,
    "aria-describedby": spec.reasonId,
    disabled: true,
    text: t(spec.label),
  });
  const reason = h(spec.inline ? "span" : "p", {
    id: spec.reasonId,
    class: "reason",
    "data-testid": spec.reasonId,
    hidden: true,
  });
  const keyOf = spec.key ?? ((c: C) => JSON.stringify(c));
  const gate = spec.gate ?? ((s: PreviewState) => gateOf(s, lang()));
  const previewer = new Previewer(() => render());
  /** The key of the question last asked: the answer on screen is for it (or is being fetched). */
  let asked: string | null = null;
  /** A command is on its way: the button waits for its answer (a double click sends one command). */
  let sending = false;

  function render(): void {
    button.textContent = t(spec.label);
    spec.show?.(previewer.state);
    applyGate(button, reason, gate(previewer.state), sending);
  }

  function ask(now = false): void {
    const intent = spec.intent();
    asked = intent ? keyOf(intent) : null;
    if (!intent || asked === null) return previewer.ask(null, now);
    previewer.ask({ key: asked, ask: () => spec.server.preview(intent) }, now);
  }

  button.addEventListener("click", () => {
    const intent = spec.intent();
    if (!intent || sending) return;
    // The form changed without asking (its options redrawn under it): that answer is not for this.
    if (keyOf(intent) !== asked) return ask(true);
    sending = true;
    render();
    void perform(spec.server.command(intent), spec.status).then((ok) => {
      sending = false;
      ask(true);
      spec.after?.(ok);
    });
  });

  return {
    button,
    reason,
    ask,
    refresh: () => previewer.refresh(),
    render,
    stop: () => previewer.stop(),
  };
}
