/**
 * TIMEX3 values of calendar units, shifts by a unit, and position modifiers (early/mid/late).
 * A `Resolved` is what one expression means for one anchor day.
 */
import {
  addMonths, dayParts, daysInMonth, epochDay, halfRange, isoDay, isValidDay, monthRange, pad, quarterRange, seasonOf, seasonRange,
  valueOfRange, weekday, weekRange, yearRange, type DayRange, type Season,
} from './calendar';

export interface Resolved {
  value: string | null;
  range?: DayRange;
  /** Why there is no value, or what was assumed. */
  note?: string;
}

export type Mod = 'START' | 'MID' | 'END' | 'APPROX' | 'LESS_THAN' | 'MORE_THAN';

/** Anchor-dependent meaning of an expression; anchor null = unknown (the value then uses X placeholders). */
export type Resolver = (anchor: number | null) => Resolved | null;

export const Y = (y: number) => pad(y, 4);

export function yearValue(year: number): Resolved {
  if (year < 1 || year > 9999) return { value: null, note: `${year} is not a valid year` };
  return { value: Y(year), range: yearRange(year) };
}

export function monthValue(year: number, month: number): Resolved {
  if (year < 1 || year > 9999) return { value: null, note: `${year} is not a valid year` };
  return { value: `${Y(year)}-${pad(month, 2)}`, range: monthRange(year, month) };
}

export function dayValue(year: number, month: number, day: number): Resolved {
  if (!isValidDay(year, month, day)) return { value: null, note: `${Y(year)}-${pad(month, 2)}-${pad(day, 2)} is not a calendar day` };
  const e = epochDay(year, month, day);
  return { value: isoDay(e), range: { from: e, to: e } };
}

export function epochValue(e: number): Resolved {
  return { value: isoDay(e), range: { from: e, to: e } };
}

export function seasonValue(year: number, season: Season): Resolved {
  return { value: `${Y(year)}-${season}`, range: seasonRange(year, season) };
}

export function quarterValue(year: number, q: number): Resolved {
  return { value: `${Y(year)}-Q${q}`, range: quarterRange(year, q) };
}

export function halfValue(year: number, h: number): Resolved {
  return { value: `${Y(year)}-H${h}`, range: halfRange(year, h) };
}

export function decadeValue(decade: number): Resolved {
  return { value: pad(decade, 3), range: { from: epochDay(decade * 10, 1, 1), to: epochDay(decade * 10 + 9, 12, 31) } };
}

export function centuryValue(century: number): Resolved {
  return { value: pad(century, 2), range: { from: epochDay(century * 100, 1, 1), to: epochDay(century * 100 + 99, 12, 31) } };
}

/** ISO week-numbering year and week of a day. */
export function isoWeek(e: number): { year: number; week: number } {
  const thursday = e + (4 - weekday(e));
  const year = dayParts(thursday).year;
  return { year, week: Math.floor((thursday - epochDay(year, 1, 1)) / 7) + 1 };
}

export function weekValue(e: number): Resolved {
  const w = isoWeek(e);
  return { value: `${Y(w.year)}-W${pad(w.week, 2)}`, range: weekRange(e) };
}

export function weekendValue(e: number): Resolved {
  const w = isoWeek(e);
  const saturday = weekRange(e).from + 5;
  return { value: `${Y(w.year)}-W${pad(w.week, 2)}-WE`, range: { from: saturday, to: saturday + 1 } };
}

/** Units of the grammar: D W M Y DE CE Q WE H MIN (see lexicon/dates.json). */
export function shift(e: number, unit: string, n: number): number {
  switch (unit) {
    case 'D': return e + n;
    case 'W': case 'WE': return e + 7 * n;
    case '2W': return e + 14 * n;
    case 'M': return addMonths(e, n);
    case 'Q': return addMonths(e, 3 * n);
    case 'Y': return addMonths(e, 12 * n);
    case 'DE': return addMonths(e, 120 * n);
    case 'CE': return addMonths(e, 1200 * n);
    case 'H': return e + Math.trunc(n / 24);
    case 'MIN': return e;
    default: return e;
  }
}

