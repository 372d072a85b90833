/**
 * The preview-gated action every gameplay panel uses: its button is enabled only while the engine's
 * latest answer, to the question the form asks now, says yes; the reason of a refusal shows beside it;
 * a click sends the form's command and reads the outcome out, then asks again. Node has no DOM: a
 * stand-in document makes the few elements the helper builds.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Command } from "../../shared/engine/commands/schema.ts";
import type { PreviewReply } from "../../shared/protocol/index.ts";
import { RequestError } from "../../client/src/net/pending.ts";
import { gatedAction } from "../../client/src/ui/gatedAction.ts";

/** Just what dom.ts's h() and the helper touch: attributes, text, hidden, disabled, click listeners. */
class FakeElement {
  className = "";
  textContent: string | null = "";
  hidden = false;
  disabled = false;
  readonly attrs = new Map<string, string>();
  private readonly listeners: ((e: unknown) => void)[] = [];
  constructor(readonly tag: string) {}
  setAttribute(name: string, value: string): void {
    this.attrs.set(name, value);
    if (name === "hidden") this.hidden = true;
    if (name === "disabled") this.disabled = true;
  }
  removeAttribute(name: string): void {
    this.attrs.delete(name);
  }
  addEventListener(_type: string, fn: (e: unknown) => void): void {
    this.listeners.push(fn);
  }
  classList = { toggle: (name: string, on: boolean) => void (this.className = on ? name : "") };
  append(): void {}
  /** A person's click: a disabled button does nothing. */
  click(): void {
    if (!this.disabled) for (const fn of this.listeners) fn({ currentTarget: this });
  }
}

beforeAll(() => vi.stubGlobal("document", { createElement: (tag: string) => new FakeElement(tag) }));
afterAll(() => vi.unstubAllGlobals());
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const sell = (quantity: number): Command => ({ type: "sellMachines", lot: "lot-1", quantity });
const refused: PreviewReply = {
  ok: false,
  error: { code: "QTY", message: { en: "Too many.", zh: "太多。" } },
};

/** A form with one number, and a server whose previews and commands the test answers. */
function setup(reply: (cmd: Command) => PreviewReply) {
  const form = { quantity: 3 as number | null };
  const previews: Command[] = [];
  const sent: Command[] = [];
  const server = {
    preview: (cmd: Command) => {
      previews.push(cmd);
      return Promise.resolve(reply(cmd));
    },
    command: (cmd: Command) => {
      sent.push(cmd);
      return cmd.type === "sellMachines" && cmd.quantity > 5
        ? Promise.reject(new RequestError("QTY", { en: "Not that many.", zh: "没有那么多。" }))
        : Promise.resolve();
    },
  };
  const status = document.createElement("p");
  const action = gatedAction({
    server,
    status,
    testid: "market-sell",
    reasonId: "market-sell-reason",
    label: "panels.market.sell",
    intent: () => (form.quantity === null ? null : sell(form.quantity)),
  });
  const button = action.button as unknown as FakeElement;
  const reason = action.reason as unknown as FakeElement;
  return { form, previews, sent, status, action, button, reason };
}

describe("a preview-gated action", () => {
  it("keeps its ids and text, and starts disabled with no reason", () => {
    const { button, reason } = setup(() => ({ ok: true }));
    expect(button.attrs.get("data-testid")).toBe("market-sell");
    expect(button.attrs.get("aria-describedby")).toBe("market-sell-reason");
    expect(button.textContent).toBe("Sell");
    expect(button.disabled).toBe(true);
    expect(reason.attrs.get("id")).toBe("market-sell-reason");
    expect(reason.className).toBe("reason");
    expect(reason.hidden).toBe(true);
  });

  it("is enabled only by the engine's yes, and shows its refusal's reason", async () => {
    const { form, action, button, reason } = setup((cmd) =>
      cmd.type === "sellMachines" && cmd.quantity > 5 ? refused : { ok: true },
    );
    action.ask(true);
    expect(button.disabled).toBe(true);
    expect(reason.textContent).toBe("Checking with the server…");
    await vi.advanceTimersByTimeAsync(0);
    expect(button.disabled).toBe(false);
    expect(reason.hidden).toBe(true);
    form.quantity = 9;
    action.ask();
    expect(button.disabled).toBe(true); // a new question: the old yes no longer counts
    await vi.advanceTimersByTimeAsync(300);
    expect(button.disabled).toBe(true);
    expect(reason.hidden).toBe(false);
    expect(reason.textContent).toBe("Too many.");
    form.quantity = null;
    action.ask();
    expect(button.disabled).toBe(true);
    expect(reason.hidden).toBe(true);
  });

  it("sends the form's command, reads out the outcome and asks again", async () => {
    const { action, button, previews, sent, status } = setup(() => ({ ok: true }));
    action.ask(true);
    await vi.advanceTimersByTimeAsync(0);
    button.click();
    expect(status.textContent).toBe("Sending…");
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([sell(3)]);
    expect(status.textContent).toBe("Done.");
    expect(previews).toEqual([sell(3), sell(3)]);
  });

  it("sends one command for a double or triple click, and is enabled again once answered", async () => {
    const { action, button, sent } = setup(() => ({ ok: true }));
    action.ask(true);
    await vi.advanceTimersByTimeAsync(0);
    button.click();
    button.click();
    button.click();
    expect(button.disabled).toBe(true); // waiting for the answer
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([sell(3)]);
    expect(button.disabled).toBe(false);
    button.click();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([sell(3), sell(3)]); // a later click is a new order
  });

  it("shows the server's refusal of the command itself", async () => {
    const { form, action, button, status } = setup(() => ({ ok: true }));
    form.quantity = 7;
    action.ask(true);
    await vi.advanceTimersByTimeAsync(0);
    button.click();
    await vi.advanceTimersByTimeAsync(0);
    expect(status.textContent).toBe("Refused: Not that many.");
  });

  it("asks again instead of sending when the form changed without asking", async () => {
    const { form, action, button, previews, sent } = setup(() => ({ ok: true }));
    action.ask(true);
    await vi.advanceTimersByTimeAsync(0);
    form.quantity = 4; // e.g. a select's options redrawn under it
    button.click();
    expect(sent).toEqual([]);
    expect(button.disabled).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(previews).toEqual([sell(3), sell(4)]);
    expect(button.disabled).toBe(false);
  });
});
