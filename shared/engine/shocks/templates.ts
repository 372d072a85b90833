/**
 * Shock templates: what each kind of shock does to the game, its parameters with their defaults, and
 * the headline and explanation people read, in English and Chinese. Scheduled events, random hazards
 * and the host's injections all go through these.
 */
import type { ShockTemplate } from "./kit.ts";
import { POLICY_TEMPLATES } from "./templatesPolicy.ts";
import { SUPPLY_TEMPLATES } from "./templatesSupply.ts";

export type { ShockTemplate } from "./kit.ts";

export const TEMPLATES: readonly ShockTemplate[] = [...POLICY_TEMPLATES, ...SUPPLY_TEMPLATES];

export function templateById(id: string): ShockTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
