/**
 * Calendar arithmetic on epoch days (whole days since 1970-01-01, UTC) and the TIMEX3 value of a
 * calendar span. Ranges are inclusive [from, to]; an open end is -Infinity / +Infinity.
 */

export interface DayRange {
  from: number;
  to: number;
}

export const OPEN: DayRange = { from: -Infinity, to: Infinity };

/**
 * The proleptic Gregorian calendar in integer arithmetic (days from/to civil dates, after Howard
 * Hinnant), giving exactly what JavaScript's Date gives, without building a Date per call: the
 * grammar converts days on every expression it resolves.
 */
const MS_PER_DAY = 86_400_000;
const DAYS_PER_ERA = 146_097;
const EPOCH_SHIFT = 719_468; // days from 0000-03-01 to 1970-01-01
/** Date's range: ±100,000,000 days around the epoch; beyond it a Date is invalid (NaN parts). */
const MAX_DAYS = 100_000_000;

/** Days since 1970-01-01 of a valid year, month 1..12, day 1..31 (any integers; the day may overflow the month). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  return era * DAYS_PER_ERA + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - EPOCH_SHIFT;
}

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isValidDay(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Days in a month (1..12); as Date.UTC reads them, years 0..99 are 1900..1999. */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isFinite(year) || !Number.isFinite(month)) return NaN;
  let y = Math.trunc(year);
  if (y >= 0 && y <= 99) y += 1900;
  const m = Math.trunc(month) - 1;
  const inYear = y + Math.floor(m / 12);
  const index = ((m % 12) + 12) % 12;
  const length = index === 1 && isLeapYear(inYear) ? 29 : MONTH_DAYS[index];
  return Math.abs(daysFromCivil(inYear, index + 1, length)) > MAX_DAYS ? NaN : length;
}

/** Epoch day of a calendar day; month and day may overflow (13 = January next year, day 0 = the last of the month before), as Date's rules. */
export function epochDay(year: number, month: number, day: number): number {
  if (!Number.isFinite(year) || !Number.isFinite(month) || !Number.isFinite(day)) return NaN;
  const m = Math.trunc(month - 1);
  const days = daysFromCivil(Math.trunc(year) + Math.floor(m / 12), (((m % 12) + 12) % 12) + 1, 1) + Math.trunc(day) - 1;
  return Math.abs(days) > MAX_DAYS ? NaN : days;
}

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const INVALID_DAY: CalendarDay = { year: NaN, month: NaN, day: NaN };

/** The whole day an epoch (maybe fractional) falls in, as a Date at epoch × 1 day would read it; NaN outside Date's range. */
function wholeDay(epoch: number): number {
  const time = epoch * MS_PER_DAY;
  if (!(Math.abs(time) <= MAX_DAYS * MS_PER_DAY)) return NaN;
  return Math.floor(Math.trunc(time) / MS_PER_DAY);
}

