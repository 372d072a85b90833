/**
 * The refusal table (shared/protocol/refusals): every entry, with sample parameters, says something in
 * both languages, the Chinese in Chinese; ids are unique across the table's sections; and a few
 * wordings are pinned so that a slip in the table shows here, not only in a server test.
 */
import { describe, expect, it } from "vitest";
import {
  REFUSALS,
  refuse,
  type RefusalId,
  type RefusalParams,
} from "../../shared/protocol/refusals/index.ts";
import { ENGINE_REFUSALS } from "../../shared/protocol/refusals/engine.ts";
import { HTTP_REFUSALS } from "../../shared/protocol/refusals/http.ts";
import { ROOM_REFUSALS } from "../../shared/protocol/refusals/room.ts";
import { TRADE_REFUSALS } from "../../shared/protocol/refusals/trade.ts";
import { PREDICT_REFUSALS } from "../../shared/protocol/refusals/predict.ts";
import { FACTORY_REFUSALS } from "../../shared/protocol/refusals/factory.ts";
import { USED_MARKET_REFUSALS } from "../../shared/protocol/refusals/usedMarket.ts";
import { FINANCE_REFUSALS } from "../../shared/protocol/refusals/finance.ts";
import { CLASS_MAAS_REFUSALS } from "../../shared/protocol/refusals/classMaas.ts";
import { HOSTING_REFUSALS } from "../../shared/protocol/refusals/hosting.ts";

const region = { en: "Sichuan", zh: "四川" };
const factory = { en: "Shenzhen", zh: "深圳" };
const issue = { path: ["command", "kw"], message: "Too small" };
const lot = "lot-7";
const offer = "offer-3";
const route = { from: factory, to: region };

