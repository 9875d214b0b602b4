/**
 * Grammar rules for relative expressions: deictic words ("yesterday", "tonight", "now"),
 * shifted units ("last winter", "next month", "this past week", "the following year"),
 * counted offsets ("seventeen years ago", "two years later", "six weeks after the election"),
 * and times of day ("22:30", "3 p.m.", "2:30 the next day").
 */
import { isUpperInitial } from '../text/chars';
import { DEICTIC, MONTHS, PARTS_OF_DAY, REFERENCES, SEASONS, WEEKDAYS } from './dateLexicon';
import { dayParts, weekday } from './calendar';
import { numberAt, touching, unitAt, type Match, type Scan } from './scan';
import { weekdayAt } from './calendarRules';
import {
  epochValue, monthValue, pointAtGranularity, relativeSeason, shift, unitContaining, type Resolved, type Resolver,
} from './values';

const relative = (start: number, end: number, resolve: Resolver, base: Match['base'] = 'document'): Match => ({ start, end, kind: 'date', base, resolve });

/** "today", "yesterday morning", "tonight", "last night", "the day before yesterday", "now", "recently". */
export function deicticAt(s: Scan, i: number): Match | null {
  const w = s.low[i];
  if (s.low[i + 1] === 'day' && s.low[i] === 'the' && (s.low[i + 2] === 'before' || s.low[i + 2] === 'after') && DEICTIC.has(s.low[i + 3])) {
    const offset = DEICTIC.get(s.low[i + 3])! + (s.low[i + 2] === 'before' ? -1 : 1);
    return relative(i, i + 4, (a) => (a === null ? null : epochValue(a + offset)));
  }
  if ((w === 'last' || w === 'this') && (s.low[i + 1] === 'night' || PARTS_OF_DAY.has(s.low[i + 1]))) {
    const part = PARTS_OF_DAY.get(s.low[i + 1])!;
    const offset = w === 'last' ? -1 : 0;
    return relative(i, i + 2, (a) => (a === null ? null : partOfDay(epochValue(a + offset), part)));
  }
  const offset = DEICTIC.get(w);
  if (offset !== undefined) {
    const part = w === 'tonight' ? 'NI' : PARTS_OF_DAY.get(s.low[i + 1]);
    const end = part && w !== 'tonight' ? i + 2 : i + 1;
    return relative(i, end, (a) => (a === null ? null : part ? partOfDay(epochValue(a + offset), part) : epochValue(a + offset)));
  }
  const ref = REFERENCES.match(s.low, i);
  // "in the past few days" is a duration, not "in the past"
  if (ref && !numberAt(s, ref.end) && !unitAt(s, ref.end)) return { start: i, end: ref.end, kind: 'date', base: 'absolute', resolve: () => ({ value: ref.data }) };
  return null;
}

const partOfDay = (r: Resolved, part: string): Resolved => ({ ...r, value: `${r.value}T${part}` });

const SHIFT_WORDS = new Map(Object.entries({ last: -1, past: -1, previous: -1, preceding: -1, this: 0, current: 0, next: 1, coming: 1, following: 1 }));
/** Words that shift a unit ("last", "next", "this"). */
export const SHIFT_WORD_LIST = [...SHIFT_WORDS.keys()];

/**
 * "last week", "this year", "next month", "this past week", "last winter", "next March", "last Friday",
 * "this weekend"; with "the": "the following day", "the previous year" hang on the previous date.
 */
