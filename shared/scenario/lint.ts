/**
 * Checks a scenario file (already valid against schema.ts) against the region catalog, the shipped data and
 * the Bitcoin schedule: what zod cannot say (units, cross-references, dates, share sums, chain history).
 * Pure: it receives parsed data and returns problems; `npm run scenario:check` reads files and prints them.
 */
import {
  formatIsoDate,
  formatIsoTimestamp,
  monthOf,
  parseIsoDate,
  parseIsoTimestamp,
  SECONDS_PER_DAY,
  type EpochDay,
} from "../math/calendar.ts";
import {
  blockSubsidySats,
  decodeCompact,
  difficultyFromBits,
  GENESIS_TIME,
  HALVING_INTERVAL,
  isCanonicalCompact,
  POW_LIMIT,
  POW_LIMIT_BITS,
  RETARGET_INTERVAL,
  TARGET_SPACING,
} from "../bitcoin/index.ts";
import type { Datasets, Epoch } from "./datasets.ts";
import type { ScenarioProblem } from "./resolve.ts";
import { lintPercents } from "./lintPercent.ts";
import { supplyProblems } from "./supplySpec.ts";
import { lintCovertAndSeasonal } from "./lintCovert.ts";
import { lintPowerStepEvents } from "./lintPowerSteps.ts";
import { lintHostingStepEvents } from "./lintHostingSteps.ts";
import { lintWindowOverrides } from "./lintWindow.ts";
import type { RegionCatalog, ScenarioFile } from "./schema.ts";

export type Severity = "error" | "warning" | "info";

/** A ScenarioProblem with a severity: only errors make a scenario unusable. */
export interface LintProblem extends ScenarioProblem {
  severity: Severity;
  /**
   * A name that matched nothing, and the names it could have been: the checker (tools/scenario-check.ts)
   * adds "did you mean" with an edit-distance library, which this pure module does not import.
   */
  suggest?: { word: string; among: readonly string[] };
}

type Path = (string | number)[];

/** Above this a $/kWh price is almost certainly written in cents. */
const CENTS_THRESHOLD = 0.5;
const SHARE_TOLERANCE = 0.5;
/** A single region drawing more than this (MW) is implausible: the whole network drew ~20 GW in 2024. */
const MAX_REGION_MW = 20_000;
/** How far the period may start after its retarget epoch began. */
const MAX_EPOCH_LEAD_DAYS = 14;
const HEIGHT_TOLERANCE = 0.05;
const HASHRATE_TOLERANCE = 0.3;
const PLACEHOLDER = /^\s*(todo|tbd|fixme|xxx|n\/?a|none|unknown|\?+)\b/i;

const fmt = (n: number, digits = 2) => String(Number(n.toFixed(digits)));
const hex = (bits: number) => `0x${bits.toString(16).padStart(8, "0")}`;
const btc = (sats: number) => `${fmt(sats / 1e8, 8)} BTC`;
const dayOfTime = (seconds: number): EpochDay => Math.floor(seconds / SECONDS_PER_DAY);
const asArray = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

class Collector {
  readonly problems: LintProblem[] = [];
  error(path: Path, message: string, suggest?: LintProblem["suggest"]) {
    this.problems.push(
      suggest ? { severity: "error", path, message, suggest } : { severity: "error", path, message },
    );
  }
  warning(path: Path, message: string) {
    this.problems.push({ severity: "warning", path, message });
  }
  info(path: Path, message: string) {
    this.problems.push({ severity: "info", path, message });
  }
}

/** A $/kWh field (a number or 12 monthly numbers) that looks like cents. */
function checkUsdPerKwh(out: Collector, value: number | number[], path: Path): void {
  const values = asArray(value);
  values.forEach((v, month) => {
    if (v <= CENTS_THRESHOLD) return;
    const at = Array.isArray(value) ? [...path, month] : path;
    const m = `${v} $/kWh looks like cents: power prices are in US dollars per kWh (4.5 ¢ is 0.045), expected at most ${CENTS_THRESHOLD}`;
    out.error(at, m);
  });
}

