/**
 * Countdowns to the next retarget and the next halving for the HUD: blocks left, and the days they
 * should take at the pace blocks come now (the retarget estimate says how much faster or slower than
 * ten minutes: +10% means blocks come 10% faster). Pure arithmetic; the client only formats it.
 */
import { TARGET_SPACING } from "../bitcoin/index.ts";

export interface Countdown {
  blocks: number;
  /** Estimated days, rounded up (0 once there). */
  days: number;
}

const SECONDS_PER_DAY = 86_400;

/** Blocks from `height` to `target`, and about how many days they take at today's pace. */
export function countdown(height: number, target: number, retargetEstimatePct: number): Countdown {
  const blocks = Math.max(0, target - height);
  // The estimate is the difficulty change that would bring blocks back to ten minutes: blocks now come
  // that much faster (clamped: a collapsing network never makes time run backwards).
  const speed = Math.max(0.25, 1 + retargetEstimatePct / 100);
  const days = (blocks * TARGET_SPACING) / speed / SECONDS_PER_DAY;
  return { blocks, days: Math.max(0, Math.ceil(days - 1e-9)) };
}