export function shiftedAt(s: Scan, i: number): Match | null {
  let j = i;
  const withThe = s.low[j] === 'the';
  if (withThe) j++;
  if (s.low[j] === 'this' && s.low[j + 1] === 'past') j++;
  if (withThe && s.low[j] === 'weekend') {
    const future = s.futureAt(i);
    return relative(i, j + 1, (a) => (a === null ? null : weekendNear(a, 0, future)));
  }
  const n = SHIFT_WORDS.get(s.low[j]);
  if (n === undefined) return null;
  const target = j + 1;
  const unit = unitAt(s, target);
  const base = withThe && (s.low[j] === 'following' || s.low[j] === 'next' || s.low[j] === 'previous' || s.low[j] === 'preceding') ? 'previous' : 'document';
  if (withThe && base === 'document' && s.low[j] !== 'past' && s.low[j] !== 'last' && s.low[j] !== 'current' && s.low[j] !== 'coming') return null;
  if (unit && !unit.plural) {
    if (unit.unit === 'WE') {
      const future = s.futureAt(i);
      return relative(i, unit.end, (a) => (a === null ? null : weekendNear(a, n, future)), base);
    }
    return relative(i, unit.end, (a) => (a === null ? null : unitContaining(shift(a, unit.unit, n), unit.unit)), base);
  }
  const season = SEASONS.get(s.low[target]);
  if (season && base === 'document') return relative(i, target + 1, (a) => (a === null ? { value: `XXXX-${season}` } : relativeSeason(a, season, n)));
  const month = MONTHS.get(s.low[target]);
  if (month !== undefined && isUpperInitial(s.toks[target].text) && base === 'document') {
    return relative(i, target + 1, (a) => (a === null ? { value: `XXXX-${String(month).padStart(2, '0')}` } : monthShift(a, month, n)));
  }
  const wd = WEEKDAYS.get(s.low[target]);
  if (wd !== undefined && base === 'document') return weekdayAt(s, target, i, wd, n < 0 ? 'before' : n > 0 ? 'after' : 'thisWeek');
  return null;
}

/** "this weekend" in a past-tense sentence is the weekend just gone; "last weekend" the one before; "next weekend" the coming one. */
function weekendNear(anchor: number, n: number, future: boolean): Resolved {
  const inWeekend = weekday(anchor) >= 6;
  if (n === 0) return unitContaining(future || inWeekend ? anchor : anchor - 7, 'WE');
  if (n < 0) return unitContaining(anchor - 7, 'WE');
  return unitContaining(inWeekend ? anchor + 7 : anchor, 'WE');
}

/** "last June": the latest June before the anchor's month; "next June" the first after; "this June" the anchor year's. */
function monthShift(anchor: number, month: number, n: number): Resolved {
  const p = dayParts(anchor);
  if (n === 0) return monthValue(p.year, month);
  if (n < 0) return monthValue(month < p.month ? p.year : p.year - 1, month);
  return monthValue(month > p.month ? p.year : p.year + 1, month);
}

/** "the year before", "the day after", "the week before" (no object): relative to the previous date. */
export function neighbourAt(s: Scan, i: number): Match | null {
  if (s.low[i] !== 'the') return null;
  const unit = unitAt(s, i + 1);
  const dir = s.low[i + 2];
  if (!unit || unit.plural || (dir !== 'before' && dir !== 'after')) return null;
  const next = s.toks[i + 3];
  if (next && (next.kind === 'word' || next.kind === 'number') && next.norm !== 'and' && next.norm !== 'or') return null;
  const n = dir === 'before' ? -1 : 1;
  return relative(i, i + 3, (a) => (a === null ? null : pointAtGranularity(shift(a, unit.unit, n), unit.unit)), 'previous');
}

const OFFSET_WORDS = new Map<string, { sign: number; base: Match['base'] }>(Object.entries({
  ago: { sign: -1, base: 'document' },
  earlier: { sign: -1, base: 'previous' },
  later: { sign: 1, base: 'previous' },
  hence: { sign: 1, base: 'document' },
  before: { sign: -1, base: 'event' },
  after: { sign: 1, base: 'event' },
} as Record<string, { sign: number; base: Match['base'] }>));