/** Citations that are there but say nothing (the schema only checks that they exist). */
function checkCitation(out: Collector, block: { source?: string; estimate?: string }, path: Path): void {
  for (const key of ["source", "estimate"] as const) {
    const text = block[key];
    if (text !== undefined && PLACEHOLDER.test(text)) {
      const m = `"${text}" looks like a placeholder: say where the number comes from (source) or how it was chosen (estimate)`;
      out.warning([...path, key], m);
    }
  }
}

export function lintRegionCatalog(catalog: RegionCatalog, data: Datasets): LintProblem[] {
  const out = new Collector();
  const seen = new Map<string, number>();
  const ccafCountries = new Set<string>();
  for (const month of data.ccaf.values()) for (const country of month.keys()) ccafCountries.add(country);
  catalog.regions.forEach((r, i) => {
    const first = seen.get(r.id);
    if (first === undefined) seen.set(r.id, i);
    else out.error(["regions", i, "id"], `duplicate region id "${r.id}" (also regions[${first}])`);
    checkUsdPerKwh(out, r.powerUsdPerKwh, ["regions", i, "powerUsdPerKwh"]);
    if (ccafCountries.size > 0 && !ccafCountries.has(r.ccafCountry)) {
      const m = `"${r.ccafCountry}" is not a country in ccaf-countries-monthly.csv; expected one of: ${[...ccafCountries].sort().join(", ")}`;
      out.warning(["regions", i, "ccafCountry"], m);
    }
    checkCitation(out, r, ["regions", i]);
  });
  return out.problems;
}

/** `world`: the file a window names (`world.windowOf`), as written, when the caller could read it. */
export function lintScenario(
  raw: ScenarioFile,
  catalog: RegionCatalog,
  data: Datasets,
  world?: ScenarioFile,
): LintProblem[] {
  const out = new Collector();
  const start = parseIsoDate(raw.period.start);
  const end = parseIsoDate(raw.period.end);
  const periodText = `${raw.period.start} .. ${raw.period.end}`;
  if (end < start) {
    const m = `the period ends (${raw.period.end}) before it starts (${raw.period.start}); expected end on or after start`;
    out.error(["period", "end"], m);
  }

  lintRegions(out, raw, catalog, start);
  lintEvents(out, raw, start, end, periodText);
  lintWorld(out, raw, start, end, periodText);
  lintAsics(out, raw, data, end);
  lintStartingFleet(out, raw, data, start);
  if (end >= start && raw.price.model === "historical")
    lintCoverage(out, data.priceUsd, start, end, ["price", "dataset"]);
  if (end >= start && raw.fees.model === "historical")
    lintCoverage(out, data.feesBtc, start, end, ["fees", "dataset"]);
  checkUsdPerKwh(out, raw.usedMarket.referencePowerUsdPerKwh, ["usedMarket", "referencePowerUsdPerKwh"]);
  lintChain(out, raw, data, start, end);
  // Fractions written where percents are expected (lintPercent.ts says why these rules and no looser one).
  out.problems.push(...lintPercents(raw));
  out.problems.push(...lintCovertAndSeasonal(raw));
  out.problems.push(...lintPowerStepEvents(raw, catalog));
  out.problems.push(...lintHostingStepEvents(raw, catalog));
  out.problems.push(...lintWindowOverrides(raw, world));

  const cited = ["chain", "price", "fees", "pool", "company", "factory", "usedMarket", "world"] as const;
  for (const key of cited) checkCitation(out, raw[key], [key]);
  raw.events.forEach((e, i) => checkCitation(out, e, ["events", i]));
  if (raw.breakeven) checkCitation(out, raw.breakeven, ["breakeven"]);
  else
    out.warning(
      ["breakeven"],
      "no breakeven block: the rest of the world's hosted share defaults to 50%, an estimate nobody cited here; add `breakeven: { hostedPct, source or estimate }`",
    );
  return out.problems;
}

