/**
 * Lint rules for covert mining, seasonal migration and bans on part of a region (issue #16): the
 * seasonal block names two of the scenario's regions, not the same one twice; a covert share needs a ban
 * applied on its day (a ban with graceDays goes through the shock template, which has no covert share:
 * covert.ts); a ban on part of a region applies on its day and sends its obeying share away.
 */
import { formatIsoDate, parseIsoDate } from "../math/calendar.ts";
import type { ScenarioFile } from "./schema.ts";

export interface CovertProblem {
  severity: "error";
  path: (string | number)[];
  message: string;
}

type BanFile = Extract<ScenarioFile["events"][number], { type: "ban" }>;

/**
 * A ban on part of a region leaves the region open (eventEffects.ts), so nothing marks its end: a covert
 * share would restart the next day (covert.ts waits only while the region is banned) and an idle share
 * would wait for an unban of a region that was never banned. And it must apply on its day: a ban
 * announced ahead goes through the ban template, which bans the whole region.
 */
function lintPartialBan(e: BanFile, i: number, out: CovertProblem[]): void {
  const refuse = (key: string, why: string): void => {
    out.push({ severity: "error", path: ["events", i, key], message: `regionSharePct below 100 ${why}` });
  };
  if (e.graceDays > 0)
    refuse(
      "regionSharePct",
      "needs a ban that applies on its day (graceDays 0): a ban announced ahead bans the whole region",
    );
  if (e.covertPct !== undefined)
    refuse(
      "covertPct",
      "leaves the region open, so a covert share would restart the next day: drop covertPct",
    );
  if (e.idlePct > 0)
    refuse(
      "idlePct",
      "leaves the region open, so an idle share would wait for an unban that never comes: use emigratePct",
    );
}

/**
 * A region switches off one ban's fleet at a time (its ramp fields, eventEffects.ts): a second ban on it
 * while the first still ramps would replace the first's ramp and leave part of its fleet running. Each
 * ban ramps from its day plus its grace for rampDays.
 */
function lintBanRamps(raw: ScenarioFile, out: CovertProblem[]): void {
  const rampingUntil = new Map<string, { end: number; date: string }>();
  const bans = raw.events
    .map((e, i) => ({ e, i }))
    .filter((b): b is { e: BanFile; i: number } => b.e.type === "ban")
    .map(({ e, i }) => ({ e, i, start: parseIsoDate(e.date) + e.graceDays }))
    .sort((a, b) => a.start - b.start || a.i - b.i);
  for (const { e, i, start } of bans) {
    for (const region of e.regions) {
      const before = rampingUntil.get(region);
      if (before && start < before.end) {
        const message = `the ban of ${region} on ${e.date} starts while the ban of ${before.date} still switches its machines off (until ${formatIsoDate(before.end)}); a region ramps one ban at a time: move this ban, or shorten the earlier one's rampDays`;
        out.push({ severity: "error", path: ["events", i, "date"], message });
      }
      rampingUntil.set(region, { end: start + e.rampDays, date: e.date });
    }
  }
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
    if (e.regionSharePct < 100) lintPartialBan(e, i, out);
    // Timing without a share would be dropped silently (resolve.ts keeps them only with covertPct).
    for (const key of ["covertReturnDays", "covertRestartDays"] as const)
      if (e[key] !== undefined && e.covertPct === undefined) {
        const message = `${key} times a covert fleet, but this ban has no covertPct: give the share, or drop ${key}`;
        out.push({ severity: "error", path: ["events", i, key], message });
      }
  });
  lintBanRamps(raw, out);
  return out;
}