/** Sample parameters for every entry: the compiler asks for each id, with its own parameters. */
const SAMPLES: { [K in RefusalId]: RefusalParams[K] } = {
  NOT_A_COMPANY: [],
  NO_SUCH_COMPANY: [{ company: "p9" }],
  GAME_OVER: [],
  NOT_HOST: [],
  BANKRUPT: [],
  MALFORMED_COMMAND: [{ issue }],
  SELL_RATIO_ALREADY: [{ ratioBps: 2500 }],
  PAYOUT_ALREADY: [{ payout: "solo" }],
  NOT_ENOUGH_BTC: [{ heldSats: 50_000_000, sellSats: 100_000_000 }],
  UNKNOWN_REGION: [{ region: "atlantis" }],
  REGION_BANNED: [{ region }],
  MORATORIUM: [{ region }],
  LEASE_POWER_DIFFERS: [{ region, renewable: true }],
  NO_RENEWABLE: [{ region }],
  NO_CAPACITY: [{ region, freeKw: 100, askedKw: 500 }],
  LEASE_SETUP_UNPAID: [{ kw: 500 }],
  NO_LEASE: [{ region: "sichuan" }],
  RELEASE_TOO_MUCH: [{ region: "sichuan", leasedKw: 100, releaseKw: 200 }],
  LEASE_IN_USE: [{ usedKw: 80.5, leasedKw: 100 }],
  UNKNOWN_LOT: [{ lot }],
  LOT_NOT_READY: [{ lot }],
  LOT_ALREADY_INSTALLED: [{ lot }],
  LOT_ON_ITS_WAY: [{ lot }],
  LOT_NOT_HERE: [{ lot, region }],
  NO_LEASE_ROOM: [{ lot, region, needKw: 32.4, freeKw: 10.9 }],
  LOT_NOT_INSTALLED: [{ lot }],
  POWER_ALREADY: [{ lot, on: false }],
  SALE_PROMISED: [{ lot, promised: 3, free: 7 }],
  SELL_TOO_MANY: [{ lot, holds: 10, asked: 12 }],
  UNKNOWN_MODEL: [{ model: "s99" }],
  NOT_RELEASED: [{ model: "Antminer S19" }],
  OUT_OF_PRODUCTION: [{ model: "Antminer S9", until: "2019-12-31" }],
  UNKNOWN_FACTORY: [{ factory: undefined }],
  FACTORY_CLOSED: [{ factory }],
  ORDER_UNAFFORDABLE: [{ quantity: 10, model: "Antminer S19", costCents: 123_456_78, cashCents: 1_000_00 }],
  NO_USED_YET: [{ model: "Antminer S19", opensDay: 18_500 }],
  USED_UNAFFORDABLE: [{ quantity: 10, model: "Antminer S19", costCents: 123_456_78, cashCents: -5_00 }],
  UNKNOWN_TEMPLATE: [{ template: "nope" }],
  NOT_A_SHOCK_TARGET: [{ target: "xx", kind: "region" }],
  BAD_SHOCK_PARAMS: [{ template: "ban", issue: undefined }],
  OFFER_IN_TRANSIT: [{ lot }],
  OFFER_TOO_MANY: [{ lot, holds: 10, asked: 12 }],
  ALREADY_OFFERED: [{ lot, offered: 4, free: 6 }],
  OFFER_TO_SELF: [],
  OFFER_TO_NOBODY: [{ company: "p9" }],
  OFFER_TO_BANKRUPT: [{ company: "Kai's Hash" }],
  UNKNOWN_OFFER: [{ offer }],
  NOT_YOURS_TO_ANSWER: [{ offer, to: "Ann's Mining" }],
  NOT_YOURS_TO_CANCEL: [{ offer }],
  OFFER_UNAFFORDABLE: [{ offer, priceCents: 50_000_00, cashCents: 10_00 }],
  OFFER_CLOSED: [{ offer, status: "declined" }],
  OFFER_LOT_GONE: [{ offer, lot }],
  OFFER_LOT_SHRUNK: [{ offer, lot, promised: 10, holds: 4 }],
  PARTY_BANKRUPT: [{ company: "Kai's Hash" }],
  LOT_NOT_TRADABLE: [{ lot, status: "onOrder" }],
  EXPORT_BLOCKED: [{ factory }],
  SHIP_PROMISED: [{ lot, promised: 2 }],
  FREIGHT_UNAFFORDABLE: [{ costCents: 9_999_99, cashCents: 0 }],
  SHIP_TOO_MANY: [{ lot, holds: 10 }],
  ALREADY_THERE: [],
  UNKNOWN_DEPARTURE: [],
  TOO_FAR: [{ ...route, mode: "truck" }],
  NO_ROAD: [route],
  NO_RAILWAY: [route],
  TOO_CLOSE_FOR_SEA: [route],
  UNKNOWN_HOST_ACTION: [{ action: "explode" }],
  ALREADY_STARTED: [],
  NOT_IN_PHASE: [{ phase: "paused" }],
  NOT_STARTED: [],
  SPECTATOR: [],
  NOT_HOST_PREVIEW: [],
  NOT_A_PLAYER: [],
  SEATS_TAKEN: [],
  NO_SUCH_SEAT: [{ seat: "p8" }],
  SEAT_ELSEWHERE: [],
  NO_SUCH_PERSON: [],
  HOLDS_A_SEAT: [],
  NOT_BOT_PLAYED: [],
  SEAT_LOCKED: [],
  BOT_PLAYING: [],
  WRONG_HOST_SECRETS: [{ seconds: 10 }],
  HOST_CONNECTIONS: [{ max: 6 }],
  SPECTATORS_FULL: [{ max: 32 }],
  SPECTATORS_PER_ADDRESS: [{ max: 8 }],
  RATE_LIMITED: [],
  UNKNOWN_MESSAGE: [],
  INTERNAL: [],
  TOO_LARGE: [],
  FRAME_TOO_LARGE: [{ maxBytes: 8192 }],
  UNDECODABLE: [],
  MALFORMED_MESSAGE: [{ type: "command", issue }],
  STORE_UNAVAILABLE: [{ reason: "the disk is full" }],
  BODY_TOO_LARGE: [{ maxBytes: 16_384 }],
  BAD_ESCAPE: [],
  BAD_URL: [],
  NOT_FOUND: [],
  REQUEST_FAILED: [],
  SHUTTING_DOWN: [],
  METHOD_NOT_ALLOWED: [],
  NO_MATCHMAKE_ROUTE: [{ methods: ["create", "join"] }],
  BAD_JSON: [],
  TOO_MANY_ROOMS: [{ seconds: 15 }],
  SERVER_FULL: [{ max: 200 }],
  TOO_MANY_GAMES: [{ max: 20 }],
  TOO_MANY_MISSES: [{ seconds: 1 }],
  TOO_MANY_WRONG_SECRETS: [{ seconds: 10 }],
  TOO_MANY_REQUESTS: [{ seconds: 5, what: "code" }],
  BAD_CODE: [],
  NO_SUCH_CODE: [],
  NO_SUCH_ROOM: [],
  ADMIN_ONLY: [{ what: "metrics" }],
  EXPORT_DENIED: [],
  NO_CREDENTIALS: [],
  DEBRIEF_DENIED: [],
  NOT_ENDED: [],
  NO_QUESTION: [],
  QUESTION_CLOSED: [],
  QUESTION_PENDING: [],
  NOTHING_TO_REVEAL: [],
  TOO_FEW_CHOICES: [],
  BAD_CHOICE: [{ choices: 4 }],
  NUMBER_NEEDED: [],
  NOT_ANSWERING: [],
  FACTORY_SOLD_OUT: [{ model: "Antminer S21", batches: 24 }],
  PREMIUM_TOO_HIGH: [{ maxBps: 5000 }],
  UNKNOWN_PREORDER: [{ order: "po-4" }],
  USED_STOCK_SHORT: [{ model: "S19 Pro", region, asked: 50, stock: 12 }],
  LOAN_TERM: [{ min: 30, max: 730 }],
  LOAN_NO_COLLATERAL: [],
  LOAN_LOT_TWICE: [{ lot }],
  LOT_PLEDGED: [{ lot, loan: "loan-4" }],
  OVER_LTV: [{ maxCents: 7_000_000, maxLtvBps: 7000 }],
  UNKNOWN_LOAN: [{ loan: "loan-4" }],
  REPAY_TOO_MUCH: [{ owedCents: 5_000_000 }],
  REPAY_NO_CASH: [{ cashCents: 100 }],
  BTC_PLEDGED: [{ freeSats: 10_000_000, sellSats: 50_000_000 }],
  BTC_NO_CASH: [{ costCents: 9_000_000, cashCents: 100 }],
  WORLD_SIZE_STARTED: [],
  WORLD_SIZE_ALREADY: [],
  LOT_ALREADY_LEASED: [{ lot }],
  LEASE_LOT_PROMISED: [{ lot }],
  LEASE_OFFERS_TOO_MANY: [{ max: 12 }],
  UNKNOWN_LEASE: [{ lease: "ml-4" }],
  NOT_YOUR_LEASE: [{ lease: "ml-4" }],
  LEASE_CLOSED: [{ lease: "ml-4" }],
  LEASE_LOT_GONE: [{ lease: "ml-4" }],
  LEASE_UNAFFORDABLE: [{ lease: "ml-4", cents: 123_456_00 }],
  LEASE_ALREADY_QUEUED: [{ region, kw: 500 }],
  QUEUE_SETUP_UNPAID: [{ kw: 500, cents: 400_000 }],
  SITE_TOO_BIG: [{ region, maxKw: 50_000 }],
  SITE_UNAFFORDABLE: [{ cents: 40_000_000 }],
  RELEASE_OWN_KW: [{ region, releasableKw: 200 }],
  HOSTING_NO_SPARE: [{ region, spareKw: 100, askedKw: 300 }],
  HOSTING_UNPAID: [{ cents: 120_000 }],
  NOT_QUEUED: [{ region: "us-texas" }],
};

