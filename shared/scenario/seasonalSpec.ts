/**
 * The seasonal-migration block of a scenario (issue #16; shared/engine/seasonalMigration.ts): a hydro
 * region whose power is cheap in the wet season, a thermal region whose miners follow it, the share of
 * that region's fleet that moves, how fast (by the price gap) and how long machines are off on the road.
 * Optional: a scenario without the block has no seasonal migration (and resolves as before).
 */
import { z } from "zod";

export interface SeasonalMigrationSpec {
  /** Region whose power is cheap in the wet season (Sichuan and Yunnan). */
  hydroRegion: string;
  /** Region whose mobile fleet moves to the hydro region while its power is cheaper, and back. */
  thermalRegion: string;
  /** Share of the thermal region's fleet that follows cheap power, basis points. */
  mobileBps: number;
  /** The most of the movable fleet that leaves in a day, basis points (at or above the full-speed gap). */
  maxMoveBpsPerDay: number;
  /** Price gap (of the dearer region's price) at which machines move at full speed, basis points. */
  fullSpeedGapBps: number;
  /** Days machines are off while moving (packing, trucking, re-racking). */
  transitDays: number;
}

export const seasonalMigrationFileSchema = z
  .object({
    hydroRegion: z.string().min(1),
    thermalRegion: z.string().min(1),
    mobilePct: z.number().min(0).max(100),
    // At least a basis point: resolved to basis points, less would round to 0 (no move, or a gap
    // that divides by zero).
    maxMovePctPerDay: z.number().min(0.01).max(100),
    fullSpeedGapPct: z.number().min(0.01).max(100),
    transitDays: z.number().int().min(0).max(365),
    source: z.string().min(3).optional(),
    estimate: z.string().min(3).optional(),
  })
  .strict()
  .refine((v) => Boolean(v.source || v.estimate), {
    message: "cite a `source` for real-world numbers, or say how they were chosen with `estimate`",
  });

export type SeasonalMigrationFile = z.infer<typeof seasonalMigrationFileSchema>;

/** The engine's units (percent → basis points); undefined when the scenario has no block. */
export function resolveSeasonalMigration(
  raw: SeasonalMigrationFile | undefined,
): SeasonalMigrationSpec | undefined {
  if (!raw) return undefined;
  return {
    hydroRegion: raw.hydroRegion,
    thermalRegion: raw.thermalRegion,
    mobileBps: Math.round(raw.mobilePct * 100),
    maxMoveBpsPerDay: Math.round(raw.maxMovePctPerDay * 100),
    fullSpeedGapBps: Math.round(raw.fullSpeedGapPct * 100),
    transitDays: raw.transitDays,
  };
}
