/**
 * Prints the rest of the world's fleet mix at a date, derived from the catalog and the hashrate history
 * (node/fleetMix.ts), as the `world.fleet` lines of a scenario file.
 *   npm run fleet-mix -- 2024-01-06
 */
import { parseIsoDate } from "../shared/math/calendar.ts";
import { deriveFleet } from "../node/fleetMix.ts";
import { loadDatasets } from "../node/scenarios.ts";
import { exitWithUsage, wantsHelp } from "./lib/cli.ts";

const USAGE = "usage: npm run fleet-mix -- YYYY-MM-DD";
const args = process.argv.slice(2);
if (wantsHelp(args)) {
  console.log(USAGE);
  process.exit(0);
}
const date = args[0];
if (date === undefined || args.length > 1 || !/^\d{4}-\d{2}-\d{2}$/.test(date))
  exitWithUsage(
    USAGE,
    `a date YYYY-MM-DD is expected, got ${args.length === 0 ? "none" : `"${args.join(" ")}"`}`,
  );
console.log("  fleet:");
for (const t of deriveFleet(loadDatasets(), parseIsoDate(date)))
  console.log(`    - { jPerTh: ${t.jPerTh}, sharePct: ${t.sharePct} }`);