function lintRegions(out: Collector, raw: ScenarioFile, catalog: RegionCatalog, start: EpochDay): void {
  const known = new Map(catalog.regions.map((r) => [r.id, r]));
  const seen = new Map<string, number>();
  const fleetShare = raw.world.fleet.reduce((s, t) => s + t.sharePct, 0);
  const avgJPerTh =
    fleetShare > 0 ? raw.world.fleet.reduce((s, t) => s + t.jPerTh * t.sharePct, 0) / fleetShare : 0;
  raw.regions.forEach((r, i) => {
    const at: Path = ["regions", i];
    if (!known.has(r.id)) {
      const m = `unknown region "${r.id}": not in the region catalog (shared/world/regions.yaml); expected one of its ids`;
      out.error([...at, "id"], m, { word: r.id, among: [...known.keys()] });
    }
    const first = seen.get(r.id);
    if (first === undefined) seen.set(r.id, i);
    else
      out.error([...at, "id"], `region "${r.id}" is listed twice (also regions[${first}]); expected it once`);
    if (r.powerUsdPerKwh !== undefined) checkUsdPerKwh(out, r.powerUsdPerKwh, [...at, "powerUsdPerKwh"]);
    if (r.sharePct > 0 && r.capacityMw === 0) {
      const m = `the region holds ${r.sharePct}% of the hashrate but has no capacity; expected capacityMw > 0`;
      out.error([...at, "capacityMw"], m);
    }
    if (r.capacityMw > MAX_REGION_MW) {
      const m = `${r.capacityMw} MW in one region is implausible (capacity is in megawatts; the whole network drew about 20,000 MW in 2024)`;
      out.warning([...at, "capacityMw"], m);
    }
    // The engine installs share / uptime of the starting hashrate; at the fleet's average J/TH it must fit.
    const uptime = asArray(known.get(r.id)?.uptimePct ?? 100);
    const uptimePct = uptime.length === 12 ? (uptime[monthOf(start) - 1] ?? 100) : (uptime[0] ?? 100);
    const neededMw = (raw.world.initialHashrateEhs * r.sharePct * avgJPerTh) / Math.max(uptimePct, 1);
    if (neededMw > r.capacityMw * 1.0001 && r.capacityMw > 0) {
      const m = `${r.sharePct}% of ${raw.world.initialHashrateEhs} EH/s at ${uptimePct}% uptime and the fleet's average ${fmt(avgJPerTh, 1)} J/TH needs about ${fmt(neededMw, 0)} MW, more than capacityMw ${r.capacityMw}: the region starts full, with no room for new machines or players`;
      out.warning([...at, "capacityMw"], m);
    }
  });
  const total = raw.regions.reduce((s, r) => s + r.sharePct, 0);
  if (Math.abs(total - 100) > SHARE_TOLERANCE) {
    const m = `region sharePct values add up to ${fmt(total)}%; expected 100 ± ${SHARE_TOLERANCE}`;
    out.error(["regions"], m);
  }
}

function lintEvents(out: Collector, raw: ScenarioFile, start: EpochDay, end: EpochDay, periodText: string) {
  const inScenario = new Set(raw.regions.map((r) => r.id));
  raw.events.forEach((e, i) => {
    const day = parseIsoDate(e.date);
    if (day < start || day > end) {
      const m = `event date ${e.date} is outside the period ${periodText}; expected a date within it`;
      out.error(["events", i, "date"], m);
    }
    // A shock's targets may be countries, factories or the world, by template: resolve checks those.
    if (e.type === "shock") return;
    e.regions.forEach((id, j) => {
      if (!inScenario.has(id)) {
        const m = `event region "${id}" is not one of the scenario's regions; expected one of: ${[...inScenario].join(", ")}`;
        out.error(["events", i, "regions", j], m, { word: id, among: [...inScenario] });
      }
    });
  });
}

