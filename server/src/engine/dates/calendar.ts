/**
 * Calendar arithmetic on epoch days (whole days since 1970-01-01, UTC) and the TIMEX3 value of a
 * calendar span. Ranges are inclusive [from, to]; an open end is -Infinity / +Infinity.
 */

export interface DayRange {
  from: number;
  to: number;
}

export const OPEN: DayRange = { from: -Infinity, to: Infinity };

const MS_PER_DAY = 86_400_000;

export function isValidDay(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Epoch day of a calendar day; month may overflow (13 = January next year), the Date rules apply. */
export function epochDay(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / MS_PER_DAY);
}

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

export function dayParts(epoch: number): CalendarDay {
  const d = new Date(epoch * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO day "2025-06-01"; an open end is "..". */
export function isoDay(epoch: number): string {
  if (!Number.isFinite(epoch)) return '..';
  const p = dayParts(epoch);
  return `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
}

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
  const d = new Date(epoch * MS_PER_DAY).getUTCDay();
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
