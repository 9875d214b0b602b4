/**
 * The temporal grammar over one sentence: at each token the rules that can open there are tried
 * (see RuleIndex), the longest match wins, and the scan continues after it. Rules look at a bounded
 * window, so the scan is linear.
 */
import { dayParts } from './calendar';
import {
  centuryAt, dateAt, decadeAt, holidayAt, positionedAt, quarterAt, seasonAt, yearOnlyAt,
} from './calendarRules';
import { durationAt, eventOrdinalAt, setAt } from './durationRules';
import { deicticAt, neighbourAt, offsetAt, shiftedAt, SHIFT_WORD_LIST, timeAt } from './relativeRules';
import { RuleIndex, type Openers, type Rule, type RuleSpec } from './ruleIndex';
import { unitAt, type Match, type Scan } from './scan';
import { numberShape, OPENS } from './sentenceWords';
import {
  APPROXIMATORS, DECADE_WORDS, DEICTIC, HOLIDAYS, MONTH_ABBREVIATIONS, MONTHS, NAMED_EVENT_FIRST_WORDS, NUMBER_WORDS, OPENERS, opensWord,
  ORDINALS, POSITION_WORDS, REFERENCES, SEASONS, UNITS, VAGUE_NUMBERS, WEEKDAYS,
} from './dateLexicon';
import { applyPosition, unitContaining, yearValue } from './values';

/** "the year", "the month" inside "the end of the year": the anchor's own unit. */
const theUnitAt: Rule = (s, i) => {
  if (s.low[i] !== 'the') return null;
  const unit = unitAt(s, i + 1);
  if (!unit || unit.plural) return null;
  return { start: i, end: unit.end, kind: 'date', base: 'document', resolve: (a) => (a === null ? null : unitContaining(a, unit.unit)) };
};

/** "year-end", "year end": the end of the anchor's year. */
const yearEndAt: Rule = (s, i) => {
  const one = s.low[i] === 'year-end';
  if (!one && !(s.low[i] === 'year' && s.low[i + 1] === 'end')) return null;
  return {
    start: i, end: one ? i + 1 : i + 2, kind: 'date', base: 'document', mod: 'END',
    resolve: (a) => (a === null ? null : applyPosition(yearValue(dayParts(a).year), 'END')),
  };
};

/** "earlier this year", "later this month": the unit, said from inside it. */
const earlierLaterAt: Rule = (s, i) => {
  if (s.low[i] !== 'earlier' && s.low[i] !== 'later') return null;
  const inner = shiftedAt(s, i + 1);
  return inner && s.low[i + 1] === 'this' ? { ...inner, start: i } : null;
};

/** Named days from the knowledge base ("D-Day", "9/11", "the fall of the Berlin Wall"). */
const namedDayAt: Rule = (s, i) => {
  const start = s.low[i] === 'the' ? i + 1 : i;
  const hit = s.eventAt(start);
  if (!hit || hit.candidates.length !== 1 || !hit.named || hit.nameStart !== start) return null;
  const day = hit.candidates[0].from;
  return { start: i, end: hit.end, kind: 'date', base: 'absolute', event: hit, resolve: () => unitContaining(day, 'D') };
};

/** What can follow a position word ("early", "the end of"). */
const positionTarget: Rule = (s, i) => dateAt(s, i) ?? decadeAt(s, i) ?? centuryAt(s, i) ?? seasonAt(s, i) ?? quarterAt(s, i) ?? yearOnlyAt(s, i) ?? shiftedAt(s, i) ?? theUnitAt(s, i);

const dayWord: Rule = (s, i) => deicticAt(s, i) ?? shiftedAt(s, i) ?? dateAt(s, i);

/** "twenty-five", "five-year": a number word before a hyphen. */
const isHyphenatedNumber = (w: string) => {
  const dash = w.indexOf('-');
  return dash > 0 && NUMBER_WORDS.has(w.slice(0, dash));
};
/** Where a cardinal can be read ("two years", "a decade", "150,000 people"): numberAt reads up to four digits or digit groups. */
const CARDINALS: Openers = { words: ['a', 'an', 'couple', ...VAGUE_NUMBERS, ...NUMBER_WORDS.keys()], numbers: ['digits1to2', 'digits3', 'digits4', 'grouped'], pattern: isHyphenatedNumber };
const ORDINAL: Openers = { words: [...ORDINALS.keys()], numbers: ['ordinal'] };
const THE = ['the'];
const NAMED_DAY: Openers = { words: NAMED_EVENT_FIRST_WORDS, numbers: NAMED_EVENT_FIRST_WORDS.filter((w) => /^\d/.test(w)).map(numberShape) };

