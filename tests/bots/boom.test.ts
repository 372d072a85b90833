/**
 * How a hard bot acts on a boom (shared/bots/boom.ts, cycle.ts boomPathShare; issue #14 §1: a hard bot
 * beats an easy one in at least 80% of games). In exodus-2021 it spent its cash at the April 2021 peak,
 * kept BTC through 2022's fall and borrowed beside idle cash, and lost to the easy bot in most games.
 */
import { describe, expect, it } from "vitest";
import { EngineCaches } from "../../shared/engine/caches.ts";
import { step } from "../../shared/index.ts";
import { BotCaches } from "../../shared/bots/index.ts";
import { survey } from "../../shared/bots/buy.ts";
import { makeCtx, type Profile } from "../../shared/bots/common.ts";
import { worldOf } from "../../shared/bots/world.ts";
import { boomFloorShare, boomPathShare, fallingShare } from "../../shared/bots/cycle.ts";
import { boomSellRatioBps, pacedProfile } from "../../shared/bots/boom.ts";
import { seatProfile } from "../../shared/bots/levels.ts";
import { decide } from "../../shared/bots/index.ts";
import { EFFICIENCY } from "../../shared/bots/efficiency.ts";
import { newGame, stepUntil } from "../helpers/game.ts";
import { runBots } from "./run.ts";

/** One seat's profiles at two levels, as game 1 draws them: the bots below are read through them. */
const hard = seatProfile(EFFICIENCY, "hard", 1, "p1");
const normal = seatProfile(EFFICIENCY, "normal", 1, "p1");

describe("a hard bot in a falling market", () => {
  // tariffs-2025 in July 2024: the hashprice fell through the summer after the halving, no boom in sight;
  // machine prices follow it slowly.
  const falling = newGame("tariffs-2025", 1, 1);
  stepUntil(falling, "2024-07-04");
  const rising = newGame("exodus-2021", 1);
  stepUntil(rising, "2021-08-01");

  it("reads how far machine prices stand above what today's hashprice pays: 1 in a rising market", () => {
    const share = fallingShare(falling);
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.8);
    const m = falling.market;
    expect(share).toBeCloseTo(m.hashpriceMicroUsd / m.hashpriceMemoryMicroUsd, 12);
    expect(fallingShare(rising)).toBe(1);
    // Before the first mark there is no memory: nothing to read.
    expect(fallingShare(newGame("exodus-2021", 1))).toBe(1);
  });

  it("commits that share of its usual budget; a normal bot its usual budget", () => {
    const caches = new EngineCaches();
    expect(boomFloorShare(falling, caches)).toBe(1);
    expect(pacedProfile(hard, falling, caches).spendShare).toBeCloseTo(
      hard.spendShare * fallingShare(falling),
      9,
    );
    expect(pacedProfile(normal, falling, caches)).toBe(normal);
  });

  it("counts on that share of today's resale when it prices a machine; a normal bot on all of it", () => {
    const w = worldOf(falling, new BotCaches());
    const company = falling.companies[0];
    if (!company) throw new Error("no company");
    const outlook = (profile: Profile) => survey(makeCtx(w, company, profile, true)).resaleOutlook;
    // The same profile but for the boom reading: only the falling market's share differs.
    const reads = outlook({ ...normal, readsBoom: true });
    expect(reads).toBeCloseTo(outlook(normal) * fallingShare(falling), 9);
    expect(reads).toBeLessThan(outlook(normal));
  });
});

