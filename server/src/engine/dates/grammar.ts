/**
 * The temporal grammar over one sentence: at each token every rule is tried, the longest match
 * wins, and the scan continues after it. Rules look at a bounded window, so the scan is linear.
 */
import { dayParts } from './calendar';
import {
  centuryAt, dateAt, decadeAt, holidayAt, positionedAt, quarterAt, seasonAt, yearOnlyAt,
} from './calendarRules';
import { durationAt, eventOrdinalAt, setAt } from './durationRules';
import { deicticAt, neighbourAt, offsetAt, shiftedAt, timeAt } from './relativeRules';
import { unitAt, type Match, type Scan } from './scan';
import { NUMBER_WORDS, openingWords, ORDINALS } from './dateLexicon';
import { applyPosition, unitContaining, yearValue } from './values';

type Rule = (s: Scan, i: number) => Match | null;

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

const RULES: Rule[] = [
  namedDayAt,
  (s, i) => positionedAt(s, i, positionTarget),
  dateAt, decadeAt, centuryAt, seasonAt, quarterAt, holidayAt,
  (s, i) => timeAt(s, i, dayWord),
  deicticAt, earlierLaterAt, shiftedAt, neighbourAt, offsetAt, yearEndAt,
  setAt, eventOrdinalAt, durationAt, yearOnlyAt,
];

/** Words that can open a temporal expression (besides numbers), from the grammar's own lexicons. */
const OPENERS = new Set([
  'the', 'this', 'last', 'next', 'past', 'previous', 'preceding', 'following', 'coming', 'current', 'early', 'late', 'mid', 'middle',
  'beginning', 'start', 'end', 'earlier', 'later', 'year', 'year-end', 'every', 'each', 'annually', 'yearly', 'a', 'an', 'per', 'its', 'their',
  'in', 'recent', 'noon', 'midnight', 'few', 'several', 'many', 'couple', 'for',
  ...openingWords(),
]);

function mayOpen(s: Scan, i: number): boolean {
  const t = s.toks[i];
  if (t.kind === 'number') return true;
  if (t.kind !== 'word') return t.norm === "'";
  const w = s.low[i];
  if (OPENERS.has(w)) return true;
  const dash = w.indexOf('-');
  return dash > 0 && (w.startsWith('mid-') || NUMBER_WORDS.has(w.slice(0, dash)) || ORDINALS.has(w)) || (w.length === 2 && w[0] === 'q');
}

/** All temporal expressions in one sentence, in order, not overlapping. */
export function scanSentence(s: Scan): Match[] {
  const out: Match[] = [];
  for (let i = 0; i < s.toks.length; i++) {
    if (!mayOpen(s, i)) continue;
    let best: Match | null = null;
    for (const rule of RULES) {
      const m = rule(s, i);
      if (m && m.end > m.start && (!best || m.end > best.end)) best = m;
    }
    if (!best) continue;
    out.push(best);
    i = best.end - 1;
  }
  return out;
}