function lintWorld(out: Collector, raw: ScenarioFile, start: EpochDay, end: EpochDay, periodText: string) {
  const w = raw.world;
  const fleetTotal = w.fleet.reduce((s, t) => s + t.sharePct, 0);
  if (Math.abs(fleetTotal - 100) > SHARE_TOLERANCE) {
    const m = `fleet sharePct values add up to ${fmt(fleetTotal)}%; expected 100 ± ${SHARE_TOLERANCE}`;
    out.error(["world", "fleet"], m);
  }
  const [minDelay, maxDelay] = w.migrationDelayDays;
  if (minDelay > maxDelay) {
    const m = `migrationDelayDays is [min, max] but ${minDelay} > ${maxDelay}; expected min ≤ max`;
    out.error(["world", "migrationDelayDays"], m);
  }
  for (const p of supplyProblems(w, raw.period, raw.price.model)) out.error(p.path, p.message);
  let previous: EpochDay | null = null;
  w.deployments.forEach((d, i) => {
    const at: Path = ["world", "deployments", i];
    const day = parseIsoDate(d.date);
    if (day < start || day > end) {
      const m = `deployment date ${d.date} is outside the period ${periodText}; expected a date within it`;
      out.error([...at, "date"], m);
    }
    if (previous !== null && day <= previous) {
      const m = `deployments must be sorted by date, each after the one before: ${d.date} is not after ${formatIsoDate(previous)}`;
      out.error([...at, "date"], m);
    }
    previous = previous === null ? day : Math.max(previous, day);
    if (d.ehsPerMonth > w.initialHashrateEhs) {
      const m = `${d.ehsPerMonth} EH/s a month would more than double the ${w.initialHashrateEhs} EH/s network every month; check the unit (EH/s added per month)`;
      out.warning([...at, "ehsPerMonth"], m);
    }
  });
}

function lintAsics(out: Collector, raw: ScenarioFile, data: Datasets, end: EpochDay): void {
  if (raw.asics.include === "all") return;
  const byId = new Map(data.asics.map((m) => [m.id, m]));
  const seen = new Set<string>();
  raw.asics.include.forEach((id, i) => {
    const at: Path = ["asics", "include", i];
    const model = byId.get(id);
    if (!model)
      out.error(at, `unknown ASIC "${id}": not in shared/data/asics.csv; expected one of its ids`, {
        word: id,
        among: [...byId.keys()],
      });
    else if (model.releaseDay > end) {
      const m = `"${id}" is released ${formatIsoDate(model.releaseDay)}, after the period ends; it will never be on sale`;
      out.warning(at, m);
    }
    if (seen.has(id)) out.warning(at, `"${id}" is listed twice`);
    seen.add(id);
  });
}

/** A starting lot must name a model on sale by day 0 (or made before it) and one of the scenario's regions. */
function lintStartingFleet(out: Collector, raw: ScenarioFile, data: Datasets, start: EpochDay): void {
  const byId = new Map(data.asics.map((m) => [m.id, m]));
  const regions = new Set(raw.regions.map((r) => r.id));
  (raw.company.startingFleet ?? []).forEach((lot, i) => {
    const at: Path = ["company", "startingFleet", i];
    const model = byId.get(lot.model);
    if (!model) out.error([...at, "model"], `unknown ASIC "${lot.model}": not in shared/data/asics.csv`);
    else if (model.releaseDay > start - lot.ageDays) {
      const m = `"${lot.model}" is released ${formatIsoDate(model.releaseDay)}: machines ${lot.ageDays} days old on ${raw.period.start} would predate it`;
      out.error([...at, "ageDays"], m);
    }
    if (!regions.has(lot.region)) {
      const m = `starting lot region "${lot.region}" is not one of the scenario's regions; expected one of: ${[...regions].join(", ")}`;
      out.error([...at, "region"], m);
    }
  });
}

/** A historical series must have a value for every day of the period. */
function lintCoverage(
  out: Collector,
  series: Map<EpochDay, number>,
  start: EpochDay,
  end: EpochDay,
  path: Path,
) {
  const file = path[0] === "price" ? "btc-usd-daily.csv" : "btc-fees-daily.csv";
  const gaps: [EpochDay, EpochDay][] = [];
  for (let day = start; day <= end; day++) {
    if (series.has(day)) continue;
    const last = gaps[gaps.length - 1];
    if (last && last[1] === day - 1) last[1] = day;
    else gaps.push([day, day]);
  }
  if (gaps.length === 0) return;
  let first = Infinity;
  let lastDay = -Infinity;
  for (const day of series.keys()) {
    first = Math.min(first, day);
    lastDay = Math.max(lastDay, day);
  }
  const covered = series.size > 0 ? `${formatIsoDate(first)} .. ${formatIsoDate(lastDay)}` : "nothing";
  const missing = gaps.reduce((s, [a, b]) => s + b - a + 1, 0);
  const shown = gaps
    .slice(0, 3)
    .map(([a, b]) => (a === b ? formatIsoDate(a) : `${formatIsoDate(a)} .. ${formatIsoDate(b)}`));
  const m = `shared/data/${file} has no value for ${missing} day(s) of the period (${shown.join(", ")}${gaps.length > 3 ? ", …" : ""}); it covers ${covered}`;
  out.error(path, m);
}