/** The calendar unit of kind `unit` that contains day e ("this month" of e). */
export function unitContaining(e: number, unit: string): Resolved {
  const p = dayParts(e);
  switch (unit) {
    case 'W': case '2W': return weekValue(e);
    case 'WE': return weekendValue(e);
    case 'M': return monthValue(p.year, p.month);
    case 'Q': return quarterValue(p.year, Math.floor((p.month - 1) / 3) + 1);
    case 'Y': return yearValue(p.year);
    case 'DE': return decadeValue(Math.floor(p.year / 10));
    case 'CE': return centuryValue(Math.floor(p.year / 100));
    default: return epochValue(e);
  }
}

/** "N units ago" is reported at the unit's own granularity, except decades and centuries (a year). */
export function pointAtGranularity(e: number, unit: string): Resolved {
  return unit === 'DE' || unit === 'CE' ? unitContaining(e, 'Y') : unitContaining(e, unit === 'H' ? 'D' : unit);
}

/** TIMEX3 duration value: P18M, P3Y, P2W, P1DE, PT5H; n NaN = unspecified (PXY). */
export function durationValue(n: number, unit: string): string {
  const count = Number.isNaN(n) ? 'X' : String(n);
  if (unit === 'H' || unit === 'MIN') return `PT${count}${unit === 'H' ? 'H' : 'M'}`;
  if (unit === '2W') return `P${Number.isNaN(n) ? 'X' : 2 * n}W`;
  if (unit === 'WE') return `P${count}WE`;
  if (unit === 'Q') return `P${Number.isNaN(n) ? 'X' : 3 * n}M`;
  return `P${count}${unit}`;
}

/** The year to give a month (or day) named without a year, seen from the anchor: past tense looks back, future forward. */
export function yearForMonth(month: number, anchor: number, future: boolean): number {
  const p = dayParts(anchor);
  if (future && month < p.month - 1) return p.year + 1;
  if (!future && month > p.month + 1) return p.year - 1;
  return p.year;
}

/** Narrow a range to its first/middle/last third for START/MID/END; the value keeps its unit. */
export function applyPosition(r: Resolved, mod: Mod | undefined): Resolved {
  if (!r.range || !mod || (mod !== 'START' && mod !== 'MID' && mod !== 'END')) return r;
  const { from, to } = r.range;
  const third = Math.max(0, Math.floor((to - from + 1) / 3));
  if (mod === 'START') return { ...r, range: { from, to: from + third - 1 } };
  if (mod === 'END') return { ...r, range: { from: to - third + 1, to } };
  return { ...r, range: { from: from + third, to: to - third } };
}

/** The season before / containing / after the anchor's season. */
export function relativeSeason(anchor: number, season: Season, offset: number): Resolved {
  const current = seasonOf(anchor);
  let year = current.year;
  const order: Season[] = ['SP', 'SU', 'FA', 'WI'];
  const here = order.indexOf(current.season);
  const there = order.indexOf(season);
  if (offset < 0) year = there < here ? current.year : current.year - 1;
  else if (offset > 0) year = there > here ? current.year : current.year + 1;
  return seasonValue(year, season);
}

export type WeekdayMode = 'onOrBefore' | 'before' | 'after' | 'thisWeek';

/** The weekday `wd` (1 = Monday) seen from the anchor day. */
export function weekdayNear(anchor: number, wd: number, mode: WeekdayMode): Resolved {
  const today = weekday(anchor);
  if (mode === 'thisWeek') return epochValue(anchor - today + wd);
  if (mode === 'onOrBefore') return epochValue(anchor - ((today - wd + 7) % 7));
  if (mode === 'before') return epochValue(anchor - (((today - wd + 7) % 7) || 7));
  return epochValue(anchor + (((wd - today + 7) % 7) || 7));
}

/** A range's value: an exact calendar unit, else the unit up to a year that contains it, else an ISO interval. */
export function rangeValue(range: DayRange): Resolved {
  const v = valueOfRange(range);
  if (v.length <= 3 && !v.includes('-')) return { value: `${isoDay(range.from)}/${isoDay(range.to)}`, range };
  return { value: v, range };
}

export const lastDayOf = (year: number, month: number) => daysInMonth(year, month);
