/**
 * How far a game's retargets must miss history's by luck alone (issue #16). A game's blocks come by their
 * own luck, as history's did: an epoch of 2,016 blocks runs long or short by 1/√2016 (2.2%); a retarget's
 * change carries the luck of the epoch before it and, through the difficulty that epoch ran at, of the one
 * before that (√2 × 2.2%); the game's luck and history's are independent, so their difference has a
 * standard deviation of 2/√2016 and a mean absolute value of that times √(2/π).
 */
import { RETARGET_INTERVAL } from "./constants.ts";

/**
 * The mean retarget error, percentage points, of a game whose hashrate followed the real one day by day:
 * about 3.55. Where always guessing 0% does better (2024-2025: 3.46 pp), the real changes are mostly luck
 * and no game that draws its own blocks can beat the guess there. tests/tools/history-fit.test.ts plays
 * the epochs to check the figure.
 */
export const RETARGET_LUCK_FLOOR_PP = (200 / Math.sqrt(RETARGET_INTERVAL)) * Math.sqrt(2 / Math.PI);
