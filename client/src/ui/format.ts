/**
 * Number and date formatting for both languages. Pure functions of (value, language) so that they are
 * unit-tested in Node; the HUD passes the current language. Chinese groups large amounts by 万 (10⁴) and
 * 亿 (10⁸), English by thousand, million and billion.
 */
import { formatIsoDate } from "../../../shared/math/calendar.ts";
import type { Lang } from "../i18n/index.ts";

const LOCALE: Record<Lang, string> = { en: "en-US", zh: "zh-CN" };

export function formatNumber(value: number, lang: Lang, digits = 0): string {
  return new Intl.NumberFormat(LOCALE[lang], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** A number as a student answered it, to two decimals at most (2.5 stays 2.5: a forecast's decimals count). */
export function formatAnswer(value: number, lang: Lang): string {
  const r = Math.round(value * 100) / 100;
  const digits = Number.isInteger(r) ? 0 : Math.abs(r * 10 - Math.round(r * 10)) < 1e-9 ? 1 : 2;
  return formatNumber(r, lang, digits);
}

/** Three significant figures at most, trailing zeros dropped: 1.5, 12.3, 123. */
function short(value: number, lang: Lang): string {
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits }).format(value);
}

/**
 * US dollars. Small amounts keep cents; `compact` shortens large ones ($1.23M, $4.5B; ¥-free Chinese
 * style $123万, $1.2亿) for the HUD, where space is short.
 */
export function formatUsd(usd: number, lang: Lang, compact = false): string {
  const sign = usd < 0 ? "-" : "";
  const abs = Math.abs(usd);
  if (compact) {
    if (lang === "zh") {
      if (abs >= 1e8) return `${sign}$${short(abs / 1e8, lang)}亿`;
      if (abs >= 1e4) return `${sign}$${short(abs / 1e4, lang)}万`;
    } else {
      if (abs >= 1e9) return `${sign}$${short(abs / 1e9, lang)}B`;
      if (abs >= 1e6) return `${sign}$${short(abs / 1e6, lang)}M`;
      if (abs >= 1e4) return `${sign}$${short(abs / 1e3, lang)}K`;
    }
  }
  return `${sign}$${formatNumber(abs, lang, abs < 100 && abs !== Math.floor(abs) ? 2 : 0)}`;
}

/** Bitcoin: four decimals, eight below a hundredth so that small balances do not read as zero. */
export function formatBtc(btc: number, lang: Lang): string {
  const digits = btc !== 0 && Math.abs(btc) < 0.01 ? 8 : 4;
  return `${formatNumber(btc, lang, digits)} BTC`;
}

/** Hashrate given in EH/s, shown in the best unit: PH/s below 1, ZH/s from 1000. */
export function formatHashrate(ehs: number, lang: Lang): string {
  const abs = Math.abs(ehs);
  if (abs >= 1000) return `${short(ehs / 1000, lang)} ZH/s`;
  if (abs > 0 && abs < 1) return `${short(ehs * 1000, lang)} PH/s`;
  return `${short(ehs, lang)} EH/s`;
}

/** Machine efficiency, joules per terahash. */
export function formatEfficiency(jPerTh: number, lang: Lang): string {
  return `${formatNumber(jPerTh, lang, jPerTh < 100 ? 1 : 0)} J/TH`;
}

/** Hashprice: the server gives USD per TH/s per day; miners quote it per PH/s per day. */
export function formatHashprice(usdPerThDay: number, lang: Lang): string {
  return formatUsd(usdPerThDay * 1000, lang);
}

/** Power price in USD per kWh, in US cents. */
export function formatPowerPrice(usdPerKwh: number, lang: Lang): string {
  const cents = formatNumber(usdPerKwh * 100, lang, 1);
  return lang === "zh" ? `${cents} 美分/千瓦时` : `${cents} ¢/kWh`;
}

export function formatPct(pct: number, lang: Lang, signed = false): string {
  const body = formatNumber(Math.abs(pct), lang, Math.abs(pct) < 10 ? 1 : 0);
  const sign = pct < 0 ? "-" : signed && pct > 0 ? "+" : "";
  return `${sign}${body}%`;
}

/** Difficulty: 1.5 T (trillion) in English, 1.5 万亿 in Chinese. */
export function formatDifficulty(d: number, lang: Lang): string {
  if (lang === "zh") {
    if (d >= 1e12) return `${short(d / 1e12, lang)} 万亿`;
    if (d >= 1e8) return `${short(d / 1e8, lang)} 亿`;
    return formatNumber(d, lang);
  }
  if (d >= 1e12) return `${short(d / 1e12, lang)} T`;
  if (d >= 1e9) return `${short(d / 1e9, lang)} G`;
  return formatNumber(d, lang);
}

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A game date (ISO "YYYY-MM-DD", UTC) without Date or time zones: "12 May 2020" / "2020年5月12日". */
export function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const month = Number(mo);
  const day = Number(d);
  if (lang === "zh") return `${y}年${month}月${day}日`;
  return `${day} ${MONTHS_EN[month - 1] ?? mo} ${y}`;
}

/** A month for scenario periods: "Jan 2020" / "2020年1月". */
export function formatMonth(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const [, y, mo] = m;
  return lang === "zh" ? `${y}年${Number(mo)}月` : `${MONTHS_EN[Number(mo) - 1] ?? mo} ${y}`;
}

/*
 * The view carries the engine's units (cents, satoshis, TH/s, µUSD, epoch days); these read them for
 * people, so that unit conversions live here and nowhere else in the client.
 */
export const usdOfCents = (cents: number): number => cents / 100;
export const btcOfSats = (sats: number): number => sats / 1e8;
export const ehsOfThs = (ths: number): number => ths / 1e6;
export const usdOfMicro = (micro: number): number => micro / 1e6;

export function formatCents(cents: number, lang: Lang, compact = false): string {
  return formatUsd(usdOfCents(cents), lang, compact);
}

export function formatSats(sats: number, lang: Lang): string {
  return formatBtc(btcOfSats(sats), lang);
}

/** Hashrate given in TH/s, shown in the best unit. */
export function formatThs(ths: number, lang: Lang): string {
  return formatHashrate(ehsOfThs(ths), lang);
}

/** Hashprice from µUSD per TH/s per day. */
export function formatHashpriceMicro(microUsdPerThDay: number, lang: Lang): string {
  return formatHashprice(usdOfMicro(microUsdPerThDay), lang);
}

/** Power price from µUSD per kWh. */
export function formatPowerMicro(microUsdPerKwh: number, lang: Lang): string {
  return formatPowerPrice(usdOfMicro(microUsdPerKwh), lang);
}

/** A game day (days since 1970-01-01). */
export function formatDay(day: number, lang: Lang): string {
  return formatDate(formatIsoDate(day), lang);
}

/** Basis points as a percentage. */
export function formatBps(bps: number, lang: Lang): string {
  return formatPct(bps / 100, lang);
}

export const pctOfBps = (bps: number): number => bps / 100;
export const mwOfKw = (kw: number): number => kw / 1000;
export const isoOfDay = (day: number): string => formatIsoDate(day);
