/**
 * Milestone news (shared/view/milestones.ts) from real scenario runs: halving-2020 gets its halving on
 * the day the chain reaches block 630,000 (in May 2020, as in history), the March 2020 crash, large
 * retargets and hashrate records; the same game gives the same news; and the HUD's countdown math.
 */
import { describe, expect, it } from "vitest";
import { step, type StepReport } from "../../shared/index.ts";
import { formatIsoDate } from "../../shared/math/calendar.ts";
import type { Notice } from "../../shared/engine/tradeState.ts";
import { emptyMilestones, milestoneNews } from "../../shared/view/milestones.ts";
import { countdown } from "../../shared/view/countdown.ts";
import { newGame } from "../helpers/game.ts";

function run(id: string, seed = 1): { news: Notice[]; halvingDay: number | null } {
  const state = newGame(id, seed, 2);
  let memory = emptyMilestones();
  const news: Notice[] = [];
  let halvingDay: number | null = null;
  while (!state.finished) {
    const report: StepReport = step(state);
    if (report.halvings.length) halvingDay = report.day;
    const day = milestoneNews(memory, report, state.market.priceCents);
    memory = day.memory;
    news.push(...day.notices);
  }
  return { news, halvingDay };
}

describe("milestone news", () => {
  const game = run("halving-2020");
  const of = (kind: string) => game.news.filter((n) => n.kind === kind);

  it("halving-2020 has its halving on the day the chain halves, in May 2020, in both languages", () => {
    const halvings = of("milestone-halving");
    expect(halvings).toHaveLength(1);
    expect(halvings[0]!.day).toBe(game.halvingDay);
    expect(formatIsoDate(halvings[0]!.day)).toMatch(/^2020-05-/);
    expect(halvings[0]!.text.en).toContain("630,000");
    expect(halvings[0]!.text.en).toContain("6.25 BTC");
    expect(halvings[0]!.text.zh).toContain("减半");
    expect(halvings[0]!.company).toBeNull();
  });

  it("the March 2020 crash is news, once", () => {
    const crashes = of("milestone-crash").map((n) => formatIsoDate(n.day));
    expect(crashes.filter((d) => d.startsWith("2020-03"))).toHaveLength(1);
    expect(of("milestone-crash")[0]!.text.zh).toContain("暴跌");
  });

  it("large retargets and hashrate records are news, not every day", () => {
    expect(of("milestone-retarget").length).toBeGreaterThan(0);
    expect(of("milestone-retarget").length).toBeLessThan(30);
    expect(of("milestone-hashrate").length).toBeGreaterThan(0);
    expect(of("milestone-hashrate").length).toBeLessThan(10);
    const levels = of("milestone-hashrate").map((n) => Number(/passes (\d+) EH/.exec(n.text.en)?.[1]));
    expect(levels).toEqual([...levels].sort((a, b) => a - b)); // each level once, rising
  });

  it("the same game gives the same news", () => {
    expect(run("halving-2020").news).toEqual(game.news);
  });
});

describe("HUD countdowns", () => {
  it("count blocks and days at ten minutes a block", () => {
    expect(countdown(629_856, 630_000, 0)).toEqual({ blocks: 144, days: 1 });
    expect(countdown(610_848, 612_864, 0)).toEqual({ blocks: 2016, days: 14 });
  });
  it("take the pace blocks come now: faster blocks, fewer days", () => {
    expect(countdown(0, 2016, 100).days).toBe(7);
    expect(countdown(0, 2016, -50).days).toBe(28);
  });
  it("never go below zero", () => {
    expect(countdown(700, 600, 0)).toEqual({ blocks: 0, days: 0 });
  });
});
