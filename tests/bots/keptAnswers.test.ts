/**
 * Two of the bots' shortcuts (issue #14 §3 speed) answer as the long way would: a lease the bots skip
 * as surely refused for its power supply (hostingQueue.ts leasePowerRefused) is one the engine refuses,
 * and one it lets through is not refused for that reason; a seat's kept profile (seatProfiles.ts) is the
 * profile drawn afresh, drawn again when the game's seed or the level differs.
 */
import { describe, expect, it } from "vitest";
import { BotCaches } from "../../shared/bots/caches.ts";
import { makeCtx } from "../../shared/bots/common.ts";
import { EFFICIENCY } from "../../shared/bots/efficiency.ts";
import { leasePowerRefused } from "../../shared/bots/hostingQueue.ts";
import { seatProfile } from "../../shared/bots/levels.ts";
import { seatProfileOf } from "../../shared/bots/seatProfiles.ts";
import { worldOf } from "../../shared/bots/world.ts";
import { applyCommand, validate } from "../../shared/engine/commands/index.ts";
import type { Company } from "../../shared/engine/state.ts";
import { newGame, player } from "../helpers/game.ts";

/** The engine's two refusals for a lease's power supply (LEASE_POWER_DIFFERS, NO_RENEWABLE), by their words. */
const forPower = (error: { code: string; message: { en: string } } | null | undefined): boolean =>
  error?.code === "BAD_PARAMS" &&
  /runs on (renewable|grid) power; extend it the same way|offers no renewable option/.test(error.message.en);

describe("a lease refused for its power supply", () => {
  it("is skipped exactly where the engine refuses it for that", () => {
    const g = newGame("sandbox", 5, 1);
    const specs = g.scenario.regions;
    const green = specs.findIndex(
      (s) => s.renewable !== null && g.world.regions[specs.indexOf(s)]?.policy !== "banned",
    );
    const grey = specs.findIndex(
      (s) => s.renewable === null && g.world.regions[specs.indexOf(s)]?.policy !== "banned",
    );
    expect(green).toBeGreaterThanOrEqual(0);
    expect(grey).toBeGreaterThanOrEqual(0);
    // A renewable lease where there is one: the same region on the grid is then refused.
    const leased = applyCommand(g, player(1), {
      type: "leaseCapacity",
      region: specs[green]!.id,
      kw: 10,
      renewable: true,
    });
    expect(leased.ok).toBe(true);
    const company = g.companies[0] as Company;
    const bots = new BotCaches();
    const ctx = makeCtx(worldOf(g, bots), company, EFFICIENCY, false);
    let refused = 0;
    for (const r of [green, grey]) {
      for (const renewable of [false, true]) {
        const spec = specs[r]!;
        const cmd = {
          type: "leaseCapacity" as const,
          region: spec.id,
          kw: 10,
          ...(renewable ? { renewable } : {}),
        };
        const error = validate(g, player(1), cmd);
        const skipped = leasePowerRefused(ctx, spec, renewable);
        if (skipped) {
          refused++;
          expect(forPower(error), `${spec.id} renewable=${renewable}: ${error?.message.en}`).toBe(true);
        } else expect(forPower(error), `${spec.id} renewable=${renewable}: ${error?.message.en}`).toBe(false);
      }
    }
    // The grid lease beside the renewable one, and renewable power where there is none.
    expect(refused).toBe(2);
  });
});

describe("a seat's kept profile", () => {
  it("is the profile drawn afresh, kept per seat, and drawn again for another seed or level", () => {
    const bots = new BotCaches();
    const first = seatProfileOf(bots, EFFICIENCY, "normal", 7, "p1");
    expect(first).toEqual(seatProfile(EFFICIENCY, "normal", 7, "p1"));
    expect(seatProfileOf(bots, EFFICIENCY, "normal", 7, "p1")).toBe(first);
    expect(seatProfileOf(bots, EFFICIENCY, "normal", 8, "p1")).toEqual(
      seatProfile(EFFICIENCY, "normal", 8, "p1"),
    );
    expect(seatProfileOf(bots, EFFICIENCY, "hard", 8, "p1")).toEqual(
      seatProfile(EFFICIENCY, "hard", 8, "p1"),
    );
    expect(seatProfileOf(bots, EFFICIENCY, "hard", 8, "p2")).toEqual(
      seatProfile(EFFICIENCY, "hard", 8, "p2"),
    );
    expect(seatProfileOf(bots, EFFICIENCY, "hard", 8, "p2")).not.toEqual(first);
    // Another strategy profile (a copy, as a tuned strategy would hand in) is drawn again, not the kept one.
    const again = seatProfileOf(bots, { ...EFFICIENCY }, "normal", 7, "p1");
    expect(again).not.toBe(seatProfileOf(bots, EFFICIENCY, "normal", 7, "p1"));
    expect(again).toEqual(first);
  });
});
