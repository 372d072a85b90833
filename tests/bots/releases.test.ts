/**
 * Leases given back (shared/bots/pipeline.ts releaseLeases): a bot keeps a few spare kW for the next lot
 * rather than hand back what one broken machine freed each week; a lease it no longer needs at all it
 * gives back whole.
 */
import { describe, expect, it } from "vitest";
import { runBots } from "./run.ts";

describe("bots giving back leased kW, halving-2020", () => {
  const releases: { kw: number; leaseKw: number }[] = [];
  const run = runBots("halving-2020", 1, ["efficiency", "cheap-power", "cautious", "trader"], {
    onCommand: (state, companyId, command) => {
      if (command.type !== "releaseCapacity") return;
      const company = state.companies.find((c) => c.id === companyId);
      const lease = company?.leases.find((l) => l.region === command.region);
      releases.push({ kw: command.kw, leaseKw: lease?.kw ?? 0 });
    },
  });

  it("give back a twentieth of a lease or more, or all of it, never a few kW at a time", () => {
    expect(run.rejections.filter((r) => r.type === "releaseCapacity")).toEqual([]);
    for (const r of releases) expect(r.kw >= r.leaseKw * 0.05 || r.kw === r.leaseKw).toBe(true);
  });

  it("give back few times in a game: 15 months, four companies", () => {
    // Before the rule, efficiency alone gave back spare kW about 240 times in this game.
    expect(releases.length).toBeLessThan(40);
  });
});
