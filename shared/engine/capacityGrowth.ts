/**
 * A region's capacity growth on a day (capacityGrowthSpec.ts): the pace of the last dated step on or
 * before it, else the region's own pace. Read by the daily growth (world.ts) and by the hosting queue's
 * expected wait (hosting.ts), so both see the same racks coming.
 */
import type { RegionSpec } from "../scenario/types.ts";
import { stepOn } from "./steps.ts";

export function capacityGrowthKwPerDayOn(spec: RegionSpec, day: number): number {
  return stepOn(spec.capacityGrowthSteps ?? [], day)?.kwPerDay ?? spec.capacityGrowthKwPerDay;
}
