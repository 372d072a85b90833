/**
 * The host's level picker for a bot seat (issue #14 §1): easy, normal or hard, with the glossary's tip.
 * The seat's strategy name carries its level (`hard:trader`, shared/strategy/names.ts); the roster shows
 * the strategy and level, and changing the level keeps the strategy (the server's botSeat).
 */
import { DICTIONARIES, t, type MessageKey } from "../i18n/index.ts";
import { LEVELS, parseStrategyName, type Level } from "../../../shared/strategy/names.ts";
import { h } from "./dom.ts";
import { termTip } from "./glossary.ts";

/** The level of a seat's stored strategy name (normal when it has none, or no name at all). */
export const levelOf = (strategy: string | undefined): Level => parseStrategyName(strategy ?? "").level;

/** "hard · trader": the seat's bot as the roster tags it (the strategy's name translated when known). */
export function strategyTag(strategy: string | undefined): string {
  if (!strategy) return "";
  const { level, strategy: bare } = parseStrategyName(strategy);
  const key = `strategy.${bare}` as MessageKey;
  const name = key in DICTIONARIES.en ? t(key) : bare;
  return `${t(`level.${level}`)} · ${name}`;
}

/** A select of the levels for seat `seat`, `current` chosen; `pick` hears the host's choice. */
export function levelSelect(seat: string, current: Level, pick: (level: Level) => void): HTMLElement {
  const id = `level-${seat}`;
  const select = h(
    "select",
    { id, "data-k": `${seat}-level`, onchange: () => pick(select.value as Level) },
    ...LEVELS.map((l) => h("option", { value: l, text: t(`level.${l}`), selected: l === current })),
  );
  return h(
    "span",
    { class: "level" },
    h("label", { for: id, class: "sr-only", text: t("level.forSeat", { seat }) }),
    select,
    termTip("botLevel"),
  );
}
