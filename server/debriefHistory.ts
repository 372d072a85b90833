/**
 * The class against history for the debrief: the game's network beside the real one on the same dates,
 * and hashrate by country beside Cambridge's shares. The real figures come from the same helpers the
 * simulate tool's comparison uses (tools/lib/history.ts), so the debrief and the CLI agree.
 */
import type { EpochDay } from "../shared/math/calendar.ts";
import type { DebriefPayload, DebriefText } from "../shared/protocol/debrief.ts";
import type { Datasets } from "../shared/scenario/datasets.ts";
import type { Scenario } from "../shared/scenario/types.ts";
import { realCountryShares, realDifficulty, realHashprice, realHashrate7d } from "../node/history.ts";
import { PLAYERS, type Recording } from "../node/recorder.ts";
import { sig } from "./debriefReplay.ts";

/** Six significant figures for the network's series: enough for any chart, a third of the bytes. */
const sig6 = (x: number): number => sig(x, 6);

const orNull = (x: number | null | undefined): number | null =>
  x === null || x === undefined ? null : sig6(x);

/** `days`: the epoch day of each recorded row (parsed once by the caller). */
export function classHistory(rec: Recording, days: EpochDay[], data: Datasets): DebriefPayload["network"] {
  return {
    ehs: rec.days.map((d) => sig6(d.networkEhs)),
    playerEhs: rec.days.map((d) => sig6(d.playerEhs)),
    difficulty: rec.days.map((d) => sig6(d.difficulty)),
    priceUsd: rec.days.map((d) => d.priceUsd),
    hashpriceUsdPerThDay: rec.days.map((d) => sig6(d.hashpriceUsdPerThDay)),
    realEhs: days.map((day) => orNull(realHashrate7d(data, day))),
    realDifficulty: days.map((day) => orNull(realDifficulty(data, day))),
    realPriceUsd: days.map((day) => orNull(data.priceUsd.get(day))),
    realHashpriceUsdPerThDay: days.map((day) => orNull(realHashprice(data, day))),
  };
}

export function countrySeries(
  rec: Recording,
  days: EpochDay[],
  data: Datasets,
  scenario: Scenario,
): DebriefPayload["countries"] {
  const names: Record<string, DebriefText> = {};
  for (const r of scenario.regions) names[r.country] ??= r.countryName;
  names[PLAYERS] = { en: "Players", zh: "玩家" };
  // Cambridge's month and the real hashrate, once per day rather than once per country and day.
  const real = days.map((day) => {
    const shares = realCountryShares(data, day);
    const ehs = realHashrate7d(data, day);
    return shares && ehs !== null ? { shares, ehs } : null;
  });
  return {
    ids: [...rec.countries],
    names,
    ehs: rec.countries.map((c) => rec.days.map((d) => sig((d.sharesByCountry[c] ?? 0) * d.networkEhs, 4))),
    realEhs: rec.countries.map((c) =>
      real.map((r) => {
        const share = r?.shares[c];
        return r && share !== undefined ? sig(share * r.ehs, 4) : null;
      }),
    ),
  };
}
