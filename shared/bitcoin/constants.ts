/**
 * Bitcoin mainnet consensus constants, copied from Bitcoin Core (src/kernel/chainparams.cpp CMainParams,
 * src/consensus/amount.h, src/validation.cpp, src/rpc/blockchain.cpp). Everything 256-bit is a bigint.
 */

/** 2^256 - 1: the largest value an arith_uint256 holds (src/arith_uint256.h, base_uint<256>). */
export const UINT256_MAX = (1n << 256n) - 1n;

/** consensus.powLimit, the easiest allowed target (kernel/chainparams.cpp CMainParams). */
export const POW_LIMIT = 0x00000000ffffffffffffffffffffffffffffffffffffffffffffffffffffffffn;

/** powLimit in compact form; also the genesis nBits (kernel/chainparams.cpp CreateGenesisBlock(..., 0x1d00ffff, ...)). */
export const POW_LIMIT_BITS = 0x1d00ffff;

/** Difficulty-1 target = SetCompact(0x1d00ffff) = 0xffff * 2^208; GetDifficulty's numerator (rpc/blockchain.cpp). */
export const DIFF1_TARGET = 0xffffn << 208n;

/** consensus.nPowTargetTimespan = 14 * 24 * 60 * 60 seconds, two weeks (kernel/chainparams.cpp). */
export const TARGET_TIMESPAN = 1_209_600;

/** consensus.nPowTargetSpacing = 10 * 60 seconds (kernel/chainparams.cpp). */
export const TARGET_SPACING = 600;

/** Consensus::Params::DifficultyAdjustmentInterval() = nPowTargetTimespan / nPowTargetSpacing (consensus/params.h). */
export const RETARGET_INTERVAL = TARGET_TIMESPAN / TARGET_SPACING;

/** Blocks a day at the target spacing (144): how the game counts a day's blocks ahead of time. */
export const BLOCKS_PER_DAY = 86_400 / TARGET_SPACING;

/** Lower clamp of the measured timespan, nPowTargetTimespan / 4 (pow.cpp CalculateNextWorkRequired). */
export const MIN_ACTUAL_TIMESPAN = TARGET_TIMESPAN / 4;

/** Upper clamp of the measured timespan, nPowTargetTimespan * 4 (pow.cpp CalculateNextWorkRequired). */
export const MAX_ACTUAL_TIMESPAN = TARGET_TIMESPAN * 4;

/** consensus.nSubsidyHalvingInterval (kernel/chainparams.cpp CMainParams). */
export const HALVING_INTERVAL = 210_000;

/** Halvings at which GetBlockSubsidy returns 0 outright, since int64 >> 64 is undefined (validation.cpp). */
export const MAX_HALVINGS = 64;

/** Satoshis per bitcoin (consensus/amount.h COIN). */
export const COIN = 100_000_000n;

/** Subsidy of the first era, 50 * COIN (validation.cpp GetBlockSubsidy). */
export const INITIAL_SUBSIDY = 50n * COIN;

/** MAX_MONEY = 21000000 * COIN: a sanity bound for amounts, not the real supply (consensus/amount.h). */
export const MAX_MONEY = 21_000_000n * COIN;

/** Genesis block nTime, Unix seconds (kernel/chainparams.cpp CreateGenesisBlock(1231006505, ...)). */
export const GENESIS_TIME = 1_231_006_505;

/** The sign bit of a compact nBits mantissa (arith_uint256.cpp SetCompact/GetCompact). */
export const COMPACT_SIGN_BIT = 0x00800000;
