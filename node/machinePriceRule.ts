/**
 * The machine-price rule on the real hashprice (issue #16): what shared/engine/machinePrice.ts's rule
 * would have priced the best machine's TH/s at on each reference date of shared/data/machine-prices.csv,
 * fed the real daily hashprice (node/history.ts realHashprice) instead of a game's. This is how the
 * factory block's paybackDays and memoryDays were chosen (the mean |ln error| over the rows), and it
 * measures the rule on dates no shipped scenario covers, independent of a game's own fidelity.
 */
import { blockSubsidySats, halvingsAt } from "../shared/bitcoin/index.ts";
import { EngineCaches } from "../shared/engine/caches.ts";
import { efficiencyDiscount } from "../shared/engine/market.ts";
import {
  halvedMemory,
  halvingOutlook,
  horizonValuePerTh,
  rememberHashprice,
} from "../shared/engine/machinePrice.ts";
import { SECONDS_PER_DAY, type EpochDay } from "../shared/math/calendar.ts";
import type { Datasets, Epoch } from "../shared/scenario/datasets.ts";
import type { AsicModel } from "../shared/scenario/types.ts";
import { realHashprice } from "./history.ts";
import type { MachinePriceObservation, MachinePriceRef } from "./machinePriceFit.ts";

export interface PriceRule {
  paybackDays: number;
  /** Days over which the memory falls (30: the plain 30-day average, up and down alike). */
  memoryDays: number;
  efficiencyExponent: number;
  /** Whether the days after the next halving count at half the subsidy (and the memory halves it). */
  foreseeHalving: boolean;
}

/** The rule before issue #16: 220 days of the 30-day average, discount by efficiency to the power 1. */
export const FORMER_RULE: PriceRule = {
  paybackDays: 220,
  memoryDays: 30,
  efficiencyExponent: 1,
  foreseeHalving: false,
};

type RuleData = Pick<Datasets, "epochs" | "priceUsd" | "feesBtc">;

/** The chain's height at noon of `day`, from the epoch table (null outside it). */
function heightAt(epochs: readonly Epoch[], day: EpochDay): number | null {
  const noon = day * SECONDS_PER_DAY + SECONDS_PER_DAY / 2;
  let i = epochs.findIndex((e) => e.startTime > noon) - 1;
  if (i === -2) i = epochs.length - 1;
  const epoch = epochs[i];
  const next = epochs[i + 1];
  if (!epoch || !next) return null;
  return epoch.height + Math.floor((2016 * (noon - epoch.startTime)) / (next.startTime - epoch.startTime));
}

/** The best (lowest) efficiency on sale on `day` in the catalog. */
function bestOn(catalog: readonly AsicModel[], day: EpochDay): number {
  return catalog.reduce((b, m) => (m.releaseDay <= day ? Math.min(b, m.efficiencyJPerTh) : b), Infinity);
}

interface Today {
  hashprice: number;
  height: number;
  /** Subsidy and fees of the day, BTC (only their ratio matters). */
  subsidy: number;
  fees: number;
}

function today(data: RuleData, day: EpochDay): Today | null {
  const hashprice = realHashprice(data, day);
  const height = heightAt(data.epochs, day);
  const fees = data.feesBtc.get(day);
  if (hashprice === null || height === null || fees === undefined) return null;
  return { hashprice, height, subsidy: (144 * blockSubsidySats(height + 1)) / 1e8, fees };
}

/** The rule's price per TH/s of each reference's model on its date, fed the real hashprice from `from`. */
export function ruleOnRealHashprice(
  refs: readonly MachinePriceRef[],
  data: RuleData,
  catalog: readonly AsicModel[],
  rule: PriceRule,
  from: EpochDay,
): MachinePriceObservation[] {
  const last = Math.max(...refs.map((r) => r.day));
  const out: MachinePriceObservation[] = [];
  let memory = 0;
  let lastHeight = -1;
  const caches = new EngineCaches();
  for (let day = from; day <= last; day++) {
    const t = today(data, day);
    if (!t) continue;
    const halved = lastHeight >= 0 && halvingsAt(t.height) > halvingsAt(lastHeight);
    if (rule.foreseeHalving && halved) memory = halvedMemory(memory, t.subsidy, t.fees);
    memory = rememberHashprice(memory, t.hashprice, rule.memoryDays);
    lastHeight = t.height;
    const outlook = rule.foreseeHalving ? halvingOutlook(t.height, rule.paybackDays, t.subsidy, t.fees) : 1;
    for (const ref of refs.filter((r) => r.day === day)) {
      // The engine's own discount and price (market.ts, machinePrice.ts), not a copy of them.
      const discount = efficiencyDiscount(bestOn(catalog, day), ref.jPerTh, rule.efficiencyExponent, caches);
      const sim = horizonValuePerTh(memory, outlook, rule.paybackDays) * discount;
      out.push({ ref, simUsdPerTh: sim, lnError: Math.log(sim / ref.usdPerTh) });
    }
  }
  return out;
}
