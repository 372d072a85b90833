/**
 * Bitcoin Core consensus arithmetic (mainnet): compact nBits, difficulty/work, retarget, subsidy. (Beside
 * it, not exported here: retargetLuck.ts, the statistics of a retarget's luck that the fit and the
 * debrief quote.)
 */
export {
  COIN,
  DIFF1_TARGET,
  GENESIS_TIME,
  HALVING_INTERVAL,
  INITIAL_SUBSIDY,
  MAX_ACTUAL_TIMESPAN,
  MAX_MONEY,
  MIN_ACTUAL_TIMESPAN,
  POW_LIMIT,
  POW_LIMIT_BITS,
  RETARGET_INTERVAL,
  TARGET_SPACING,
  TARGET_TIMESPAN,
  UINT256_MAX,
} from "./constants.ts";
export { bitLength, compactToTarget, decodeCompact, isCanonicalCompact, targetToCompact } from "./compact.ts";
export {
  checkProofOfWork,
  difficultyFromBits,
  difficultyFromTarget,
  expectedHashesPerBlock,
  workFromTarget,
} from "./difficulty.ts";
export {
  calculateNextWorkRequired,
  clampTimespan,
  isRetargetHeight,
  nextRetargetHeight,
  nextWorkRequired,
  periodStartHeight,
  permittedDifficultyTransition,
} from "./retarget.ts";
export {
  blockSubsidy,
  blockSubsidySats,
  cumulativeSubsidy,
  daysToNextHalving,
  halvingHeight,
  halvingsAt,
  nextHalvingHeight,
} from "./subsidy.ts";
