/**
 * Applying a shock: check the template, its targets and parameters, change the world, tell everyone
 * (headline and explanation in both languages) and, for a shock that lasts, remember when it ends.
 */
import type { Text } from "../../scenario/types.ts";
import { reject, type Rejection } from "../commands/errors.ts";
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
    return reject(
      "UNKNOWN_TEMPLATE",
      `No shock template "${templateId}".`,
      `没有名为"${templateId}"的冲击模板。`,
    );
  }
  const names: Text[] = [];
  for (const id of targets) {
    const name = targetName(state, template.target, id);
    if (!name) {
      return reject(
        "BAD_TARGET",
        `"${id}" is not a ${template.target} this shock can hit.`,
        `"${id}"不是该冲击可作用的${template.target}。`,
      );
    }
    names.push(name);
  }
  const parsed = template.params.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") ?? "";
    return reject(
      "BAD_PARAMS",
      `Bad parameter ${where ? `"${where}"` : ""} for ${templateId}: ${issue?.message ?? "invalid"}.`,
      `${templateId} 的参数 ${where} 无效：${issue?.message ?? "invalid"}。`,
    );
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
