/**
 * Applying a shock: check the template, its targets and parameters, change the world, tell everyone
 * (headline and explanation in both languages) and, for a shock that lasts, remember when it ends.
 */
import type { Text } from "../../scenario/types.ts";
import { refuse } from "../../protocol/refusals/index.ts";
import type { Rejection } from "../commands/errors.ts";
import type { GameState } from "../state.ts";
import type { Params } from "./kit.ts";
import { templateById, type ShockTemplate } from "./templates.ts";
import { joinNames, targetName } from "./text.ts";
import type { EngineCaches } from "../caches.ts";

export interface CheckedShock {
  template: ShockTemplate;
  targets: string[];
  params: Params;
  names: Text;
}

/** Validates a shock request: the template exists, targets are of its kind, parameters fit. */
export function checkShock(
  state: GameState,
  templateId: string,
  targets: string[],
  params: Params,
): CheckedShock | Rejection {
  const template = templateById(templateId);
  if (!template) {
    return refuse("UNKNOWN_TEMPLATE", { template: templateId });
  }
  const names: Text[] = [];
  for (const id of targets) {
    const name = targetName(state, template.target, id);
    if (!name) {
      return refuse("NOT_A_SHOCK_TARGET", { target: id, kind: template.target });
    }
    names.push(name);
  }
  const parsed = template.params.safeParse(params);
  if (!parsed.success) {
    return refuse("BAD_SHOCK_PARAMS", { template: templateId, issue: parsed.error.issues[0] });
  }
  return { template, targets, params: parsed.data, names: joinNames(names) };
}

/** Applies a checked shock now; returns the headline used. */
export function applyShock(
  state: GameState,
  shock: CheckedShock,
  caches: EngineCaches,
  headline?: Text,
): Text {
  const { template, targets, params, names } = shock;
  template.apply(state, targets, params, caches);
  const text = template.text(params, names);
  const title = headline && headline.en ? headline : text.headline;
  state.notices.push({ day: state.day, company: null, kind: `shock:${template.id}`, text: title, targets });
  state.notices.push({ day: state.day, company: null, kind: "explanation", text: text.explanation, targets });
  const days = template.days(params);
  if (days > 0 && template.end) {
    state.effects.push({
      id: `effect-${state.nextId++}`,
      template: template.id,
      targets,
      startDay: state.day,
      endDay: state.day + days,
      params,
    });
  }
  return title;
}