/** The last epoch that started by `time`, else the first one shipped. */
function anchorFor(data: Datasets, time: number): Epoch | undefined {
  let best: Epoch | undefined;
  let earliest: Epoch | undefined;
  for (const e of data.epochs) {
    if (e.startTime <= time && (!best || e.startTime > best.startTime)) best = e;
    if (!earliest || e.startTime < earliest.startTime) earliest = e;
  }
  return best ?? earliest;
}

/** The height the chain had reached at `time`: from the nearest real epoch at 600 s blocks. */
function heightAt(data: Datasets, time: number): { height: number; from: string } {
  const anchor = anchorFor(data, time);
  if (!anchor)
    return { height: Math.round((time - GENESIS_TIME) / TARGET_SPACING), from: "the genesis block" };
  return {
    height: Math.round(anchor.height + (time - anchor.startTime) / TARGET_SPACING),
    from: `epoch ${anchor.height}`,
  };
}

/** When the chain reached `height`: interpolated between real epochs when they bracket it. */
function timeOfHeight(data: Datasets, height: number): number | null {
  const startH = height - (height % RETARGET_INTERVAL);
  const e = data.epochs.find((x) => x.height === startH);
  const next = data.epochs.find((x) => x.height === startH + RETARGET_INTERVAL);
  if (!e || !next) return null;
  return e.startTime + ((height - startH) * (next.startTime - e.startTime)) / RETARGET_INTERVAL;
}

