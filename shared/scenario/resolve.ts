/**
 * From a validated scenario file, the region catalog and the shipped data to the engine's Scenario:
 * people's units become integers, series are laid out one value per game day.
 */
import { resolveUsedMarkets } from "./usedMarketSpec.ts";
import { resolveBreakeven, resolvePowerSteps } from "./powerScheduleSpec.ts";
import { parseIsoDate, parseIsoTimestamp, type EpochDay } from "../math/calendar.ts";
import { btcToSats, usdToCents } from "../math/money.ts";
import type { Datasets } from "./datasets.ts";
import type { LogisticsCatalog, RegionCatalog, RegionCatalogEntry, ScenarioFile } from "./schema.ts";
import {
  checkShocks,
  resolveCountries,
  resolveHazards,
  resolveHubs,
  resolveLogistics,
} from "./resolveTrade.ts";
import type { RegionSpec, Scenario, ScenarioEvent } from "./types.ts";
import { resolveFactoryQueue } from "./factorySpec.ts";
import { resolveFinance } from "./financeSpec.ts";
import { resolveHosting } from "./hostingSpec.ts";
import { resolveSupply } from "./supplySpec.ts";
import { withRevenueLeadIn } from "./supplyLeadIn.ts";
import { resolveCapacityGrowthSteps } from "./capacityGrowthSpec.ts";
import { withOrderBook } from "../engine/worldSupply.ts";
import { DEFAULT_PRICE_MEMORY_DAYS } from "./machinePriceSpec.ts";
import { resolveSeasonalMigration } from "./seasonalSpec.ts";
import { resolveBuildOut } from "./buildOutSpec.ts";
import { resolveHostingSteps } from "./hostingStepsSpec.ts";
import { BLOCKS_PER_DAY } from "../bitcoin/constants.ts";

/** A problem found while resolving or linting: where (a path in the file) and what. */
/** Days in a month on average (365.25 / 12), for parameters given in months. */
const DAYS_PER_MONTH = 30.44;

export interface ScenarioProblem {
  path: (string | number)[];
  message: string;
}

export class ScenarioError extends Error {
  constructor(
    readonly file: string,
    readonly problems: ScenarioProblem[],
  ) {
    super(problems.map((p) => `${file}: ${p.path.join(".") || "(top)"}: ${p.message}`).join("\n"));
    this.name = "ScenarioError";
  }
}

const toMicro = (usdPerKwh: number) => Math.round(usdPerKwh * 1e6);
const twelve = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : Array.from({ length: 12 }, () => v));

/** Values of a daily series for each game day; missing days are reported, not invented. */
function daily(
  series: Map<EpochDay, number>,
  start: EpochDay,
  days: number,
  path: (string | number)[],
  problems: ScenarioProblem[],
): number[] {
  const out: number[] = [];
  for (let i = 0; i < days; i++) {
    const v = series.get(start + i);
    if (v === undefined) {
      problems.push({ path, message: `the shipped data has no value for day ${i} of the scenario` });
      return out;
    }
    out.push(v);
  }
  return out;
}

function resolvePrice(
  price: ScenarioFile["price"],
  data: Datasets,
  startDay: EpochDay,
  days: number,
  problems: ScenarioProblem[],
): Scenario["price"] {
  switch (price.model) {
    case "historical":
      return {
        kind: "historical",
        dailyCents: daily(data.priceUsd, startDay, days, ["price"], problems).map(usdToCents),
        noiseBps: Math.round(price.noisePct * 100),
      };
    case "points":
      // Dated prices become a daily series like a historical one: the engine knows one kind.
      return {
        kind: "historical",
        dailyCents: interpolate(price.points, startDay, days, problems).map(usdToCents),
        noiseBps: Math.round(price.noisePct * 100),
      };
    case "stochastic":
      return {
        kind: "stochastic",
        startCents: usdToCents(price.startUsd),
        driftAnnualBps: Math.round(price.driftPctPerYear * 100),
        volatilityAnnualBps: Math.round(price.volatilityPctPerYear * 100),
      };
  }
}

/** Linear interpolation of dated points over each game day; the points must cover the period. */
function interpolate(
  points: { date: string; usd: number }[],
  startDay: EpochDay,
  days: number,
  problems: ScenarioProblem[],
): number[] {
  const xs = points.map((p) => ({ day: parseIsoDate(p.date), usd: p.usd })).sort((a, b) => a.day - b.day);
  const first = xs[0];
  const last = xs[xs.length - 1];
  if (!first || !last || first.day > startDay || last.day < startDay + days - 1) {
    problems.push({
      path: ["price", "points"],
      message:
        "the points must cover the whole period (first on or before its start, last on or after its end)",
    });
    return [];
  }
  const out: number[] = [];
  let k = 0;
  for (let d = startDay; d < startDay + days; d++) {
    while ((xs[k + 1] as { day: number }).day < d) k++;
    const a = xs[k] as { day: number; usd: number };
    const b = xs[k + 1] as { day: number; usd: number };
    out.push(b.day === a.day ? b.usd : a.usd + ((b.usd - a.usd) * (d - a.day)) / (b.day - a.day));
  }
  return out;
}

