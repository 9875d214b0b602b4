/**
 * Grammar rules for durations ("18 months", "more than four years", "the past 30 days", "an 11-year
 * sentence"), sets and rates ("every year", "5,000 a week", "twice a week", "annually"), and
 * expressions measured from a known event ("nearly five months since X entered the White House",
 * "more than two years into the occupation", "now in its second month", "the second year of the war").
 * The event forms also state a constraint on the document's date.
 */
import { APPROXIMATORS, MONTHS, NUMBER_WORDS, SEASONS, UNITS, WEEKDAYS } from './dateLexicon';
import type { DayRange } from './calendar';
import { numberAt, ordinalAt, touching, unitAt, type EventHit, type Match, type Scan } from './scan';
import { durationValue, rangeValue, shift, type Mod, type Resolved } from './values';

const SINCE_WORDS = new Set(['since', 'into']);
const NOT_DURATION_AFTER = new Set(['ago', 'earlier', 'later', 'hence', 'before', 'after', 'old']);

/** An approximator before a number: "nearly", "more than", "about". */
function approximatorAt(s: Scan, i: number): { mod: Mod; end: number } | null {
  const a = APPROXIMATORS.match(s.low, i);
  return a ? { mod: a.data as Mod, end: a.end } : null;
}

/** "[more than] N units [since|into EVENT]", "the past N units", "N-year", "five-year", "a year and a half", "for years". */
export function durationAt(s: Scan, i: number): Match | null {
  const past = (s.low[i] === 'the' && (s.low[i + 1] === 'past' || s.low[i + 1] === 'last')) || s.low[i] === 'past' ? (s.low[i] === 'the' ? i + 2 : i + 1) : -1;
  const approx = approximatorAt(s, past >= 0 ? past : i);
  const numAt = approx ? approx.end : past >= 0 ? past : i;
  const adjectival = hyphenatedDuration(s, numAt);
  if (adjectival) return { start: i, end: adjectival.end, kind: 'duration', base: 'absolute', resolve: () => ({ value: durationValue(adjectival.n, adjectival.unit) }), mod: approx?.mod };
  const num = numberAt(s, numAt);
  if (!num) return vagueDurationAt(s, i);
  const unit = unitAt(s, num.end);
  if (!unit || unit.unit === 'WE' || (num.n !== 1 && !unit.plural && !Number.isNaN(num.n) && s.low[num.end - 1] !== '-')) return null;
  if (num.n === 1 && unit.plural) return null;
  let end = unit.end;
  let n = num.n;
  let u = unit.unit;
  if (s.low[end] === 'and' && s.low[end + 1] === 'a' && s.low[end + 2] === 'half' && !Number.isNaN(n)) {
    end += 3;
    if (u === 'Y') [n, u] = [n * 12 + 6, 'M'];
    else if (u === 'M') [n, u] = [n * 30 + 15, 'D'];
    else n += 0.5;
  }
  if (NOT_DURATION_AFTER.has(s.low[end]) || (s.low[end] === 'from' && s.low[end + 1] === 'now')) return null;
  if (num.n === 1 && num.end === numAt + 1 && (s.low[numAt] === 'a' || s.low[numAt] === 'an') && !approx && past < 0 && !durationContext(s, i)) return null;
  const value = durationValue(n, u);
  const match: Match = { start: i, end, kind: 'duration', base: past >= 0 ? 'document' : 'absolute', mod: approx?.mod, resolve: () => ({ value }) };
  if (past >= 0 || upToNow(s, i)) {
    match.base = 'document';
    match.resolve = (a) => (a === null ? { value } : { value, range: { from: Number.isNaN(n) ? -Infinity : shift(a, u, -n), to: a } });
  }
  if (SINCE_WORDS.has(s.low[end]) && !Number.isNaN(n)) {
    const event = s.eventAt(end + 1);
    if (event) {
      match.event = event;
      match.constraint = {
        candidates: event.candidates.map((c) => elapsedWindow(c.from, u, n, approx?.mod)),
        strength: 3,
        reason: `${value} ${s.low[end]} ${event.label}`,
      };
    }
  }
  return match;
}

