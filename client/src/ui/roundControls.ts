/**
 * The host's round-mode controls in the teacher console: off, or pause at each retarget or month with
 * a window of so many seconds (server/rooms/rounds.ts). Shows the mode the server says is set.
 */
import { t } from "../i18n/index.ts";
import type { GameServer } from "../net/Server.ts";
import { ROUND_AT, ROUND_SECONDS, type RoundMode } from "../../../shared/protocol/pacing.ts";
import { perform } from "./act.ts";
import { fill, h, status } from "./dom.ts";
import { termTip } from "./glossary.ts";

const OFF = "off";

/** The select's options: off, then each place and window length. */
function modeOptions(current: RoundMode | null): HTMLOptionElement[] {
  const options = [h("option", { value: OFF, text: t("rounds.mode.off"), selected: current === null })];
  for (const at of ROUND_AT)
    for (const s of ROUND_SECONDS) {
      const text = t("rounds.mode.on", { at: t(`rounds.at.${at}`), s });
      const selected = current?.at === at && current.seconds === s;
      options.push(h("option", { value: `${at}:${s}`, text, selected }));
    }
  return options;
}

export function createRoundControls(server: GameServer) {
  const el = h("div", { class: "row", title: "" });
  const out = status();
  out.dataset.testid = "teacher-rounds-status";
  let current: RoundMode | null = null;

  function render(): void {
    const select = h(
      "select",
      {
        id: "teacher-rounds",
        "data-testid": "teacher-rounds",
        onchange: () => {
          const [at, s] = select.value.split(":");
          const mode = select.value === OFF ? null : { at: at as RoundMode["at"], seconds: Number(s) };
          void perform(server.host({ type: "rounds", mode }), out);
        },
      },
      ...modeOptions(current),
    );
    el.title = t("rounds.mode.hint");
    fill(el, h("label", { for: "teacher-rounds", text: t("rounds.mode") }), termTip("round"), select, out);
  }

  const off = server.events.on("round", (v) => {
    current = v.mode;
    render();
  });
  render();
  return { el, relabel: render, remove: off };
}
