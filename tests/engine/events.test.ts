/**
 * Scheduled events written out in scenario files (as opposed to shock templates): each kind changes the
 * world on its day, and tells everyone with its headline.
 */
import { describe, expect, it } from "vitest";
import { applyEvent } from "../../shared/engine/events.ts";
import { step } from "../../shared/index.ts";
import type { ScenarioEvent } from "../../shared/scenario/types.ts";
import { newGame } from "../helpers/game.ts";
import { EngineCaches } from "../../shared/engine/caches.ts";

/** The engine's caches for the look-ups and quotes these tests make outside commands and steps. */
const caches = new EngineCaches();

const headline = { en: "Test headline", zh: "测试标题" };

describe("scenario events", () => {
  it("powerPrice multiplies a region's price; capacity adds kW", () => {
    const g = newGame("halving-2020", 1, 0);
    const texas = g.world.regions.find((r) => r.id === "us-texas")!;
    const kw = texas.capacityKw;
    applyEvent(
      g,
      {
        kind: "powerPrice",
        day: g.day,
        regions: ["us-texas"],
        multiplierBps: 12_500,
        headline,
        source: "t",
      },
      caches,
    );
    expect(texas.powerMultiplierBps).toBe(12_500);
    applyEvent(
      g,
      {
        kind: "capacity",
        day: g.day,
        regions: ["us-texas"],
        deltaKw: 50_000,
        headline,
        source: "t",
      },
      caches,
    );
    expect(texas.capacityKw).toBe(kw + 50_000);
    applyEvent(
      g,
      {
        kind: "capacity",
        day: g.day,
        regions: ["us-texas"],
        deltaKw: -1_000_000_000,
        headline,
        source: "t",
      },
      caches,
    );
    expect(texas.capacityKw).toBe(0); // never below zero
  });

  it("a ban idles the obeying share and unban brings idle machines back", () => {
    const g = newGame("halving-2020", 1, 0);
    const iran = g.world.regions.find((r) => r.id === "ir-iran")!;
    const installed = iran.rowTiers.reduce((s, t) => s + t.installedThs, 0);
    const ban: ScenarioEvent = {
      kind: "ban",
      day: g.day,
      regions: ["ir-iran"],
      rampDays: 2,
      graceDays: 0,
      complianceBps: 5_000,
      idleBps: 10_000,
      emigrateBps: 0,
      headline,
      source: "t",
    };
    applyEvent(g, ban, caches);
    step(g);
    step(g);
    const idle = iran.idleTiers.reduce((s, t) => s + t.installedThs, 0);
    expect(idle / installed).toBeCloseTo(0.5, 6);
    applyEvent(g, { kind: "unban", day: g.day, regions: ["ir-iran"], headline, source: "t" }, caches);
    expect(iran.idleTiers).toEqual([]);
    expect(iran.rowTiers.reduce((s, t) => s + t.installedThs, 0)).toBeCloseTo(installed, 3);
  });

  it("a ban on part of a region switches off that part's obeying share and leaves the region open", () => {
    const g = newGame("halving-2020", 1, 0);
    const north = g.world.regions.find((r) => r.id === "cn-north")!;
    const installed = north.rowTiers.reduce((s, t) => s + t.installedThs, 0);
    const capacityKw = north.capacityKw;
    const ban: ScenarioEvent = {
      kind: "ban",
      day: g.day,
      regions: ["cn-north"],
      rampDays: 2,
      graceDays: 0,
      complianceBps: 5_000,
      idleBps: 10_000,
      emigrateBps: 0,
      regionShareBps: 2_000,
      headline,
      source: "t",
    };
    applyEvent(g, ban, caches);
    // Open: players' lots there still run (economics.ts) and the world still places machines there,
    // though the obeying tenth's racks are gone.
    expect(north.policy).toBe("allowed");
    expect(north.capacityKw).toBe(Math.round(capacityKw * 0.9));
    step(g);
    step(g);
    const idle = north.idleTiers.reduce((s, t) => s + t.installedThs, 0);
    // Half of a fifth of the fleet obeys (a whole-region ban at the same compliance would idle half).
    expect(idle / installed).toBeCloseTo(0.1, 6);
    expect(north.policy).toBe("allowed");
  });

  it("the decade and halving-2020 close Inner Mongolia as part of cn-north in 2021", () => {
    for (const id of ["halving-2020", "history-2016-2026"]) {
      const g = newGame(id, 1, 0);
      const im = g.scenario.events.find((e) => e.kind === "ban" && e.regionShareBps !== undefined);
      expect(im && im.kind === "ban" && [im.regionShareBps, im.complianceBps, im.regions]).toEqual([
        2_100,
        9_400,
        ["cn-north"],
      ]);
    }
  });

  it("scheduled events reach everyone as news with their headline", () => {
    const g = newGame("exodus-2021", 1, 0);
    const ban = g.scenario.events.find((e) => e.kind === "ban");
    if (!ban) throw new Error("exodus-2021 schedules bans");
    let news: string[] = [];
    while (g.day <= ban.day) {
      news = step(g)
        .notices.filter((n) => n.company === null)
        .map((n) => n.text.zh);
    }
    expect(news).toContain(ban.headline.zh);
  });
});
