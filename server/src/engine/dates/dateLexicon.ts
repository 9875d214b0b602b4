/**
 * The word lists of the temporal grammar (lexicon/dates.json) and the event knowledge base
 * (lexicon/events.json), loaded once into maps, plus a token-phrase matcher for multi-word names.
 */
import words from '../lexicon/dates.json';
import knowledge from '../lexicon/events.json';
import { tokenize } from '../text/tokenize';
import { parseIsoDay, type DayRange } from './calendar';
import type { Season } from './calendar';

const toMap = <T>(o: Record<string, T>) => new Map(Object.entries(o));

export const MONTHS = toMap<number>(words.months);
export const MONTH_ABBREVIATIONS = toMap<number>(words.monthAbbreviations);
export const WEEKDAYS = toMap<number>(words.weekdays);
export const NUMBER_WORDS = toMap<number>(words.numbers);
export const VAGUE_NUMBERS = new Set(words.vagueNumbers);
export const ORDINALS = toMap<number>(words.ordinals);
export const DECADE_WORDS = toMap<number>(words.decadeWords);
export const UNITS = toMap<string>(words.units);
export const SEASONS = toMap<Season>(words.seasons as Record<string, Season>);
export const PARTS_OF_DAY = toMap<string>(words.partsOfDay);
export const POSITION_WORDS = toMap<string>(words.positionWords);
export const DEICTIC = toMap<number>(words.deictic);
export const FUTURE_CUES = new Set(words.futureCues);
export const NON_YEAR_FOLLOWERS = new Set(words.nonYearFollowers);
export const NON_YEAR_LEADERS = new Set(words.nonYearLeaders);

/** Multi-word phrases keyed by their first token (lower-case norm); longest first. */
export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, { tokens: string[]; data: T }[]>();

  add(phrase: string, data: T): void {
    const tokens = tokenize(phrase).map((t) => t.norm.toLowerCase());
    if (tokens.length === 0) return;
    const list = this.byFirst.get(tokens[0]) ?? [];
    list.push({ tokens, data });
    list.sort((a, b) => b.tokens.length - a.tokens.length);
    this.byFirst.set(tokens[0], list);
  }

  /** The first words (lower case) of the phrases. */
  firstWords(): string[] {
    return [...this.byFirst.keys()];
  }

  /** The longest phrase starting at low[i]: its data and the index after it. */
  match(low: string[], i: number): { end: number; data: T } | null {
    const list = this.byFirst.get(low[i]);
    if (!list) return null;
    for (const { tokens, data } of list) {
      if (i + tokens.length > low.length) continue;
      let k = 1;
      while (k < tokens.length && low[i + k] === tokens[k]) k++;
      if (k === tokens.length) return { end: i + k, data };
    }
    return null;
  }
}

const phraseIndex = <T>(entries: [string, T][]): PhraseIndex<T> => {
  const index = new PhraseIndex<T>();
  for (const [phrase, data] of entries) index.add(phrase, data);
  return index;
};

export const APPROXIMATORS = phraseIndex(Object.entries(words.approximators));
export const REFERENCES = phraseIndex(Object.entries(words.references));
export const HOLIDAYS = phraseIndex(Object.entries(words.holidays));

// ---------------------------------------------------------------- knowledge base

export interface KnownEvent {
  id: string;
  label: string;
  kind: string;
  range: DayRange;
  /** The name itself is a date expression ("D-Day"). */
  named: boolean;
  generic: string[];
  cues: string[];
}

export interface OfficeHolder {
  id: string;
  office: string;
  body: string;
  terms: DayRange[];
}

function rangeOf(start: string, end?: string | null): DayRange {
  const from = parseIsoDay(start);
  if (Number.isNaN(from)) throw new Error(`events.json: bad date ${start}`);
  const to = end ? parseIsoDay(end) : Infinity;
  return { from, to: Number.isNaN(to) ? Infinity : to };
}

export const EVENTS: KnownEvent[] = knowledge.events.map((e) => ({
  id: e.id,
  label: e.label,
  kind: e.kind,
  // a one-day event covers its start day; an ongoing one (no end) is open
  range: rangeOf(e.start, 'end' in e ? e.end : e.kind === 'day' ? e.start : null),
  named: 'named' in e ? !!e.named : false,
  generic: e.generic,
  cues: e.cues,
}));

export const EVENT_NAMES = phraseIndex(knowledge.events.flatMap((e, i) => e.names.map((n): [string, KnownEvent] => [n, EVENTS[i]])));

export const OFFICE_HOLDERS: OfficeHolder[] = knowledge.officeHolders.map((o) => ({
  id: o.id,
  office: o.office,
  body: o.body,
  terms: o.terms.map((t) => rangeOf(t.start, t.end)),
}));

export const OFFICE_HOLDER_NAMES = phraseIndex(knowledge.officeHolders.flatMap((o, i) => o.names.map((n): [string, OfficeHolder] => [n, OFFICE_HOLDERS[i]])));
export const OFFICE_START_PHRASES = phraseIndex(knowledge.officeStartPhrases.map((p): [string, true] => [p, true]));
export const ORDINAL_TERM_WORDS = new Set(knowledge.ordinalTermWords);

/** Generic nouns ("war", "invasion") that can refer back to a known event. */
export const GENERIC_EVENT_NOUNS = phraseIndex([...new Set(EVENTS.flatMap((e) => e.generic))].map((g): [string, string] => [g, g]));

const firstWord = (phrase: string) => tokenize(phrase)[0]?.norm.toLowerCase() ?? '';

/** First words (lower case) of the names of named days ("d-day", "9" of "9/11"). */
export const NAMED_EVENT_FIRST_WORDS = knowledge.events.filter((e) => 'named' in e && e.named).flatMap((e) => e.names.map(firstWord));

/** First words (lower case) of every listed word and phrase: where an expression may start. */
export function openingWords(): string[] {
  return [
    ...MONTHS.keys(), ...MONTH_ABBREVIATIONS.keys(), ...WEEKDAYS.keys(), ...NUMBER_WORDS.keys(), ...ORDINALS.keys(), ...DECADE_WORDS.keys(),
    ...SEASONS.keys(), ...POSITION_WORDS.keys(), ...DEICTIC.keys(), ...VAGUE_NUMBERS,
    ...NAMED_EVENT_FIRST_WORDS,
    ...APPROXIMATORS.firstWords(), ...REFERENCES.firstWords(), ...HOLIDAYS.firstWords(),
  ];
}

/** Words that make an event the likely topic of a document (see events.json "cues"). */
export const CUE_WORDS = new Set(EVENTS.flatMap((e) => e.cues));

/** Words that can open a temporal expression (besides numbers), from the grammar's own lexicons. */
export const OPENERS = new Set([
  'the', 'this', 'last', 'next', 'past', 'previous', 'preceding', 'following', 'coming', 'current', 'early', 'late', 'mid', 'middle',
  'beginning', 'start', 'end', 'earlier', 'later', 'year', 'year-end', 'every', 'each', 'annually', 'yearly', 'a', 'an', 'per', 'its', 'their',
  'in', 'recent', 'noon', 'midnight', 'few', 'several', 'many', 'couple', 'for',
  ...openingWords(),
]);

/** Whether a word token may open an expression at all. */
export function opensWord(w: string): boolean {
  if (OPENERS.has(w)) return true;
  const dash = w.indexOf('-');
  return dash > 0 && (w.startsWith('mid-') || NUMBER_WORDS.has(w.slice(0, dash)) || ORDINALS.has(w)) || (w.length === 2 && w[0] === 'q');
}