/** The world's supply with its order book's deliveries resolved (worldSupply.ts), once the price and fees are. */
function resolveOrderBook(scenario: Scenario): Scenario {
  const supply = scenario.world.supply;
  if (!supply) return scenario;
  return { ...scenario, world: { ...scenario.world, supply: withOrderBook(scenario, supply) } };
}

export function resolveScenario(
  file: string,
  raw: ScenarioFile,
  catalog: RegionCatalog,
  data: Datasets,
  logistics: LogisticsCatalog,
): Scenario {
  const problems: ScenarioProblem[] = [];
  // A window's pace is its world's: resolved only once node/scenarios.ts has read the world (window.ts).
  if (raw.world.windowOf !== undefined)
    problems.push({
      path: ["world", "windowOf"],
      message: `a window of ${raw.world.windowOf} is resolved with its world's rules: read it with node/scenarios.ts`,
    });
  const startDay = parseIsoDate(raw.period.start);
  const endDay = parseIsoDate(raw.period.end);
  const days = endDay - startDay + 1;
  if (days < 1)
    problems.push({ path: ["period", "end"], message: "the period must end on or after its start" });

  const price = resolvePrice(raw.price, data, startDay, days, problems);
  const fees: Scenario["fees"] =
    raw.fees.model === "historical"
      ? {
          kind: "historical",
          // Daily totals spread over the 144 blocks a day the protocol aims at.
          dailySatsPerBlock: daily(data.feesBtc, startDay, days, ["fees"], problems).map((btc) =>
            btcToSats(btc / BLOCKS_PER_DAY),
          ),
        }
      : {
          kind: "model",
          meanSatsPerBlock: btcToSats(raw.fees.meanBtcPerBlock),
          volatilityBps: Math.round(raw.fees.volatilityPct * 100),
        };

  const byId = new Map<string, RegionCatalogEntry>(catalog.regions.map((r) => [r.id, r]));
  const regions: RegionSpec[] = [];
  raw.regions.forEach((r, i) => {
    const base = byId.get(r.id);
    if (!base) {
      problems.push({
        path: ["regions", i, "id"],
        message: `"${r.id}" is not in the region catalog (shared/world/regions.yaml)`,
      });
      return;
    }
    regions.push({
      id: r.id,
      name: base.name,
      country: base.country,
      countryName: base.countryName,
      lon: base.lon,
      lat: base.lat,
      powerPriceMonthly: twelve(r.powerUsdPerKwh ?? base.powerUsdPerKwh).map(toMicro),
      hostingCentsPerKwMonth: usdToCents(base.hostingUsdPerKwMonth),
      uptimeMonthlyBps: twelve(base.uptimePct).map((p) => Math.round(p * 100)),
      carbonGPerKwh: base.carbonGPerKwh,
      capacityKw: Math.round(r.capacityMw * 1000),
      capacityGrowthKwPerDay: (r.capacityGrowthMwPerYear * 1000) / 365,
      ...resolveCapacityGrowthSteps(r.capacityGrowthSteps),
      rowSharePpm: Math.round(r.sharePct * 10_000),
      policy: r.policy,
      attractiveness: r.attractiveness,
      landmass: base.landmass,
      portKm: base.portKm,
      renewable: base.renewable
        ? {
            premiumBps: Math.round(base.renewable.premiumPct * 100),
            carbonGPerKwh: base.renewable.carbonGPerKwh,
          }
        : null,
      powerSteps: resolvePowerSteps(r.powerSteps ?? base.powerSteps),
      hostingSteps: resolveHostingSteps(r.hostingSteps ?? base.hostingSteps),
    });
  });

  const asics =
    raw.asics.include === "all"
      ? data.asics
      : data.asics.filter((m) => (raw.asics.include as string[]).includes(m.id));
  if (raw.asics.include !== "all") {
    raw.asics.include.forEach((idWanted, i) => {
      if (!data.asics.some((m) => m.id === idWanted)) {
        problems.push({
          path: ["asics", "include", i],
          message: `"${idWanted}" is not in shared/data/asics.csv`,
        });
      }
    });
  }

  const events: ScenarioEvent[] = raw.events.map((e) => {
    // Shock headlines may be left to the template (filled when the event applies).
    const headline = e.headline ?? { en: "", zh: "" };
    const common = { day: parseIsoDate(e.date), regions: e.regions, headline, source: e.source };
    switch (e.type) {
      case "ban":
        return {
          kind: "ban",
          ...common,
          rampDays: e.rampDays,
          graceDays: e.graceDays,
          complianceBps: Math.round(e.compliancePct * 100),
          idleBps: Math.round(e.idlePct * 100),
          emigrateBps: Math.round(e.emigratePct * 100),
          // A ban on part of a region only when written so, so other scenarios resolve as before.
          ...(e.regionSharePct < 100 ? { regionShareBps: Math.round(e.regionSharePct * 100) } : {}),
          // Covert mining (covert.ts): only when the ban has it, so other scenarios resolve as before.
          ...(e.covertPct === undefined
            ? {}
            : {
                covertBps: Math.round(e.covertPct * 100),
                covertReturnDays: e.covertReturnDays ?? 0,
                covertRestartDays: e.covertRestartDays ?? 1,
              }),
        };
      case "unban":
        return { kind: "unban", ...common };
      case "powerPrice":
        return { kind: "powerPrice", ...common, multiplierBps: Math.round((100 + e.changePct) * 100) };
      case "capacity":
        return { kind: "capacity", ...common, deltaKw: Math.round(e.deltaMw * 1000) };
      case "shock":
        return {
          kind: "shock",
          day: parseIsoDate(e.date),
          template: e.template,
          regions: e.regions,
          params: e.params,
          headline,
          source: e.source,
        };
    }
  });
  // Stable sort by day: events on the same day keep the file's order.
  events.sort((a, b) => a.day - b.day);

  const hubs = resolveHubs(logistics);
  problems.push(
    ...checkShocks(
      raw,
      hubs,
      raw.regions.map((r) => r.id),
    ),
  );
  const epochStartTime = parseIsoTimestamp(raw.chain.epochStartTime);
  const supply =
    raw.world.supply &&
    withRevenueLeadIn(resolveSupply(raw.world.supply, data.epochs, raw.chain.startHeight, endDay), data, {
      day: startDay,
      height: raw.chain.startHeight,
    });
  if (problems.length > 0) throw new ScenarioError(file, problems);
  return resolveOrderBook({
    id: raw.id,
    name: raw.name,
    description: raw.description,
    startDay,
    days,
    chain: {
      startHeight: raw.chain.startHeight,
      bits: Number.parseInt(raw.chain.bits, 16),
      epochStartTime,
      tipTime: epochStartTime,
    },
    price,
    fees,
    poolFeeBps: Math.round(raw.pool.feePct * 100),
    company: {
      startingCashCents: usdToCents(raw.company.startingCashUsd),
      maxCompanies: raw.company.maxCompanies,
      startingFleet: (raw.company.startingFleet ?? []).map((l) => ({ ...l })),
    },
    factory: {
      leadDays: raw.factory.leadDays,
      paybackDays: raw.factory.paybackDays,
      efficiencyExponent: raw.factory.efficiencyExponent,
      floorCentsPerTh: usdToCents(raw.factory.floorUsdPerTh),
      productionDays:
        raw.factory.productionMonths === undefined
          ? null
          : Math.round(raw.factory.productionMonths * DAYS_PER_MONTH),
      memoryDays: raw.factory.memoryDays ?? DEFAULT_PRICE_MEMORY_DAYS,
    },
    usedMarket: {
      spreadBps: Math.round(raw.usedMarket.spreadPct * 100),
      horizonDays: raw.usedMarket.horizonDays,
      referencePowerPrice: toMicro(raw.usedMarket.referencePowerUsdPerKwh),
      scrapCentsPerTh: usdToCents(raw.usedMarket.scrapUsdPerTh),
      depthThs: raw.usedMarket.depthTh,
      beyondDepthBps: Math.round(raw.usedMarket.beyondDepthPct * 100),
    },
    world: {
      initialHashrateThs: raw.world.initialHashrateEhs * 1e6,
      fleet: raw.world.fleet.map((t) => ({ jPerTh: t.jPerTh, sharePpm: Math.round(t.sharePct * 10_000) })),
      deployments: raw.world.deployments.map((d) => ({
        day: parseIsoDate(d.date),
        thPerDay: (d.ehsPerMonth * 1e6) / 30,
      })),
      migrationDelayDays: raw.world.migrationDelayDays,
      responseDays: raw.world.responseDays,
      playerReserveBps: Math.round(raw.world.playerReservePct * 100),
      // Added only when the file has them, so that scenarios without them hash as before.
      ...(supply ? { supply } : {}),
      ...(raw.world.calibrationYears ? { calibrationYears: raw.world.calibrationYears } : {}),
    },
    asics,
    regions,
    hubs,
    logistics: resolveLogistics(logistics),
    countries: resolveCountries(raw),
    hazards: resolveHazards(raw),
    events,
    sources: raw.sources,
    factoryQueue: resolveFactoryQueue(raw.factoryQueue),
    usedMarkets: resolveUsedMarkets(raw.usedMarkets),
    finance: resolveFinance(raw.finance),
    hosting: resolveHosting(raw.hosting),
    breakeven: resolveBreakeven(raw.breakeven),
    // Only with the block, so scenarios without it resolve (and hash) as before.
    ...(raw.seasonalMigration ? { seasonalMigration: resolveSeasonalMigration(raw.seasonalMigration) } : {}),
    ...(raw.buildOut ? { buildOut: resolveBuildOut(raw.buildOut) } : {}),
  });
}
