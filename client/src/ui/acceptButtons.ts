/**
 * One accept button per open offer made to me, kept by the offer's id while the offer stays open (its
 * gate asks the engine once, then again on each day's refresh) and stopped when it closes. The market's
 * machine offers and the hosting contracts' offers both list them.
 */
import type { MessageKey } from "../i18n/index.ts";
import type { Command } from "../../../shared/engine/commands/schema.ts";
import { gatedAction, type GatedAction, type GatedActionSpec } from "./gatedAction.ts";

export interface AcceptButtons {
  /** The offer's button, made (and asked about) the first time. */
  get(id: string): GatedAction;
  /** Stops and forgets the buttons of offers `open` no longer holds. */
  keep(open: (id: string) => boolean): void;
  refresh(): void;
  render(): void;
  stop(): void;
}

export function acceptButtons<C extends Command>(
  spec: Pick<GatedActionSpec<C>, "server" | "status">,
  prefix: string,
  label: MessageKey,
  intent: (id: string) => C,
): AcceptButtons {
  const byId = new Map<string, GatedAction>();
  return {
    get(id) {
      let a = byId.get(id);
      if (a) return a;
      a = gatedAction({
        ...spec,
        testid: `${prefix}-accept-${id}`,
        reasonId: `${prefix}-reason-${id}`,
        focusKey: `${prefix}-accept-${id}`,
        label,
        primary: true,
        inline: true,
        intent: () => intent(id),
      });
      byId.set(id, a);
      a.ask(true);
      return a;
    },
    keep(open) {
      for (const [id, a] of byId) {
        if (open(id)) continue;
        a.stop();
        byId.delete(id);
      }
    },
    refresh: () => byId.forEach((a) => a.refresh()),
    render: () => byId.forEach((a) => a.render()),
    stop() {
      byId.forEach((a) => a.stop());
      byId.clear();
    },
  };
}
