/**
 * A region's capacity growth on a day (capacityGrowthSpec.ts): the pace of the last dated step on or
 * before it, else the region's own pace. Read by the daily growth (world.ts) and by the hosting queue's
 * expected wait (hosting.ts), so both see the same racks coming.
 */
import type { RegionSpec } from "../scenario/types.ts";

export function capacityGrowthKwPerDayOn(spec: RegionSpec, day: number): number {
  let pace = spec.capacityGrowthKwPerDay;
  for (const step of spec.capacityGrowthSteps ?? []) {
    if (step.day > day) break;
    pace = step.kwPerDay;
  }
  return pace;
}
