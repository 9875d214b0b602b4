/**
 * Grammar rules for calendar expressions: full and partial dates ("Friday, July 21, 2017", "June 1",
 * "15 June 2025", "September 2010"), years, decades ("the 1980s", "the sixties"), centuries,
 * seasons, quarters, halves, holidays and weekdays, with position modifiers ("early June",
 * "the end of February", "late 2024", "mid-2024"). Partial dates resolve against the anchor.
 */
import { isUpperInitial } from '../text/chars';
import { DECADE_WORDS, HOLIDAYS, MONTHS, PARTS_OF_DAY, POSITION_WORDS, SEASONS, WEEKDAYS } from './dateLexicon';
import type { Season } from './calendar';
import { dayParts } from './calendar';
import { dayNumberAt, monthAt, ordinalAt, skip, touching, yearAt, type Match, type Scan } from './scan';
import {
  applyPosition, centuryValue, dayValue, decadeValue, halfValue, monthValue, quarterValue, relativeSeason, seasonValue,
  weekdayNear, yearForMonth, yearValue, type Mod, type Resolved, type Resolver, type WeekdayMode,
} from './values';

const absolute = (start: number, end: number, r: Resolved): Match => ({ start, end, kind: 'date', base: 'absolute', resolve: () => r });
const relative = (start: number, end: number, resolve: Resolver): Match => ({ start, end, kind: 'date', base: 'document', resolve });

/** "July 21, 2017", "21 July 2017", "July 2017", "July 21", "Friday, July 21, 2017", "2017-07-21". */
export function dateAt(s: Scan, i: number): Match | null {
  let j = i;
  const wd = WEEKDAYS.get(s.low[j]);
  const hasWeekday = wd !== undefined && isUpperInitial(s.toks[j].text);
  if (hasWeekday) j = skip(s, j + 1, ',');
  const m = monthAt(s, j);
  if (m) {
    const day = dayNumberAt(s, m.end);
    if (day && !(s.low[day.end] === ':' || s.low[day.end] === '.' && /^\d/.test(s.low[day.end + 1] ?? ''))) {
      const y = yearAt(s, skip(s, day.end, ','), true);
      if (y) return absolute(i, y.end, Number.isNaN(y.n) ? { value: null, note: `${s.toks[y.end - 1].text} is not a valid year` } : dayValue(y.n, m.month, day.n));
      return monthDay(s, i, day.end, m.month, day.n);
    }
    const y = yearAt(s, skip(s, skip(s, m.end, ','), 'of'), true);
    if (y) return absolute(i, y.end, Number.isNaN(y.n) ? { value: null, note: `${s.toks[y.end - 1].text} is not a valid year` } : monthValue(y.n, m.month));
    if (hasWeekday) return null;
    return relative(i, m.end, (a) => (a === null ? { value: `XXXX-${pad2(m.month)}` } : monthValue(yearForMonth(m.month, a, s.futureAt(i)), m.month)));
  }
  const day = dayNumberAt(s, j);
  if (day) {
    const k = skip(s, day.end, 'of');
    const m2 = monthAt(s, k);
    if (m2) {
      const y = yearAt(s, skip(s, m2.end, ','), true);
      if (y) return absolute(i, y.end, Number.isNaN(y.n) ? { value: null, note: `${s.toks[y.end - 1].text} is not a valid year` } : dayValue(y.n, m2.month, day.n));
      return monthDay(s, i, m2.end, m2.month, day.n);
    }
  }
  if (hasWeekday) return weekdayAt(s, i, i, wd!, 'near');
  return isoDateAt(s, i);
}

function monthDay(s: Scan, start: number, end: number, month: number, day: number): Match {
  const future = s.futureAt(start);
  return relative(start, end, (a) => {
    if (a === null) return day <= 31 ? { value: `XXXX-${pad2(month)}-${pad2(day)}` } : null;
    return dayValue(yearForMonth(month, a, future), month, day);
  });
}

/** "2025-06-15" written without spaces. */
function isoDateAt(s: Scan, i: number): Match | null {
  if (!/^\d{4}$/.test(s.low[i] ?? '') || s.low[i + 1] !== '-' || !touching(s, i) || !touching(s, i + 1)) return null;
  if (!/^\d{2}$/.test(s.low[i + 2] ?? '')) return null;
  const year = Number(s.low[i]);
  const month = Number(s.low[i + 2]);
  if (s.low[i + 3] === '-' && touching(s, i + 2) && touching(s, i + 3) && /^\d{2}$/.test(s.low[i + 4] ?? '')) {
    return absolute(i, i + 5, month >= 1 && month <= 12 ? dayValue(year, month, Number(s.low[i + 4])) : { value: null, note: 'not a calendar day' });
  }
  return month >= 1 && month <= 12 ? absolute(i, i + 3, monthValue(year, month)) : null;
}

