/** Resolving the trade layer's data: hubs, freight modes, countries' rules and random hazards. */
import { parseIsoDate } from "../math/calendar.ts";
import { usdToCents } from "../math/money.ts";
import type { LogisticsCatalog, ScenarioFile } from "./schema.ts";
import type { CountryPolicy, Hazard, Hub, LogisticsSpec, ModeSpec, ShippingMode } from "./types.ts";

const bps = (pct: number) => Math.round(pct * 100);

export function resolveHubs(logistics: LogisticsCatalog): Hub[] {
  return logistics.hubs.map((h) => ({
    id: h.id,
    kind: h.kind,
    name: h.name,
    country: h.country,
    lon: h.lon,
    lat: h.lat,
    landmass: h.landmass,
    opensDay: h.opens ? parseIsoDate(h.opens) : 0,
  }));
}

export function resolveLogistics(logistics: LogisticsCatalog): LogisticsSpec {
  const mode = (m: LogisticsCatalog["modes"][ShippingMode]): ModeSpec => ({
    fixedDays: m.fixedDays,
    kmPerDay: m.kmPerDay,
    baseCentsPerKg: m.baseUsdPerKg * 100,
    centsPerKgPer1000Km: m.usdPerKgPer1000Km * 100,
    lossBps: bps(m.lossPct),
    damageBps: bps(m.damagePct),
    maxKm: m.maxKm,
  });
  return {
    modes: {
      air: mode(logistics.modes.air),
      sea: mode(logistics.modes.sea),
      rail: mode(logistics.modes.rail),
      truck: mode(logistics.modes.truck),
    },
    insuranceBps: bps(logistics.insurancePct),
    storageCentsPerUnitDay: usdToCents(logistics.storageUsdPerUnitDay),
    customsDays: logistics.customsDays,
    railCountries: logistics.railCountries,
  };
}

export function resolveCountries(raw: ScenarioFile): CountryPolicy[] {
  return raw.countries.map((c) => ({
    country: c.country,
    tariffBps: Object.fromEntries(Object.entries(c.tariffPct).map(([origin, pct]) => [origin, bps(pct)])),
    vatBps: bps(c.vatPct),
    licenceMeanDays: c.licenceMeanDays,
    carbonTaxCentsPerTonne: usdToCents(c.carbonTaxUsdPerTonne),
  }));
}

export function resolveHazards(raw: ScenarioFile): Hazard[] {
  return raw.hazards.map((h) => ({
    template: h.template,
    perYear: h.perYear,
    targets: h.targets,
    params: h.params,
  }));
}
