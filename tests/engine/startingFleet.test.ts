/**
 * A scenario may open with every company already mining (company.startingFleet): exodus-2021 starts with
 * farms in Sichuan and the north of China. The machines are given, installed and hosted; nothing is paid
 * and the used market does not move; doing nothing then leaves them to the ban.
 */
import { describe, expect, it } from "vitest";
import { createGame, step, equityCents, EngineCaches } from "../../shared/index.ts";
import { lotKw, modelOf } from "../../shared/engine/fleet.ts";
import { lintScenario } from "../../shared/scenario/lint.ts";
import { loadDatasets, loadRegionCatalog, readScenarioFile } from "../../node/scenarios.ts";
import { newGame, scenario, seats, stepUntil } from "../helpers/game.ts";

describe("a starting fleet", () => {
  const s = scenario("exodus-2021");

  it("gives each company its lots installed, powered and leased, without charging cash", () => {
    expect(s.company.startingFleet.length).toBeGreaterThan(0);
    const g = createGame(s, 4, seats(3));
    const caches = new EngineCaches();
    for (const c of g.companies) {
      expect(c.cashCents).toBe(s.company.startingCashCents);
      const lots = g.lots.filter((l) => l.owner === c.id);
      expect(lots.map((l) => [l.model, l.quantity, l.location])).toEqual(
        s.company.startingFleet.map((f) => [f.model, f.quantity, { kind: "region", region: f.region }]),
      );
      for (const lot of lots) {
        expect(lot.status).toBe("installed");
        expect(lot.powered).toBe(true);
        const lease = c.leases.find((l) => l.region === (lot.location as { region: string }).region);
        expect(lease?.kw).toBeCloseTo(lotKw(modelOf(g, lot.model, caches)!, lot.quantity), 6);
      }
      // The machines count in the score from day 0.
      expect(equityCents(g, c, caches)).toBeGreaterThan(c.cashCents);
    }
  });

  it("is the same game for the same seed, and absent where a scenario gives none", () => {
    const a = createGame(s, 9, seats(2));
    const b = createGame(s, 9, seats(2));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(newGame("halving-2020", 1, 2).lots).toEqual([]);
  });

  it("mines until the ban, then a company that does nothing earns nothing there", () => {
    const g = newGame("exodus-2021", 2, 1);
    const mined = () => g.companies[0]!.minedSats;
    stepUntil(g, "2021-05-20");
    expect(mined()).toBeGreaterThan(0);
    stepUntil(g, "2021-07-15");
    const after = mined();
    for (let d = 0; d < 30; d++) step(g);
    expect(mined()).toBe(after);
  });

  it("is checked by the linter: unknown models, regions and machines older than their model", () => {
    const raw = readScenarioFile("shared/scenarios/exodus-2021.yaml");
    const bad = {
      ...raw,
      company: {
        ...raw.company,
        startingFleet: [
          { model: "s99", quantity: 1, region: "cn-north", ageDays: 0 },
          { model: "s19-pro", quantity: 1, region: "atlantis", ageDays: 0 },
          { model: "s19-pro", quantity: 1, region: "cn-north", ageDays: 3000 },
        ],
      },
    };
    const problems = lintScenario(bad, loadRegionCatalog(), loadDatasets()).filter(
      (p) => p.severity === "error",
    );
    const at = problems.map((p) => p.path.join("."));
    expect(at).toContain("company.startingFleet.0.model");
    expect(at).toContain("company.startingFleet.1.region");
    expect(at).toContain("company.startingFleet.2.ageDays");
  });
});