/** Weekday on its own ("on Tuesday", "Tuesday night"): the nearest one on/before the anchor, after it in future sentences. */
export function weekdayAt(s: Scan, i: number, start: number, wd: number, mode: WeekdayMode | 'near'): Match {
  let end = i + 1;
  const part = PARTS_OF_DAY.get(s.low[end]);
  if (part) end++;
  const how: WeekdayMode = mode === 'near' ? (s.futureAt(i) ? 'after' : 'onOrBefore') : mode;
  return relative(start, end, (a) => {
    if (a === null) return { value: `XXXX-WXX-${wd}${part ? 'T' + part : ''}` };
    const r = weekdayNear(a, wd, how);
    return part ? { ...r, value: `${r.value}T${part}` } : r;
  });
}

/** A free-standing year ("in 2014", "the 2018 World Cup"). */
export function yearOnlyAt(s: Scan, i: number): Match | null {
  const y = yearAt(s, i, false);
  return y ? absolute(i, y.end, yearValue(y.n)) : null;
}

/** "the 1980s", "1980s", "the '90s", "the sixties". */
export function decadeAt(s: Scan, i: number): Match | null {
  const j = skip(s, i, 'the');
  const w = s.low[j] ?? '';
  let m = /^(\d{3})0s$/.exec(w);
  if (m) return absolute(i === j ? i : i, j + 1, decadeValue(Number(m[1])));
  if (w === "'" && touching(s, j)) {
    m = /^(\d)0s$/.exec(s.low[j + 1] ?? '');
    if (m) return absolute(i, j + 2, decadeValue((Number(m[1]) >= 3 ? 190 : 200) + Number(m[1])));
  }
  const d = DECADE_WORDS.get(w);
  if (d !== undefined && j > i) return absolute(i, j + 1, decadeValue(190 + d));
  return null;
}

/** "the 20th century", "the twenty-first century". */
export function centuryAt(s: Scan, i: number): Match | null {
  const j = skip(s, i, 'the');
  const o = ordinalAt(s, j);
  if (!o || (s.low[o.end] !== 'century' && !(s.low[o.end] === '-' && s.low[o.end + 1] === 'century'))) return null;
  const end = s.low[o.end] === 'century' ? o.end + 1 : o.end + 2;
  return o.n >= 1 && o.n <= 100 ? absolute(i, end, centuryValue(o.n - 1)) : null;
}

const SEASON_LEADS = new Set(['in', 'during', 'this', 'last', 'next', 'the', 'early', 'late', 'mid', 'since', 'by', 'until', 'over', 'through', 'throughout', 'past', 'coming', 'of']);

/** "the fall of 2022", "spring 2023", "summer"; "fall" needs a year or a lead word. */
export function seasonAt(s: Scan, i: number): Match | null {
  const j = skip(s, i, 'the');
  const season = SEASONS.get(s.low[j]);
  if (!season) return null;
  const y = yearAt(s, skip(s, j + 1, 'of'), true);
  if (y && !Number.isNaN(y.n)) return absolute(i, y.end, seasonValue(y.n, season));
  const lead = j > i ? 'the' : s.low[i - 1];
  if (lead === undefined || !SEASON_LEADS.has(lead) || (s.low[j] === 'fall' && j === i)) return null;
  if (s.low[j + 1] === 'of') return null; // "the fall of the Berlin Wall"
  return relative(i, j + 1, (a) => (a === null ? { value: `XXXX-${season}` } : seasonNear(a, season, s.futureAt(i))));
}

/** The season named without a year: the current or latest one (past), the current or next one (future). */
function seasonNear(anchor: number, season: Season, future: boolean): Resolved {
  const current = relativeSeason(anchor, season, 0);
  if (current.range && current.range.from <= anchor && anchor <= current.range.to) return current;
  return relativeSeason(anchor, season, future ? 1 : -1);
}

