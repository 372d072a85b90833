/**
 * Prints the rest of the world's fleet mix at a date, derived from the catalog and the hashrate history
 * (node/fleetMix.ts), as the `world.fleet` lines of a scenario file.
 *   npm run fleet-mix -- 2024-01-06
 */
import { parseIsoDate } from "../shared/math/calendar.ts";
import { deriveFleet } from "../node/fleetMix.ts";
import { loadDatasets } from "../node/scenarios.ts";

const date = process.argv[2];
if (date === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
  console.error("usage: npm run fleet-mix -- YYYY-MM-DD");
  process.exit(2);
}
console.log("  fleet:");
for (const t of deriveFleet(loadDatasets(), parseIsoDate(date)))
  console.log(`    - { jPerTh: ${t.jPerTh}, sharePct: ${t.sharePct} }`);
