/**
 * The news of seasonal hydro migration (seasonalMigration.ts): when the season turns (hydro becomes the
 * cheaper power, or stops being it) everyone hears that miners are trucking machines, with the regions
 * named so that both regions' cards show it in their history.
 */
import type { SeasonalMigrationSpec } from "../scenario/seasonalSpec.ts";
import type { GameState } from "./state.ts";

/** Tells everyone when the season turns; `wet` is whether hydro is the cheaper power for movers today. */
export function noteSeason(
  state: GameState,
  spec: SeasonalMigrationSpec,
  hydroIndex: number,
  thermalIndex: number,
  wet: boolean,
): void {
  const moving = state.world.seasonal;
  if (!moving) return;
  const season = wet ? "wet" : "dry";
  const before = moving.season;
  moving.season = season;
  // The first day only sets the season, unless it is already the wet one (movers leave from today).
  if (before === season || (before === undefined && !wet)) return;
  const hydro = state.scenario.regions[hydroIndex]?.name;
  const thermal = state.scenario.regions[thermalIndex]?.name;
  if (!hydro || !thermal) return;
  const days = spec.transitDays;
  const text = wet
    ? {
        en: `Wet season: miners truck machines from ${thermal.en} to ${hydro.en} for its cheap hydro power; they are off for about ${days} days on the road.`,
        zh: `丰水期：矿工把矿机从${thermal.zh}运往${hydro.zh}，用便宜的水电；途中约 ${days} 天停机。`,
      }
    : {
        en: `Dry season: miners truck their machines from ${hydro.en} back to ${thermal.en}; they are off for about ${days} days on the road.`,
        zh: `枯水期：矿工把矿机从${hydro.zh}运回${thermal.zh}；途中约 ${days} 天停机。`,
      };
  state.notices.push({
    day: state.day,
    company: null,
    kind: "seasonal",
    text,
    targets: [spec.hydroRegion, spec.thermalRegion],
  });
}
