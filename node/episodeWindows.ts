/**
 * The episodes as windows of a longer world (issue #16): a long history's own no-player run measured
 * over each shipped episode's period, by the same figure the README gives each episode run alone (the
 * hashrate's RMS log error against the real 7-day mean). The shipped episodes are windows of the decade
 * (world.windowOf) but start from their own fleet and racks: the gap between the two is what the
 * decade's own path into each episode's first day adds.
 */
import type { Datasets } from "../shared/scenario/datasets.ts";
import type { Recording } from "./recorder.ts";
import { hashrateFit, type HashrateFit } from "./history.ts";

export interface EpisodePeriod {
  id: string;
  period: { start: string; end: string };
}

export interface EpisodeWindow extends EpisodePeriod {
  fit: HashrateFit | null;
}

/**
 * The episodes whose whole period lies within `outer`'s (not `outer` itself), each with the run's fit
 * there; none when `outer` runs an invented market (its dates are not history's).
 */
export function episodeWindows(
  recording: Pick<Recording, "days">,
  data: Pick<Datasets, "hashrateEhs" | "epochs">,
  outer: EpisodePeriod & { historical: boolean },
  episodes: readonly EpisodePeriod[],
): EpisodeWindow[] {
  if (!outer.historical) return [];
  return episodes
    .filter(
      (e) => e.id !== outer.id && e.period.start >= outer.period.start && e.period.end <= outer.period.end,
    )
    .map((e) => ({ ...e, fit: hashrateFit(recording, data, e.period.start, e.period.end) }));
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The windows as lines for `npm run simulate`; nothing when the run holds no episode. */
export function episodeWindowLines(windows: readonly EpisodeWindow[]): string[] {
  if (windows.length === 0) return [];
  return [
    "",
    "The episodes as windows of this run (hashrate RMS log error against the real 7-day mean over each",
    "episode's period; the README's table gives each episode run on its own, by the same measure)",
    ...windows.map((w) => {
      const where = `  ${w.id.padEnd(14)} ${w.period.start} → ${w.period.end}`;
      if (!w.fit) return `${where}  no day with both the run's and the real hashrate`;
      const bias = `${w.fit.meanLogError >= 0 ? "+" : ""}${pct(w.fit.meanLogError)}`;
      return `${where}  RMS ${pct(w.fit.rmsLogError)}  bias ${bias}  over ${w.fit.days} days`;
    }),
  ];
}
