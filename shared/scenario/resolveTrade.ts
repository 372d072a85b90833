/** Resolving the trade layer's data: hubs, freight modes, countries' rules and random hazards. */
import { parseIsoDate } from "../math/calendar.ts";
import { usdToCents } from "../math/money.ts";
import type { LogisticsCatalog, ScenarioFile } from "./schema.ts";
import type { ScenarioProblem } from "./resolve.ts";
import { TEMPLATES, templateById } from "../engine/shocks/templates.ts";
import { resolveTradeRules } from "./tradeSpec.ts";
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
    trade: resolveTradeRules(logistics.trade),
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

/**
 * Scheduled shocks and hazards must name a template, targets of its kind and parameters it accepts:
 * checked here with the engine's own templates, so a scenario cannot ask for what the engine cannot do.
 */
export function checkShocks(raw: ScenarioFile, hubs: Hub[], regions: string[]): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const check = (
    path: (string | number)[],
    template: string,
    targets: string[],
    params: Record<string, number | string>,
    allowEmpty: boolean,
  ) => {
    const t = templateById(template);
    if (!t) {
      problems.push({
        path: [...path, "template"],
        message: `no shock template "${template}"; expected one of ${TEMPLATES.map((x) => x.id).join(", ")}`,
      });
      return;
    }
    if (!allowEmpty && targets.length === 0)
      problems.push({ path: [...path, "regions"], message: "name at least one target" });
    targets.forEach((target, i) => {
      const ok =
        t.target === "region"
          ? regions.includes(target)
          : t.target === "factory"
            ? target === "world" || hubs.some((h) => h.kind === "factory" && h.id === target)
            : t.target === "country"
              ? /^[A-Z]{2}$/.test(target)
              : target === "world";
      if (!ok)
        problems.push({
          path: [...path, allowEmpty ? "targets" : "regions", i],
          message: `"${target}" is not a ${t.target} the ${template} template can hit`,
        });
    });
    const parsed = t.params.safeParse(params);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push({
        path: [...path, "params", ...(issue?.path ?? []).map(String)],
        message: `${template}: ${issue?.message ?? "invalid parameters"}`,
      });
    }
  };
  raw.events.forEach((e, i) => {
    if (e.type === "shock") check(["events", i], e.template, e.regions, e.params, false);
  });
  raw.hazards.forEach((h, i) => check(["hazards", i], h.template, h.targets, h.params, true));
  return problems;
}

export function resolveHazards(raw: ScenarioFile): Hazard[] {
  return raw.hazards.map((h) => ({
    template: h.template,
    perYear: h.perYear,
    targets: h.targets,
    params: h.params,
  }));
}