/**
 * The rules in order of preference (on equal length the earlier wins), each with the tokens it can
 * open on; see RuleIndex. A rule's openers must cover every first token it can match at.
 */
const RULES: RuleSpec[] = [
  { rule: namedDayAt, opens: NAMED_DAY, after: { leads: THE, next: NAMED_DAY } },
  {
    rule: (s, i) => positionedAt(s, i, positionTarget),
    opens: { words: [...POSITION_WORDS.keys()], pattern: (w) => w.startsWith('mid-') && w.length > 4 },
    after: { leads: THE, next: { words: [...POSITION_WORDS.keys()] } },
  },
  // a day ("21 July", "21st of July") or an ISO date ("2017-07-21")
  { rule: dateAt, opens: { words: [...WEEKDAYS.keys(), ...MONTHS.keys(), ...MONTH_ABBREVIATIONS.keys()], numbers: ['digits1to2', 'ordinal', 'digits4'] } },
  { rule: decadeAt, opens: { numbers: ['plural'], apostrophe: true }, after: { leads: THE, next: { words: [...DECADE_WORDS.keys()], numbers: ['plural'], apostrophe: true } } },
  { rule: centuryAt, opens: ORDINAL, after: { leads: THE, next: ORDINAL } },
  { rule: seasonAt, opens: { words: [...SEASONS.keys()] }, after: { leads: THE, next: { words: [...SEASONS.keys()] } } },
  { rule: quarterAt, opens: { ...ORDINAL, words: ['q1', 'q2', 'q3', 'q4', ...ORDINALS.keys()] }, after: { leads: THE, next: ORDINAL } },
  { rule: holidayAt, opens: { words: HOLIDAYS.firstWords() } },
  { rule: (s, i) => timeAt(s, i, dayWord), opens: { words: ['noon', 'midnight'], numbers: ['digits1to2'] } },
  {
    rule: deicticAt,
    opens: { words: ['last', 'this', ...DEICTIC.keys(), ...REFERENCES.firstWords()] },
    after: { leads: THE, next: { words: ['day'] } },
  },
  { rule: earlierLaterAt, opens: { words: ['earlier', 'later'] } },
  { rule: shiftedAt, opens: { words: SHIFT_WORD_LIST }, after: { leads: THE, next: { words: [...SHIFT_WORD_LIST, 'weekend'] } } },
  { rule: neighbourAt, after: { leads: THE, next: { words: [...UNITS.keys()] } } },
  { rule: offsetAt, opens: { ...CARDINALS, words: ['in', ...CARDINALS.words!] } },
  { rule: yearEndAt, opens: { words: ['year', 'year-end'] } },
  { rule: setAt, opens: { words: ['annually', 'yearly', 'every', 'each', 'a', 'an', 'per'] } },
  { rule: eventOrdinalAt, opens: ORDINAL, after: { leads: ['the', 'its', 'their'], next: ORDINAL } },
  {
    rule: durationAt,
    opens: { ...CARDINALS, words: ['past', 'recent', ...APPROXIMATORS.firstWords(), ...UNITS.keys(), ...CARDINALS.words!] },
    after: { leads: THE, next: { words: ['past', 'last'] } },
  },
  { rule: yearOnlyAt, opens: { numbers: ['digits4'] } },
];

const INDEX = new RuleIndex(RULES, OPENERS);

/** All temporal expressions in one sentence, in order, not overlapping. */
export function scanSentence(s: Scan): Match[] {
  const out: Match[] = [];
  const classes = s.words.classes;
  for (let i = 0; i < classes.length; i++) {
    if (!(classes[i] & OPENS)) continue;
    const best = longestAt(s, i, INDEX.candidates(s, i));
    if (!best) continue;
    out.push(best);
    i = best.end - 1;
  }
  return out;
}

const EVERY_RULE = RULES.map((spec) => spec.rule);

/** The same scan trying every rule at every token that may open an expression: the reference the index is checked against in tests. */
export function scanSentenceTryingEveryRule(s: Scan): Match[] {
  const out: Match[] = [];
  for (let i = 0; i < s.toks.length; i++) {
    const t = s.toks[i];
    const opens = t.kind === 'number' || (t.kind === 'word' ? opensWord(s.low[i]) : t.norm === "'");
    const best = opens ? longestAt(s, i, EVERY_RULE) : null;
    if (!best) continue;
    out.push(best);
    i = best.end - 1;
  }
  return out;
}

/** The longest match of the rules at token i; on equal length the earlier rule. */
function longestAt(s: Scan, i: number, rules: readonly Rule[]): Match | null {
  let best: Match | null = null;
  for (const rule of rules) {
    const m = rule(s, i);
    if (m && m.end > m.start && (!best || m.end > best.end)) best = m;
  }
  return best;
}
