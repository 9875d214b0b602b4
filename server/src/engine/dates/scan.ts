/**
 * Shared pieces of the temporal grammar: the token view of one sentence, what a rule returns,
 * and small parsers for numbers, units, months, days and years. Every parser looks at a bounded
 * number of tokens from a position, so a scan is linear in the sentence length.
 */
import type { DateKind, Token } from '../types';
import { isUpperInitial } from '../text/chars';
import type { DayRange } from './calendar';
import { eventAtToken, eventNearToken, type DocumentEvents } from './events';
import { FUTURE_CUE, IS_ARE, numberShapeAt, PAST_AUXILIARY, sentenceWords, type SentenceWords } from './sentenceWords';
import {
  MONTH_ABBREVIATIONS, MONTHS, NON_YEAR_FOLLOWERS, NON_YEAR_LEADERS, NUMBER_WORDS, ORDINALS, UNITS, VAGUE_NUMBERS,
} from './dateLexicon';
import type { Mod, Resolver } from './values';

/** A known event (or an office holder's term) referred to in the text. */
export interface EventHit {
  /** Token index after the reference. */
  end: number;
  label: string;
  /** Possible dates of the event: one for most, one per term for "X took office". */
  candidates: DayRange[];
  /** The name itself is a date ("D-Day"). */
  named?: boolean;
  /** Token index where the event's own name starts (after any title words). */
  nameStart?: number;
}

/** A constraint on the document's date stated by the text ("now in its second month"). */
export interface DocumentConstraint {
  candidates: DayRange[];
  strength: number;
  reason: string;
}

export type Base = 'absolute' | 'document' | 'previous' | 'event';

export interface Match {
  /** Token indices in the sentence, end exclusive. */
  start: number;
  end: number;
  kind: DateKind;
  base: Base;
  resolve: Resolver;
  mod?: Mod;
  /** For base 'event': what it hangs on. */
  event?: EventHit;
  constraint?: DocumentConstraint;
}

/** The token view of one sentence that the rules read. */
export class Scan {
  readonly low: string[];
  private readonly past: boolean;
  private readonly cues: boolean;

  /** `events`/`sentence`: the document's event references and this sentence's index among them (none: no events). */
  constructor(readonly toks: Token[], readonly words: SentenceWords = sentenceWords(toks), private readonly events: DocumentEvents | null = null, private readonly sentence = -1) {
    this.low = words.low;
    this.past = (words.all & PAST_AUXILIARY) !== 0;
    this.cues = (words.all & (FUTURE_CUE | IS_ARE)) !== 0;
  }

  /** Whether the words around token i look forward (will, plans, upcoming …): month/weekday names then resolve forwards. */
  futureAt(i: number): boolean {
    const low = this.low;
    const classes = this.words.classes;
    if (DEADLINE_WORDS.has(low[i - 1]) && !this.past) return true;
    if (!this.cues) return false;
    for (let k = Math.max(0, i - FUTURE_WINDOW_BEFORE); k < Math.min(low.length, i + FUTURE_WINDOW_AFTER); k++) {
      // "will", "plans" …; "is to be held", "are to travel": a planned event
      if (classes[k] & FUTURE_CUE || (classes[k] & IS_ARE && low[k + 1] === 'to')) return true;
    }
    return false;
  }

  /** A known event referred to at token i (a name, a generic noun the document has tied to one, "X took office"). */
  eventAt(i: number): EventHit | null {
    return this.events ? eventAtToken(this.events.bySentence[this.sentence], this.toks, i) : null;
  }

  /** The event nearest to token i in this or the previous sentence, for "its second month". */
  eventNear(i: number): EventHit | null {
    return this.events ? eventNearToken(this.events, this.sentence, i) : null;
  }
}

/** "by April", "until June": a deadline looks forward. */
const DEADLINE_WORDS = new Set(['by', 'until', 'till']);

/** Future cues count within this many tokens before / after an expression. */
const FUTURE_WINDOW_BEFORE = 10;
const FUTURE_WINDOW_AFTER = 7;

/** Tokens i and i+1 touch (no space between). */
export const touching = (s: Scan, i: number) => i + 1 < s.toks.length && s.toks[i].end === s.toks[i + 1].start;

export interface NumberHit {
  /** NaN for vague amounts ("a few", "several"). */
  n: number;
  end: number;
}

/** A cardinal: digits, number words ("twenty-five", "a couple of", "a few"), not money or huge counts. */
export function numberAt(s: Scan, i: number): NumberHit | null {
  const w = s.low[i];
  if (w === undefined) return null;
  if (s.toks[i].kind === 'number') {
    // up to four digits, or digit groups ("150,000")
    const shape = numberShapeAt(s.words, i);
    if (shape === 'digits1to2' || shape === 'digits3' || shape === 'digits4') return { n: Number(w), end: i + 1 };
    return shape === 'grouped' ? { n: groupedValue(w), end: i + 1 } : null;
  }
  if (w === 'a' || w === 'an') {
    const next = s.low[i + 1];
    if (next === 'couple' && s.low[i + 2] === 'of') return { n: 2, end: i + 3 };
    if (next === 'few' || next === 'number') return { n: NaN, end: i + (next === 'number' && s.low[i + 2] === 'of' ? 3 : 2) };
    if (next === 'dozen') return { n: 12, end: i + 2 };
    return { n: 1, end: i + 1 };
  }
  if (w === 'couple' && s.low[i + 1] === 'of') return { n: 2, end: i + 2 };
  if (VAGUE_NUMBERS.has(w) && w !== 'some' && w !== 'number') return { n: NaN, end: i + 1 };
  const n = NUMBER_WORDS.get(w);
  const dash = n === undefined ? w.indexOf('-') : -1;
  if (dash > 0) {
    const tens = NUMBER_WORDS.get(w.slice(0, dash));
    const ones = NUMBER_WORDS.get(w.slice(dash + 1));
    return tens !== undefined && ones !== undefined && tens >= 20 && ones < 10 ? { n: tens + ones, end: i + 1 } : null;
  }
  if (n !== undefined && n >= 1) return { n, end: i + 1 };
  return null;
}

