/**
 * The estimate is the charge: for any site (grid or renewable power, any carbon-tax rate, curtailed or
 * not, several regions and days), what lotDay estimates for an installed lot today is what the next
 * step bills, entry by entry, to the cent; and the lease's preview quoted the power price it bills at. Bots, the fleet panel's profit column and the players'
 * decisions read the estimate; the ledger is the charge.
 */
import { stockUsed } from "../helpers/usedMarket.ts";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { applyCommand, step, type Command, type StepReport } from "../../shared/index.ts";
import { EngineCaches } from "../../shared/engine/caches.ts";
import { lotDay } from "../../shared/engine/economics.ts";
import type { GameState, LedgerKind } from "../../shared/engine/state.ts";
import { energyCostCents, roundHalfAway } from "../../shared/math/money.ts";
import { preview } from "../../shared/engine/preview.ts";
import type { PreviewQuote } from "../../shared/protocol/index.ts";
import { newGame, player, stepUntil } from "../helpers/game.ts";

/** Regions with room that a used machine can be bought into (allowed, not under a moratorium). */
const REGIONS = ["us-texas", "us-washington", "us-newyork", "us-southeast"];

let base: GameState;
beforeAll(() => {
  base = newGame("halving-2020", 11, 1);
  stepUntil(base, "2020-10-01");
});

interface Site {
  region: string;
  /** Multiples of 4 S19 Pros: 13 kW each, so a lease holds the lot exactly (hosting is per leased kW). */
  fours: number;
  renewable: boolean;
  taxCentsPerTonne: number;
  curtailed: boolean;
  creditCentsPerMwh: number;
  daysLater: number;
}

function ok(g: GameState, cmd: Command): void {
  const result = applyCommand(g, player(1), cmd);
  if (!result.ok) throw new Error(`${cmd.type}: ${result.error.message.en}`);
}

function sum(report: StepReport, kind: LedgerKind): number {
  const entries = report.ledgers.find((l) => l.company === "p1")?.entries ?? [];
  return entries.filter((e) => e.kind === kind).reduce((s, e) => s + e.cents, 0);
}

function siteToday(site: Site): { g: GameState; lotId: string; leaseQuote: PreviewQuote | undefined } {
  const g = structuredClone(base);
  for (let d = 0; d < site.daysLater; d++) step(g);
  const spec = g.scenario.regions.find((r) => r.id === site.region);
  g.countries = [
    {
      country: spec?.country ?? "US",
      tariffBps: {},
      vatBps: 0,
      licenceMeanDays: 0,
      carbonTaxCentsPerTonne: site.taxCentsPerTonne,
      congestionDays: 0,
    },
  ];
  stockUsed(g, site.region, "s19-pro", site.fours * 4);
  ok(g, { type: "buyUsed", model: "s19-pro", quantity: site.fours * 4, region: site.region });
  // A new-condition lot: the estimate is of one day, which a used unit's breakdown would cut short.
  delete (g.lots.at(-1) as { builtDay?: number }).builtDay;
  const lotId = g.lots.at(-1)?.id ?? "";
  // Renewable where the region offers it (asking elsewhere is refused, as it should be).
  const renewable = site.renewable && Boolean(spec?.renewable);
  const lease = { type: "leaseCapacity", region: site.region, kw: site.fours * 13, renewable } as const;
  const asked = preview(g, "p1", { kind: "command", command: lease });
  const leaseQuote = "reply" in asked ? asked.reply.quote : undefined;
  ok(g, lease);
  ok(g, { type: "installLot", lot: lotId, region: site.region });
  if (site.curtailed) {
    const region = g.world.regions.find((r) => r.id === site.region);
    if (region) {
      region.offlineUntil = g.day + 1;
      region.demandResponseCentsPerMwh = site.creditCentsPerMwh;
    }
  }
  return { g, lotId, leaseQuote };
}

const sites = fc.record({
  region: fc.constantFrom(...REGIONS),
  fours: fc.integer({ min: 1, max: 12 }),
  renewable: fc.boolean(),
  taxCentsPerTonne: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20_000 })),
  curtailed: fc.boolean(),
  creditCentsPerMwh: fc.integer({ min: 0, max: 20_000 }),
  daysLater: fc.integer({ min: 0, max: 40 }),
});

describe("a lot's estimated day", () => {
  it("is what the step charges: power, hosting, carbon tax and demand-response credit", () => {
    let renewableSeen = 0;
    fc.assert(
      fc.property(sites, (site) => {
        const { g, lotId, leaseQuote } = siteToday(site);
        const lot = g.lots.find((l) => l.id === lotId);
        if (!lot) throw new Error("no lot");
        const estimate = lotDay(g, lot, new EngineCaches());
        const report = step(g);
        expect(0 - sum(report, "power")).toBe(roundHalfAway(estimate.powerCents));
        expect(0 - sum(report, "hosting")).toBe(roundHalfAway(estimate.hostingCents));
        expect(0 - sum(report, "carbonTax")).toBe(roundHalfAway(estimate.carbonTaxCents));
        expect(sum(report, "demandResponse")).toBe(roundHalfAway(estimate.creditCents));
        if (site.curtailed) expect(estimate.powerCents).toBe(0);
        else expect(estimate.powerCents).toBeGreaterThan(0);
        // The lease's preview quoted the price the bill is worked out at (grid or renewable).
        const kwh = report.ledgers.find((l) => l.company === "p1")?.kwh ?? 0;
        const price = leaseQuote?.kind === "lease" ? leaseQuote.powerMicroUsdPerKwh : NaN;
        expect(0 - sum(report, "power")).toBe(kwh > 0 ? energyCostCents(kwh, price) : 0);
        if (g.companies[0]?.leases.some((l) => l.renewable)) renewableSeen++;
      }),
      { numRuns: 60, seed: 20_201_001 },
    );
    expect(renewableSeen).toBeGreaterThan(0); // the renewable premium was exercised, not skipped
  });
});