/** "has been waging for almost 15 years": a present-perfect "for" duration runs up to the document date. */
function upToNow(s: Scan, i: number): boolean {
  if (s.low[i - 1] !== 'for') return false;
  for (let k = Math.max(0, i - 8); k < i; k++) if (s.low[k] === 'has' || s.low[k] === 'have') return s.low[k + 1] === 'been' || /ed$/.test(s.low[k + 1] ?? '');
  return false;
}

const DURATION_LEADS = new Set(['for', 'over', 'within', 'than', 'about', 'nearly', 'almost', 'lasted', 'lasting', 'took', 'spent', 'after', 'in']);
const durationContext = (s: Scan, i: number) => i > 0 && DURATION_LEADS.has(s.low[i - 1]);

/** "11-year", "five-year", "18-month" (adjectival durations). */
function hyphenatedDuration(s: Scan, i: number): { n: number; unit: string; end: number } | null {
  const w = s.low[i] ?? '';
  const dash = w.indexOf('-');
  if (dash > 0 && s.toks[i].kind === 'word') {
    const n = NUMBER_WORDS.get(w.slice(0, dash));
    const unit = UNITS.get(w.slice(dash + 1));
    if (n !== undefined && n >= 1 && unit && unit !== 'NI' && unit !== 'SE' && unit !== 'WE') return { n, unit, end: i + 1 };
    return null;
  }
  if (s.toks[i]?.kind === 'number' && /^\d{1,3}$/.test(w) && s.low[i + 1] === '-' && touching(s, i) && touching(s, i + 1)) {
    const unit = UNITS.get(s.low[i + 2]);
    if (unit && unit !== 'NI' && unit !== 'SE' && unit !== 'WE' && !s.low[i + 2].endsWith('s')) return { n: Number(w), unit, end: i + 3 };
  }
  return null;
}

/** "for years", "for decades", "in recent years", "for months": unspecified durations. */
function vagueDurationAt(s: Scan, i: number): Match | null {
  const recent = s.low[i] === 'recent' ? i + 1 : -1;
  const at = recent >= 0 ? recent : i;
  const unit = unitAt(s, at);
  if (!unit || !unit.plural || unit.unit === 'WE' || unit.unit === 'H' || unit.unit === 'MIN') return null;
  if (recent < 0 && s.low[i - 1] !== 'for') return null;
  const value = durationValue(NaN, unit.unit);
  return { start: i, end: unit.end, kind: 'duration', base: 'absolute', resolve: () => ({ value }) };
}

/** When the document is, if `n` units (with a modifier) have passed since `start`. */
export function elapsedWindow(start: number, unit: string, n: number, mod: Mod | undefined): DayRange {
  const at = (k: number) => shift(start, unit, k);
  switch (mod) {
    case 'LESS_THAN': return { from: at(n - 1), to: at(n) };
    case 'MORE_THAN': return { from: at(n), to: at(n + 1) };
    case 'APPROX': return { from: at(n - 1), to: at(n + 1) };
    default: return { from: at(n), to: at(n + 1) - 1 };
  }
}

/** "every year", "each Monday", "every other week", "annually", and rates: "5,000 a week", "twice a week". */
export function setAt(s: Scan, i: number): Match | null {
  const w = s.low[i];
  if (w === 'annually' || w === 'yearly') return set(i, i + 1, 'XXXX');
  if (w === 'every' || w === 'each') {
    const j = s.low[i + 1] === 'other' ? i + 2 : i + 1;
    const value = setValue(s, j);
    return value ? set(i, j + 1, value) : null;
  }
  if ((w === 'a' || w === 'an' || w === 'per') && i > 0) {
    const prev = s.toks[i - 1];
    const rate = prev.kind === 'number' || prev.norm === '%' || ['once', 'twice', 'times', 'percent', 'thrice'].includes(s.low[i - 1]);
    const unit = unitAt(s, i + 1);
    if (rate && unit && !unit.plural && unit.unit !== 'WE') return set(i, unit.end, durationValue(1, unit.unit));
  }
  return null;
}