/** The value of "150,000" (as Number would read it without the commas; digit by digit while that is exact). */
function groupedValue(w: string): number {
  if (w.length > 15) return Number(w.replace(/,/g, ''));
  let n = 0;
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c !== 44) n = n * 10 + (c - 48);
  }
  return n;
}

/** An ordinal: "third", "3rd", "twenty-first". */
export function ordinalAt(s: Scan, i: number): NumberHit | null {
  const w = s.low[i];
  if (w === undefined) return null;
  // "3rd", "101st": up to three digits and a suffix
  if (s.toks[i].kind === 'number') return numberShapeAt(s.words, i) === 'ordinal' && w.length <= 5 ? { n: Number(w.slice(0, -2)), end: i + 1 } : null;
  const n = ORDINALS.get(w);
  return n === undefined ? null : { n, end: i + 1 };
}

export function unitAt(s: Scan, i: number): { unit: string; plural: boolean; end: number } | null {
  const w = s.low[i];
  const unit = w === undefined ? undefined : UNITS.get(w);
  if (!unit || unit === 'NI' || unit === 'SE') return null;
  return { unit, plural: w.endsWith('s') && w !== 'centuries' ? true : w === 'centuries', end: i + 1 };
}

const MONTH_CONTEXT = new Set(['in', 'since', 'by', 'until', 'till', 'early', 'late', 'mid', 'of', 'last', 'next', 'this', 'from', 'through', 'to', 'before', 'after', 'during', 'between', 'and', 'or', 'on', 'that', 'every', 'each', 'throughout', 'around', 'end', 'beginning', 'middle', 'start']);
const AMBIGUOUS_MONTHS = new Set(['may', 'march']);

/** A month name (capitalised) or abbreviation ("Sept."), with a guard for the ambiguous "May" and "March". */
export function monthAt(s: Scan, i: number): { month: number; end: number } | null {
  const w = s.low[i];
  if (w === undefined || !isUpperInitial(s.toks[i].text)) return null;
  let month = MONTHS.get(w);
  let end = i + 1;
  if (month === undefined) {
    month = MONTH_ABBREVIATIONS.get(w);
    if (month === undefined) return null;
    if (s.low[end] === '.' && touching(s, i)) end++;
    else if (!(s.toks[end]?.kind === 'number')) return null;
  }
  if (AMBIGUOUS_MONTHS.has(w)) {
    const next = s.toks[end];
    const prev = s.low[i - 1];
    if (!(next?.kind === 'number' || (prev !== undefined && MONTH_CONTEXT.has(prev)))) return null;
  }
  return { month, end };
}

/** A day of the month: 1..31, "21st". Larger numbers are not days (so "June 45" is just June). */
export function dayNumberAt(s: Scan, i: number): NumberHit | null {
  const w = s.low[i];
  if (w === undefined || s.toks[i].kind !== 'number') return null;
  const shape = numberShapeAt(s.words, i);
  // "21", "21st"
  const n = shape === 'digits1to2' ? Number(w) : shape === 'ordinal' && w.length <= 4 ? Number(w.slice(0, -2)) : NaN;
  return n >= 1 && n <= 31 ? { n, end: i + 1 } : null;
}

/**
 * A year. `inDate`: after a month or in "of 2024", where any 4-digit number is a year and 5+ digits
 * are an impossible year (n = NaN). Free-standing years must look like years: 1500..2199, not money,
 * not followed by a unit or counted noun.
 */
export function yearAt(s: Scan, i: number, inDate: boolean): NumberHit | null {
  const t = s.toks[i];
  if (!t || t.kind !== 'number') return null;
  const w = s.low[i];
  const fourDigits = numberShapeAt(s.words, i) === 'digits4';
  if (inDate) {
    if (fourDigits) return { n: Number(w), end: i + 1 };
    if (/^\d{5,6}$/.test(w)) return { n: NaN, end: i + 1 };
    return null;
  }
  if (!fourDigits) return null;
  const n = Number(w);
  if (n < 1500 || n > 2199) return null;
  const prev = s.low[i - 1];
  const next = s.low[i + 1];
  const range = (next === '-' || next === 'to' || next === 'and') && /^\d{4}$/.test(s.low[i + 2] ?? ''); // "2000 - 2050"
  if (prev !== undefined && NON_YEAR_LEADERS.has(prev) && !range) return null;
  if (next !== undefined && NON_YEAR_FOLLOWERS.has(next) && !(next === '-' && /^\d{2}(?:\d{2})?$/.test(s.low[i + 2] ?? ''))) return null;
  if (prev === '.' || prev === ',' ? /^\d/.test(s.low[i - 2] ?? '') && touching(s, i - 1) : false) return null; // "3.2025", "1,2025"
  return { n, end: i + 1 };
}

/** Skip one token if it is `word` (lower case). */
export const skip = (s: Scan, i: number, word: string) => (s.low[i] === word ? i + 1 : i);