const ids = Object.keys(REFUSALS) as RefusalId[];
/** Some refusals say little but a name or a number in Chinese: those must still have Chinese around it. */
const CJK = /[\u4e00-\u9fff]/;

describe("the refusal table", () => {
  it.each(ids)("%s says why in English and in Chinese", (id) => {
    const { code, message } = refuse(id, ...(SAMPLES[id] as []));
    expect(code).toMatch(/^[A-Z][A-Z_]+$/);
    expect(message.en.trim().length).toBeGreaterThan(0);
    expect(message.zh.trim().length).toBeGreaterThan(0);
    expect(message.zh).toMatch(CJK);
    expect(message.en).not.toMatch(CJK);
    // Numbers for people: thousands grouped (no raw 5-digit kW or cents), no "lot-7" ids.
    expect(message.en).not.toMatch(/\b\d{5,}\b/);
    // (An unknown id is quoted as it was sent: there is no lot or offer to name.)
    if (!id.startsWith("UNKNOWN_")) expect(message.en).not.toMatch(/\b(lot|offer)-\d/);
    expect(message.en).not.toContain("[object Object]");
    expect(message.zh).not.toContain("[object Object]");
  });

  it("has no id twice across its sections (a later section would replace an earlier entry)", () => {
    const sections = [
      ENGINE_REFUSALS,
      TRADE_REFUSALS,
      ROOM_REFUSALS,
      HTTP_REFUSALS,
      PREDICT_REFUSALS,
      FACTORY_REFUSALS,
      USED_MARKET_REFUSALS,
      FINANCE_REFUSALS,
      CLASS_MAAS_REFUSALS,
      HOSTING_REFUSALS,
    ];
    const all = sections.flatMap((s) => Object.keys(s));
    expect(new Set(all).size).toBe(all.length);
    expect(ids.length).toBe(all.length);
  });

  it("answers with the entry's code, or with its id when the entry is its own code", () => {
    expect(refuse("REGION_BANNED", { region }).code).toBe("REGION_BANNED");
    expect(refuse("OFFER_TO_SELF").code).toBe("BAD_TARGET");
    expect(refuse("NOT_HOST_PREVIEW").code).toBe("NOT_HOST");
  });

  it("is checked by the compiler, entry by entry (npm run typecheck fails if any line here compiles)", () => {
    const wrong = () => [
      // @ts-expect-error: a region is named in both languages here, not by its id
      refuse("REGION_BANNED", { region: "sichuan" }),
      // @ts-expect-error: GAME_OVER takes no parameters
      refuse("GAME_OVER", { day: 1 }),
      // @ts-expect-error: NO_CAPACITY needs the kW asked for
      refuse("NO_CAPACITY", { region, freeKw: 1 }),
      // @ts-expect-error: there is no such refusal
      refuse("NO_SUCH_REFUSAL"),
    ];
    expect(typeof wrong).toBe("function");
  });

  it("keeps the wordings the engine and the server have always used", () => {
    expect(refuse("REGION_BANNED", { region }).message).toEqual({
      en: "Mining is banned in Sichuan.",
      zh: "四川已禁止挖矿。",
    });
    expect(refuse("MALFORMED_COMMAND", { issue }).message).toEqual({
      en: 'Malformed command at "command.kw": Too small.',
      zh: '指令格式错误（位置 "command.kw"）：Too small。',
    });
    expect(refuse("MALFORMED_COMMAND", { issue: undefined }).message.en).toBe("Malformed command: invalid.");
    expect(refuse("ORDER_UNAFFORDABLE", SAMPLES.ORDER_UNAFFORDABLE[0]).message.en).toBe(
      "10 × Antminer S19 cost $123,456.78; you have $1,000.00.",
    );
    expect(refuse("OFFER_CLOSED", { offer, status: "open" }).message).toEqual({
      en: "Offer 3 is expired.",
      zh: "报价 3 已过期。",
    });
    expect(refuse("NO_CAPACITY", { region, freeKw: 12_500, askedKw: 1_000_000 }).message).toEqual({
      en: "Sichuan has 12,500 kW free; you asked for 1,000,000 kW.",
      zh: "四川仅剩 12,500 千瓦可租，你申请了 1,000,000 千瓦。",
    });
    expect(refuse("NOT_ENOUGH_BTC", { heldSats: 123_450_000_000, sellSats: 1 }).message.en).toBe(
      "You hold 1,234.5 BTC; you cannot sell 0.00000001 BTC.",
    );
    expect(refuse("LOT_NOT_READY", { lot }).message).toEqual({
      en: "Lot 7 has not left the factory yet.",
      zh: "批次 7 尚未出厂。",
    });
    expect(refuse("NOT_IN_PHASE", { phase: "lobby" }).message.zh).toBe("游戏处于等待开始状态，无法执行。");
    expect(refuse("UNKNOWN_FACTORY", { factory: undefined }).message.en).toBe('No factory "undefined".');
    expect(refuse("BAD_SHOCK_PARAMS", { template: "ban", issue }).message.en).toBe(
      'Bad parameter "command.kw" for ban: Too small.',
    );
  });
});