const set = (start: number, end: number, value: string): Match => ({ start, end, kind: 'set', base: 'absolute', resolve: () => ({ value }) });

function setValue(s: Scan, j: number): string | null {
  const w = s.low[j];
  const unit = unitAt(s, j);
  if (unit && !unit.plural) return ({ D: 'XXXX-XX-XX', W: 'XXXX-WXX', M: 'XXXX-XX', Y: 'XXXX', DE: 'P1DE', CE: 'P1CE', Q: 'XXXX-QX', WE: 'XXXX-WXX-WE' } as Record<string, string>)[unit.unit] ?? null;
  const wd = WEEKDAYS.get(w);
  if (wd !== undefined) return `XXXX-WXX-${wd}`;
  const month = MONTHS.get(w);
  if (month !== undefined) return `XXXX-${String(month).padStart(2, '0')}`;
  const season = SEASONS.get(w);
  return season ? `XXXX-${season}` : null;
}

/**
 * "(now) in its second month", "the second year of the war", "the strike's fifth week", "the tenth anniversary of X".
 * The span of the k-th unit after the event's start; "its"/"now" forms also date the document.
 */
export function eventOrdinalAt(s: Scan, i: number): Match | null {
  const its = s.low[i] === 'its' || s.low[i] === 'their';
  const j = its || s.low[i] === 'the' ? i + 1 : i;
  const o = ordinalAt(s, j);
  if (!o || o.n < 1 || o.n > 200) return null;
  const word = s.low[o.end];
  const anniversary = word === 'anniversary';
  const unit = anniversary ? { unit: 'Y', plural: false, end: o.end + 1 } : unitAt(s, o.end);
  if (!unit || unit.plural || unit.unit === 'WE' || unit.unit === 'Q' || unit.unit === 'H' || unit.unit === 'MIN') return null;
  let event: EventHit | null = null;
  let end = unit.end;
  if (s.low[end] === 'of') {
    event = s.eventAt(end + 1);
    if (event) end = event.end;
  } else if (its) event = s.eventNear(i);
  if (!event) return null;
  const k = o.n;
  const u = unit.unit;
  const window = (start: number): DayRange => (anniversary ? { from: shift(start, u, k), to: shift(start, u, k) } : { from: shift(start, u, k - 1), to: shift(start, u, k) - 1 });
  const match: Match = {
    start: i, end, kind: 'date', base: 'event', event,
    resolve: (a) => pickWindow(event!.candidates.map((c) => window(c.from)), a),
  };
  const sentence = s.low.join(' ');
  const present = its && (/\b(now|currently|is|enters|entering)\b/.test(sentence) || s.low[i - 1] === 'into' || s.low[i - 1] === 'in');
  if (present || (anniversary && /\b(marks|marking|marked|today|commemorat\w*|celebrat\w*)\b/.test(sentence))) {
    const slack = anniversary ? 31 : shift(0, u, 1) / 4;
    match.constraint = {
      candidates: event.candidates.map((c) => {
        const w = window(c.from);
        return { from: w.from - (anniversary ? slack : 0), to: w.to + Math.round(slack) };
      }),
      strength: 3,
      reason: `the ${o.n}${suffix(o.n)} ${anniversary ? 'anniversary' : unitName(u)} of ${event.label}`,
    };
  }
  return match;
}

/** Among candidate windows, the latest one starting on or before the anchor (else the first). */
function pickWindow(windows: DayRange[], anchor: number | null): Resolved | null {
  let pick = windows[0];
  for (const w of windows) if (anchor !== null && w.from <= anchor && w.from > pick.from) pick = w;
  return pick ? rangeValue(pick) : null;
}

const suffix = (n: number) => (n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
const unitName = (u: string) => ({ D: 'day', W: 'week', M: 'month', Y: 'year', DE: 'decade', CE: 'century' } as Record<string, string>)[u] ?? u;