function lintChain(out: Collector, raw: ScenarioFile, data: Datasets, start: EpochDay, end: EpochDay): void {
  const c = raw.chain;
  const bits = Number.parseInt(c.bits, 16);
  const epochHeight = c.startHeight - (c.startHeight % RETARGET_INTERVAL);
  const epochStart = parseIsoTimestamp(c.epochStartTime);
  const decoded = decodeCompact(bits);
  const expectedBits = `expected a non-negative compact target ≤ powLimit ${hex(POW_LIMIT_BITS)}`;
  const bitsError = decoded.negative
    ? "has the sign bit (0x00800000) set: a negative target"
    : decoded.overflow
      ? "overflows 256 bits"
      : decoded.target === 0n
        ? "encodes a zero target, which no block can meet"
        : decoded.target > POW_LIMIT
          ? "is easier than powLimit"
          : null;
  const bitsValid = bitsError === null;
  if (bitsError !== null) out.error(["chain", "bits"], `${c.bits} ${bitsError}; ${expectedBits}`);
  else if (!isCanonicalCompact(bits)) {
    const m = `${c.bits} is not in canonical form (Bitcoin Core would write it differently); real headers always are`;
    out.warning(["chain", "bits"], m);
  }

  if (c.startHeight % RETARGET_INTERVAL !== 0) {
    const m = `startHeight ${c.startHeight} is ${c.startHeight % RETARGET_INTERVAL} blocks into the epoch starting at ${epochHeight}; the simulation starts its tip at epochStartTime, so expected a retarget height (a multiple of ${RETARGET_INTERVAL})`;
    out.warning(["chain", "startHeight"], m);
  }

  const real = data.epochs.find((e) => e.height === epochHeight);
  if (real && real.bits !== null) {
    if (real.bits !== bits) {
      const m = `${c.bits} is not the bits of epoch ${epochHeight}: the real header (shared/data/btc-epochs.csv) has ${hex(real.bits)}`;
      out.error(["chain", "bits"], m);
    }
    if (real.startTime !== epochStart) {
      const m = `${c.epochStartTime} is not the start of epoch ${epochHeight}: its first block is at ${formatIsoTimestamp(real.startTime)} (shared/data/btc-epochs.csv)`;
      out.error(["chain", "epochStartTime"], m);
    }
  } else if (real && bitsValid) {
    const diff = difficultyFromBits(bits);
    if (Math.abs(diff / real.difficulty - 1) > 0.01) {
      const m = `${c.bits} is difficulty ${fmt(diff / 1e12)} T, but epoch ${epochHeight} had about ${fmt(real.difficulty / 1e12)} T (estimated, shared/data/btc-epochs.csv)`;
      out.warning(["chain", "bits"], m);
    }
    if (Math.abs(real.startTime - epochStart) > SECONDS_PER_DAY) {
      const m = `epoch ${epochHeight} started about ${formatIsoTimestamp(real.startTime)} (estimated, shared/data/btc-epochs.csv), not ${c.epochStartTime}`;
      out.warning(["chain", "epochStartTime"], m);
    }
  }

  const epochDay = dayOfTime(epochStart);
  if (epochDay > start) {
    const m = `the epoch starts ${c.epochStartTime}, after the period start ${raw.period.start}; expected on or before the period's first day`;
    out.error(["chain", "epochStartTime"], m);
  } else if (start - epochDay > MAX_EPOCH_LEAD_DAYS) {
    const m = `the epoch started ${start - epochDay} days before the period start ${raw.period.start}; expected at most ${MAX_EPOCH_LEAD_DAYS} (start the scenario at the epoch that holds its first day)`;
    out.error(["chain", "epochStartTime"], m);
  }

  // Is the height what the chain had at the period start? Only gross mismatches are errors.
  const periodStartTime = start * SECONDS_PER_DAY;
  const expected = heightAt(data, periodStartTime);
  if (Math.abs(c.startHeight - expected.height) > HEIGHT_TOLERANCE * expected.height) {
    const m = `startHeight ${c.startHeight} does not match the period start ${raw.period.start}: the chain was near height ${expected.height} then (from ${expected.from} at ${TARGET_SPACING} s blocks); expected within ±${HEIGHT_TOLERANCE * 100}%`;
    out.error(["chain", "startHeight"], m);
  }

  if (bitsValid) {
    const impliedEhs = (difficultyFromBits(bits) * 2 ** 32) / TARGET_SPACING / 1e18;
    const ratio = raw.world.initialHashrateEhs / impliedEhs;
    if (Math.abs(ratio - 1) > HASHRATE_TOLERANCE) {
      const m = `${raw.world.initialHashrateEhs} EH/s is ${fmt(ratio * 100, 0)}% of the ${fmt(impliedEhs, 1)} EH/s the start bits ${c.bits} imply at ${TARGET_SPACING} s blocks; expected within ±${HASHRATE_TOLERANCE * 100}%`;
      out.warning(["world", "initialHashrateEhs"], m);
    }
  }

  // Halvings inside the period: information, so that a designer sees the subsidy change coming.
  const firstHalving = (Math.floor(c.startHeight / HALVING_INTERVAL) + 1) * HALVING_INTERVAL;
  for (let h = firstHalving; ; h += HALVING_INTERVAL) {
    const expectedTime = epochStart + (h - epochHeight) * TARGET_SPACING;
    if (dayOfTime(expectedTime) > end) break;
    const realTime = timeOfHeight(data, h);
    const realText =
      realTime === null ? "" : ` (the real chain reached it about ${formatIsoDate(dayOfTime(realTime))})`;
    const m = `the period crosses halving ${h / HALVING_INTERVAL} at height ${h}, expected around ${formatIsoDate(dayOfTime(expectedTime))} at ${TARGET_SPACING} s blocks${realText}: the block subsidy drops from ${btc(blockSubsidySats(h - 1))} to ${btc(blockSubsidySats(h))} (${btc(blockSubsidySats(c.startHeight))} at the start height ${c.startHeight})`;
    out.info(["chain", "startHeight"], m);
  }
}