/** "seventeen years ago", "a decade ago", "two years later", "six weeks after the election", "in two weeks". */
export function offsetAt(s: Scan, i: number): Match | null {
  // "in" counts only before a number and in future talk (the number is read first: it is cheaper)
  const inFuture = s.low[i] === 'in' && numberAt(s, i + 1) !== null && s.futureAt(i);
  const num = numberAt(s, inFuture ? i + 1 : i);
  if (!num || Number.isNaN(num.n)) return null;
  const unit = unitAt(s, num.end);
  if (!unit || unit.unit === 'WE' || unit.unit === 'MIN' || (unit.unit === 'H' && num.n % 24 !== 0)) return null;
  if (inFuture) {
    if (s.low[unit.end] === 'time' || s.low[unit.end] === "'" ) return null;
    return relative(i, unit.end, (a) => (a === null ? null : pointAtGranularity(shift(a, unit.unit, num.n), unit.unit)));
  }
  const word = s.low[unit.end];
  if (word === 'from' && s.low[unit.end + 1] === 'now') return relative(i, unit.end + 2, (a) => (a === null ? null : pointAtGranularity(shift(a, unit.unit, num.n), unit.unit)));
  const how = OFFSET_WORDS.get(word);
  if (!how) return null;
  const n = how.sign * num.n;
  const point: Resolver = (a) => (a === null ? null : pointAtGranularity(shift(a, unit.unit, n), unit.unit));
  if (how.base !== 'event') return relative(i, unit.end + 1, point, how.base);
  const event = s.eventAt(unit.end + 1);
  if (!event) return null;
  return { start: i, end: event.end, kind: 'date', base: 'event', event, resolve: (a) => eventPoint(event.candidates.map((c) => c.from), a, (e) => pointAtGranularity(shift(e, unit.unit, n), unit.unit)) };
}

/** Resolve against an event: with several candidate dates (terms of office), the latest one not after the anchor. */
export function eventPoint(starts: number[], anchor: number | null, at: (e: number) => Resolved): Resolved | null {
  if (starts.length === 0) return null;
  let pick = starts[0];
  for (const e of starts) if (anchor === null ? false : e <= anchor && e > pick) pick = e;
  return at(pick);
}

/** "22:30", "2:30 p.m.", "3 pm", "noon", "midnight"; followed by a day word it takes that day ("2:30 the next day"). */
export function timeAt(s: Scan, i: number, dayAt: (s: Scan, i: number) => Match | null): Match | null {
  let hour: number;
  let minute = 0;
  let end: number;
  const w = s.low[i];
  if (w === 'noon' || w === 'midnight') {
    hour = w === 'noon' ? 12 : 24;
    end = i + 1;
  } else {
    if (s.toks[i]?.kind !== 'number' || !/^\d{1,2}$/.test(w)) return null;
    hour = Number(w);
    end = i + 1;
    if (s.low[end] === ':' && touching(s, i) && touching(s, end) && /^\d{2}$/.test(s.low[end + 1] ?? '')) {
      minute = Number(s.low[end + 1]);
      end += 2;
    } else if (!isMeridiem(s.low[end])) return null;
    const meridiem = s.low[end];
    if (isMeridiem(meridiem)) {
      end++;
      if (meridiem.startsWith('p') && hour < 12) hour += 12;
      if (meridiem.startsWith('a') && hour === 12) hour = 0;
    }
    if (hour > 23 || minute > 59) return null;
  }
  const clock = `T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  const day = dayAt(s, end);
  if (day && day.kind === 'date') {
    return { start: i, end: day.end, kind: 'time', base: day.base, resolve: (a) => withClock(day.resolve(a), clock) };
  }
  return { start: i, end, kind: 'time', base: 'previous', resolve: (a) => (a === null ? { value: `XXXX-XX-XX${clock}` } : withClock(epochValue(a), clock)) };
}

const isMeridiem = (w: string | undefined) => w === 'am' || w === 'pm' || w === 'a.m.' || w === 'p.m.';

function withClock(r: Resolved | null, clock: string): Resolved | null {
  if (!r || !r.value || !/^\d{4}-\d{2}-\d{2}$/.test(r.value)) return r;
  return { ...r, value: r.value + clock };
}
