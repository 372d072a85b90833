/**
 * Milestones a class should feel, as news: a halving, a retarget that is large or the largest of the
 * game so far, a price crash, the network's hashrate passing a new level. Derived in the view layer from
 * each day's report and the state after it, so the rules and the state hash are untouched; the memory
 * they need (recent prices, the largest retarget, the hashrate level reached) is plain data the room
 * keeps beside its news board. Pure and deterministic: the same game gives the same news.
 */
import { blockSubsidySats } from "../bitcoin/index.ts";
import type { StepReport } from "../engine/step.ts";
import type { Notice } from "../engine/tradeState.ts";

export interface MilestoneMemory {
  /** The last days' BTC prices, cents, oldest first (PRICE_WINDOW of them). */
  prices: number[];
  /** The day of the last crash item (one a fortnight at most). */
  crashDay: number;
  /** The largest retarget so far, |change| in ppm. */
  largestPpm: number;
  /** Network hashrate level passed, in HASH_STEP_EHS steps (-1: not yet measured). */
  hashLevel: number;
}

export const emptyMilestones = (): MilestoneMemory => ({
  prices: [],
  crashDay: -1e9,
  largestPpm: 0,
  hashLevel: -1,
});

const PRICE_WINDOW = 7;
/** A fall of this much from the week's high is a crash (12 March 2020: about 40% in a day). */
const CRASH_BPS = 2000;
const CRASH_QUIET_DAYS = 14;
/** A retarget at least this large (ppm, either way) is news even when it is not the largest. */
const BIG_RETARGET_PPM = 50_000;
const HASH_STEP_EHS = 25;

const usd = (cents: number): string => `$${Math.round(cents / 100).toLocaleString("en-US")}`;
const pct = (ppm: number): string => `${ppm >= 0 ? "+" : "−"}${(Math.abs(ppm) / 10_000).toFixed(1)}%`;

const news = (day: number, kind: string, en: string, zh: string): Notice => ({
  day,
  company: null,
  kind,
  text: { en, zh },
  targets: ["world"],
});

function halvingNews(day: number, height: number): Notice {
  const btc = blockSubsidySats(height) / 1e8;
  return news(
    day,
    "milestone-halving",
    `Halving at block ${height.toLocaleString("en-US")}: the block subsidy falls to ${btc} BTC. Every machine earns half as much bitcoin overnight.`,
    `区块 ${height} 减半：区块补贴降至 ${btc} BTC。每台矿机一夜之间挖到的比特币减半。`,
  );
}

function retargetNews(memory: MilestoneMemory, report: Pick<StepReport, "day" | "retargets">): Notice[] {
  const out: Notice[] = [];
  for (const r of report.retargets) {
    const size = Math.abs(r.changePpm);
    const largest = memory.largestPpm > 0 && size > memory.largestPpm;
    memory.largestPpm = Math.max(memory.largestPpm, size);
    if (!largest && size < BIG_RETARGET_PPM) continue;
    const tail = largest ? " — the largest of this game so far" : "";
    const tailZh = largest ? "——本局至今最大" : "";
    out.push(
      news(
        report.day,
        "milestone-retarget",
        `Difficulty retarget at block ${r.height.toLocaleString("en-US")}: ${pct(r.changePpm)}${tail}.`,
        `区块 ${r.height} 难度调整：${pct(r.changePpm)}${tailZh}。`,
      ),
    );
  }
  return out;
}

function crashNews(memory: MilestoneMemory, day: number, priceCents: number): Notice[] {
  const high = Math.max(0, ...memory.prices);
  memory.prices = [...memory.prices, priceCents].slice(-PRICE_WINDOW);
  if (high <= 0 || day - memory.crashDay < CRASH_QUIET_DAYS) return [];
  const fallBps = Math.round(((high - priceCents) / high) * 10_000);
  if (fallBps < CRASH_BPS) return [];
  memory.crashDay = day;
  const fall = `${(fallBps / 100).toFixed(0)}%`;
  return [
    news(
      day,
      "milestone-crash",
      `Bitcoin crashes: ${usd(priceCents)}, ${fall} below last week's high of ${usd(high)}. Hashprice falls with it.`,
      `比特币暴跌：${usd(priceCents)}，较上周高点 ${usd(high)} 下跌 ${fall}。算力收益随之下跌。`,
    ),
  ];
}

function hashrateNews(memory: MilestoneMemory, day: number, networkThs: number): Notice[] {
  const level = Math.floor(networkThs / 1e6 / HASH_STEP_EHS);
  const first = memory.hashLevel < 0;
  const passed = level > memory.hashLevel;
  memory.hashLevel = Math.max(memory.hashLevel, level);
  if (first || !passed) return [];
  const ehs = level * HASH_STEP_EHS;
  return [
    news(
      day,
      "milestone-hashrate",
      `Record hashrate: the network passes ${ehs} EH/s for the first time in this game.`,
      `算力创新高：全网算力本局首次突破 ${ehs} EH/s。`,
    ),
  ];
}

/**
 * The day's milestone news, and the memory after it (a copy: the one given is not changed). Call once
 * per day stepped, with that day's report and the price after the step.
 */
export function milestoneNews(
  before: MilestoneMemory,
  report: Pick<StepReport, "day" | "halvings" | "retargets" | "networkThs">,
  priceCents: number,
): { memory: MilestoneMemory; notices: Notice[] } {
  const memory = { ...before, prices: [...before.prices] };
  const notices = [
    ...report.halvings.map((h) => halvingNews(report.day, h)),
    ...retargetNews(memory, report),
    ...crashNews(memory, report.day, priceCents),
    ...hashrateNews(memory, report.day, report.networkThs),
  ];
  return { memory, notices };
}
