/**
 * Lint rules for covert mining and seasonal migration (issue #16): the seasonal block names two of the
 * scenario's regions, not the same one twice; a covert share needs a ban applied on its day (a ban with
 * graceDays goes through the shock template, which has no covert share: covert.ts).
 */
import type { ScenarioFile } from "./schema.ts";

export interface CovertProblem {
  severity: "error";
  path: (string | number)[];
  message: string;
}

export function lintCovertAndSeasonal(raw: ScenarioFile): CovertProblem[] {
  const out: CovertProblem[] = [];
  const ids = new Set(raw.regions.map((r) => r.id));
  const s = raw.seasonalMigration;
  if (s) {
    for (const key of ["hydroRegion", "thermalRegion"] as const) {
      if (!ids.has(s[key])) {
        const message = `seasonal migration region "${s[key]}" is not one of the scenario's regions; expected one of: ${[...ids].join(", ")}`;
        out.push({ severity: "error", path: ["seasonalMigration", key], message });
      }
    }
    if (s.hydroRegion === s.thermalRegion) {
      const message = `the hydro and thermal regions are both "${s.hydroRegion}"; expected two different regions`;
      out.push({ severity: "error", path: ["seasonalMigration", "thermalRegion"], message });
    }
  }
  raw.events.forEach((e, i) => {
    if (e.type !== "ban") return;
    if (e.covertPct !== undefined && e.graceDays > 0) {
      const message = `covertPct needs a ban that applies on its day (graceDays 0): a ban announced ahead has no covert share`;
      out.push({ severity: "error", path: ["events", i, "covertPct"], message });
    }
    if (e.regionSharePct < 100 && e.graceDays > 0) {
      const message = `regionSharePct needs a ban that applies on its day (graceDays 0): a ban announced ahead goes through the ban template, which bans the whole region`;
      out.push({ severity: "error", path: ["events", i, "regionSharePct"], message });
    }
    // Timing without a share would be dropped silently (resolve.ts keeps them only with covertPct).
    for (const key of ["covertReturnDays", "covertRestartDays"] as const)
      if (e[key] !== undefined && e.covertPct === undefined) {
        const message = `${key} times a covert fleet, but this ban has no covertPct: give the share, or drop ${key}`;
        out.push({ severity: "error", path: ["events", i, key], message });
      }
  });
  return out;
}