describe("a hard bot in a boom", () => {
  const boom = newGame("exodus-2021", 1);
  stepUntil(boom, "2021-08-01");
  const calm = newGame("halving-2020", 1);
  stepUntil(calm, "2020-07-01");

  it("prices a machine on the path back to normal: a short payback keeps more of the boom than a long one", () => {
    const caches = new EngineCaches();
    const floor = boomFloorShare(boom, caches);
    expect(floor).toBeLessThan(0.5);
    const quick = boomPathShare(boom, caches, 90);
    const slow = boomPathShare(boom, caches, 540);
    expect(quick).toBeGreaterThan(slow);
    expect(slow).toBeGreaterThan(floor);
    expect(quick).toBeLessThan(1);
    // Years ahead, the boom is all but gone.
    expect(boomPathShare(boom, caches, 20 * 365)).toBeLessThan(floor + 0.1);
    expect(boomPathShare(calm, new EngineCaches(), 540)).toBe(1);
  });

  it("commits the boom's floor share of its budget and sells all it mines; not in a calm market, nor at other levels", () => {
    const caches = new EngineCaches();
    const paced = pacedProfile(hard, boom, caches);
    expect(paced.spendShare).toBeCloseTo(hard.spendShare * boomFloorShare(boom, caches), 9);
    // At less than half the normal share of the hashprice (2021-08: about a third) it sells all it mines.
    expect(boomSellRatioBps(hard, boom, caches, 3000)).toBe(10_000);
    // The calm market of July 2020 still falls a little (fallingShare): its share, no boom's.
    expect(pacedProfile(hard, calm, new EngineCaches()).spendShare).toBeCloseTo(
      hard.spendShare * fallingShare(calm),
      9,
    );
    expect(boomSellRatioBps(hard, calm, new EngineCaches(), 3000)).toBe(3000);
    expect(pacedProfile(normal, boom, caches)).toBe(normal);
    expect(boomSellRatioBps(normal, boom, caches, 3000)).toBe(3000);
  });

  it("sells more of what it mines by quarters as the boom rises, without resetting its ratio day after day", () => {
    const game = newGame("exodus-2021", 1);
    const caches = new EngineCaches();
    const quarters = new Set([2000, 4000, 6000, 8000, 10_000]);
    const seen: number[] = [];
    while (!game.finished) {
      seen.push(boomSellRatioBps(hard, game, caches, 2000));
      step(game, caches);
    }
    expect(seen.every((bps) => quarters.has(bps))).toBe(true);
    expect(new Set(seen).size).toBeGreaterThan(2);
    const changes = seen.filter((bps, i) => i > 0 && bps !== seen[i - 1]).length;
    expect(changes).toBeLessThan(seen.length / 10);
  });

  it("borrows only while its cash is short of the loan: not on exodus-2021's first day, at any level", () => {
    // Before, a normal bot borrowed there beside its whole starting cash (finance.test.ts: they still
    // borrow when short).
    for (const strategy of ["efficiency", "cheap-power"]) {
      for (const name of [strategy, `hard:${strategy}`]) {
        const types = decide(newGame("exodus-2021", 1, 1), "p1", name).map((c) => c.type);
        expect(types).not.toContain("borrow");
        expect(types).toContain("buyUsed");
      }
    }
  });

  it("builds a site only while it has machines waiting for room", () => {
    const sites: number[] = [];
    runBots("exodus-2021", 1, ["hard:efficiency"], {
      onCommand: (state, company, cmd) => {
        if (cmd.type !== "buildSite") return;
        sites.push(state.tick);
        const waiting = state.lots.some(
          (l) =>
            l.owner === company &&
            (l.status === "onOrder" || l.status === "inTransit" || l.status === "stored"),
        );
        expect(waiting, `day ${state.tick}`).toBe(true);
      },
    });
    // It did build (the rule is not merely never building).
    expect(sites.length).toBeGreaterThan(0);
  });

  it("beats an easy bot of its strategy in exodus-2021 (before it read the boom it lost seeds 1 and 2 at both)", () => {
    for (const strategy of ["cautious", "trader"]) {
      for (const seed of [1, 2]) {
        const run = runBots("exodus-2021", seed, [`hard:${strategy}`, `easy:${strategy}`]);
        const [h, e] = run.companies;
        expect(h!.equityCents, `${strategy} seed ${seed}`).toBeGreaterThan(e!.equityCents);
      }
    }
  });
});