/** "Q1 2025", "the first quarter of 2025", "the third quarter", "the first half of 2025". */
export function quarterAt(s: Scan, i: number): Match | null {
  const q = /^q([1-4])$/.exec(s.low[i] ?? '');
  if (q) {
    const y = yearAt(s, i + 1, true);
    if (y && !Number.isNaN(y.n)) return absolute(i, y.end, quarterValue(y.n, Number(q[1])));
    return relative(i, i + 1, (a) => (a === null ? { value: `XXXX-Q${q[1]}` } : quarterValue(dayParts(a).year, Number(q[1]))));
  }
  const j = skip(s, i, 'the');
  const o = ordinalAt(s, j);
  const unit = s.low[o ? o.end : j];
  if (!o || (unit !== 'quarter' && unit !== 'half')) return null;
  const max = unit === 'quarter' ? 4 : 2;
  if (o.n < 1 || o.n > max) return null;
  const make = (year: number) => (unit === 'quarter' ? quarterValue(year, o.n) : halfValue(year, o.n));
  const afterOf = skip(s, o.end + 1, 'of');
  if (afterOf > o.end + 1) {
    const y = yearAt(s, afterOf, true);
    if (y && !Number.isNaN(y.n)) return absolute(i, y.end, make(y.n));
    if (s.low[afterOf] === 'the' && s.low[afterOf + 1] === 'year') return relative(i, afterOf + 2, (a) => (a === null ? null : make(dayParts(a).year)));
    if (unit === 'half') return null; // "the first half of the match"
  }
  return relative(i, o.end + 1, (a) => (a === null ? { value: `XXXX-${unit === 'quarter' ? 'Q' : 'H'}${o.n}` } : make(dayParts(a).year)));
}

/** "Christmas", "New Year's Eve 2024". */
export function holidayAt(s: Scan, i: number): Match | null {
  const h = HOLIDAYS.match(s.low, i);
  if (!h || !isUpperInitial(s.toks[i].text)) return null;
  const [month, day] = h.data.split('-').map(Number);
  const y = yearAt(s, h.end, true);
  if (y && !Number.isNaN(y.n)) return absolute(i, y.end, dayValue(y.n, month, day));
  return relative(i, h.end, (a) => (a === null ? { value: `XXXX-${h.data}` } : dayValue(yearForMonth(month, a, s.futureAt(i)), month, day)));
}

const NOUN_POSITIONS = new Set(['beginning', 'start', 'end', 'middle', 'close', 'turn', 'dawn', 'outset']);

/**
 * A position inside a period: "early June", "late 2024", "mid-2024", "the end of February",
 * "the beginning of 2019", "the middle of March", "the early 1990s". Narrows from/to; keeps the value.
 */
export function positionedAt(s: Scan, i: number, inner: (s: Scan, i: number) => Match | null): Match | null {
  const w = s.low[i] ?? '';
  if (w.startsWith('mid-') && w.length > 4) return midHyphen(s, i);
  let j = skip(s, i, 'the');
  const mod = POSITION_WORDS.get(s.low[j]) as Mod | undefined;
  if (!mod) return null;
  if (NOUN_POSITIONS.has(s.low[j])) {
    if (j === i || s.low[j + 1] !== 'of') return null;
    j += 2;
  } else j += 1;
  const target = inner(s, j);
  if (!target) return null;
  const resolve: Resolver = (a) => {
    const r = target.resolve(a);
    return r ? applyPosition(r, mod) : r;
  };
  return { ...target, start: i, resolve, mod };
}

/** "mid-2024", "mid-June" (one token). */
function midHyphen(s: Scan, i: number): Match | null {
  const rest = s.toks[i].text.slice(4);
  if (/^\d{4}$/.test(rest)) return { ...absolute(i, i + 1, applyPosition(yearValue(Number(rest)), 'MID')), mod: 'MID' };
  const month = monthAtWord(rest);
  if (!month) return null;
  const y = yearAt(s, i + 1, true);
  if (y && !Number.isNaN(y.n)) return { ...absolute(i, y.end, applyPosition(monthValue(y.n, month), 'MID')), mod: 'MID' };
  return { ...relative(i, i + 1, (a) => (a === null ? { value: `XXXX-${pad2(month)}` } : applyPosition(monthValue(yearForMonth(month, a, s.futureAt(i)), month), 'MID'))), mod: 'MID' };
}

function monthAtWord(word: string): number | undefined {
  return isUpperInitial(word) ? MONTHS.get(word.toLowerCase()) : undefined;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