export function dayParts(epoch: number): CalendarDay {
  const z = wholeDay(epoch) + EPOCH_SHIFT;
  if (Number.isNaN(z)) return { ...INVALID_DAY };
  const era = Math.floor(z / DAYS_PER_ERA);
  const doe = z - era * DAYS_PER_ERA;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO day "2025-06-01"; an open end is "..". */
export function isoDay(epoch: number): string {
  if (!Number.isFinite(epoch)) return '..';
  // a text names few days, each many times (value, from, to): a small direct-mapped cache
  const slot = epoch & (ISO_CACHE_SIZE - 1);
  if (isoCacheDays[slot] === epoch) return isoCacheTexts[slot];
  const p = dayParts(epoch);
  const year = p.year >= 1000 && p.year <= 9999 ? String(p.year) : pad(p.year, 4);
  const text = `${year}-${TWO_DIGITS[p.month] ?? pad(p.month, 2)}-${TWO_DIGITS[p.day] ?? pad(p.day, 2)}`;
  isoCacheDays[slot] = epoch;
  isoCacheTexts[slot] = text;
  return text;
}

const ISO_CACHE_SIZE = 1024;
const isoCacheDays = new Float64Array(ISO_CACHE_SIZE).fill(NaN);
const isoCacheTexts = new Array<string>(ISO_CACHE_SIZE).fill('');

/** "00" … "31": months and days without a call to pad each. */
const TWO_DIGITS = Array.from({ length: 32 }, (_, k) => String(k).padStart(2, '0'));

/** Epoch day of an ISO day string, or NaN. */
export function parseIsoDay(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m || !isValidDay(+m[1], +m[2], +m[3])) return NaN;
  return epochDay(+m[1], +m[2], +m[3]);
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** 1 = Monday … 7 = Sunday (ISO). */
export function weekday(epoch: number): number {
  const d = (((wholeDay(epoch) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  return d === 0 ? 7 : d;
}

/** The same day `months` months later, clamped to the month's end (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(epoch: number, months: number): number {
  if (!Number.isFinite(epoch)) return epoch;
  const p = dayParts(epoch);
  const total = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  if (year < 1 || year > 9999) return months < 0 ? -Infinity : Infinity;
  return epochDay(year, month, Math.min(p.day, daysInMonth(year, month)));
}

// ---------------------------------------------------------------- calendar units

export type Season = 'SP' | 'SU' | 'FA' | 'WI';
export const SEASON_START_MONTH: Record<Season, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

export function yearRange(year: number): DayRange {
  return { from: epochDay(year, 1, 1), to: epochDay(year, 12, 31) };
}

export function monthRange(year: number, month: number): DayRange {
  return { from: epochDay(year, month, 1), to: epochDay(year, month, daysInMonth(year, month)) };
}

/** Meteorological seasons; YYYY-WI is December YYYY to February YYYY+1. */
export function seasonRange(year: number, season: Season): DayRange {
  const start = SEASON_START_MONTH[season];
  const from = epochDay(year, start, 1);
  return { from, to: addMonths(from, 3) - 1 };
}

export function quarterRange(year: number, quarter: number): DayRange {
  const from = epochDay(year, (quarter - 1) * 3 + 1, 1);
  return { from, to: addMonths(from, 3) - 1 };
}

export function halfRange(year: number, half: number): DayRange {
  const from = epochDay(year, half === 1 ? 1 : 7, 1);
  return { from, to: addMonths(from, 6) - 1 };
}

/** ISO week (Monday to Sunday) containing the day. */
export function weekRange(epoch: number): DayRange {
  const from = epoch - (weekday(epoch) - 1);
  return { from, to: from + 6 };
}

/** The season a day falls in, with the TIMEX3 year (December belongs to that year's winter). */
export function seasonOf(epoch: number): { year: number; season: Season } {
  const { year, month } = dayParts(epoch);
  if (month === 12) return { year, season: 'WI' };
  if (month <= 2) return { year: year - 1, season: 'WI' };
  return { year, season: month <= 5 ? 'SP' : month <= 8 ? 'SU' : 'FA' };
}

/**
 * The TIMEX3 value of a span: the calendar unit it is exactly, else the smallest standard unit
 * that contains it (callers keep the exact span in from/to), else an ISO 8601 interval.
 */
export function valueOfRange(range: DayRange): string {
  const { from, to } = range;
  if (!Number.isFinite(from) || !Number.isFinite(to)) return `${isoDay(from)}/${isoDay(to)}`;
  const a = dayParts(from);
  const b = dayParts(to);
  if (from === to) return isoDay(from);
  if (a.year === b.year && a.month === b.month) return `${pad(a.year, 4)}-${pad(a.month, 2)}`;
  const sa = seasonOf(from);
  const sb = seasonOf(to);
  const exact = (r: DayRange) => r.from === from && r.to === to;
  if (sa.year === sb.year && sa.season === sb.season && exact(seasonRange(sa.year, sa.season))) return `${pad(sa.year, 4)}-${sa.season}`;
  if (a.year === b.year) {
    const q = Math.floor((a.month - 1) / 3) + 1;
    if (exact(quarterRange(a.year, q))) return `${pad(a.year, 4)}-Q${q}`;
    if (exact(halfRange(a.year, a.month <= 6 ? 1 : 2))) return `${pad(a.year, 4)}-H${a.month <= 6 ? 1 : 2}`;
    return pad(a.year, 4);
  }
  if (Math.floor(a.year / 10) === Math.floor(b.year / 10)) return pad(Math.floor(a.year / 10), 3);
  if (Math.floor(a.year / 100) === Math.floor(b.year / 100)) return pad(Math.floor(a.year / 100), 2);
  return `${isoDay(from)}/${isoDay(to)}`;
}

/** Intersection of ranges, or null when empty. */
export function intersect(a: DayRange, b: DayRange): DayRange | null {
  const from = Math.max(a.from, b.from);
  const to = Math.min(a.to, b.to);
  return from <= to ? { from, to } : null;
}
