/** What a shock template is, and helpers the template files share. */
import { z } from "zod";
import type { Text } from "../../scenario/types.ts";
import type { EngineCaches } from "../caches.ts";
import type { GameState, RegionState } from "../state.ts";
import type { CountryState, FactoryState } from "../tradeState.ts";
import type { TargetKind } from "./text.ts";

export type Params = Record<string, number | string>;

export interface ShockTemplate {
  id: string;
  target: TargetKind;
  params: z.ZodType<Params>;
  /** How long it lasts, in days, from its parameters (0: it does not end by itself). */
  days(p: Params): number;
  text(p: Params, names: Text): { headline: Text; explanation: Text };
  apply(state: GameState, targets: string[], p: Params, caches: EngineCaches): void;
  /** Undoes a temporary shock (or completes an announced one) when its days are over. */
  end?(state: GameState, targets: string[], p: Params, caches: EngineCaches): void;
}

export const n = (p: Params, k: string): number => Number(p[k] ?? 0);
export const num = (min: number, max: number, def: number) => z.number().min(min).max(max).default(def);
export const regionsOf = (s: GameState, ids: string[]): RegionState[] =>
  s.world.regions.filter((r) => ids.includes(r.id));

/** Countries' trade rules; a country without any yet gets an empty set, so a shock can give it some. */
export const countriesOf = (s: GameState, ids: string[]): CountryState[] =>
  ids.map((id) => {
    let c = s.countries.find((x) => x.country === id);
    if (!c) {
      c = {
        country: id,
        tariffBps: {},
        vatBps: 0,
        licenceMeanDays: 0,
        carbonTaxCentsPerTonne: 0,
        congestionDays: 0,
      };
      s.countries.push(c);
    }
    return c;
  });

/** Factories by hub id; "world" means every factory. */
export const factoriesOf = (s: GameState, ids: string[]): FactoryState[] =>
  s.factories.filter((f) => ids.includes(f.hub) || ids.includes("world"));
