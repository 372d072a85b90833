/**
 * Calendar arithmetic on integer days since 1970-01-01 (UTC), without Date.
 * Algorithms from Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".
 */
export type EpochDay = number;

export const SECONDS_PER_DAY = 86_400;

export function daysFromCivil(y: number, m: number, d: number): EpochDay {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z: EpochDay): { y: number; m: number; d: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2020-05-11" → epoch day; throws on a malformed or impossible date. */
export function parseIsoDate(text: string): EpochDay {
  const match = ISO_DATE.exec(text);
  if (!match) throw new RangeError(`not a date in the form YYYY-MM-DD: "${text}"`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const day = daysFromCivil(y, m, d);
  const back = civilFromDays(day);
  if (back.y !== y || back.m !== m || back.d !== d) throw new RangeError(`no such date: "${text}"`);
  return day;
}

export function isValidIsoDate(text: string): boolean {
  try {
    parseIsoDate(text);
    return true;
  } catch {
    return false;
  }
}

export function formatIsoDate(day: EpochDay): string {
  const { y, m, d } = civilFromDays(day);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** "2021-07-03T06:34:06Z" → Unix seconds. */
export function parseIsoTimestamp(text: string): number {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/.exec(text);
  if (!match) throw new RangeError(`not a UTC timestamp in the form YYYY-MM-DDTHH:MM:SSZ: "${text}"`);
  const day = parseIsoDate(match[1] as string);
  return day * SECONDS_PER_DAY + Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4]);
}

export function formatIsoTimestamp(seconds: number): string {
  const day = Math.floor(seconds / SECONDS_PER_DAY);
  const rest = seconds - day * SECONDS_PER_DAY;
  const hh = Math.floor(rest / 3600);
  const mm = Math.floor((rest % 3600) / 60);
  const ss = rest % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${formatIsoDate(day)}T${pad(hh)}:${pad(mm)}:${pad(ss)}Z`;
}

/** Month index 1..12 (the engine remembers the day's month in its caches: see regions.ts's monthToday). */
export function monthOf(day: EpochDay): number {
  return civilFromDays(day).m;
}
