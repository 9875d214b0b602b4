/**
 * Contradiction rules for two claims already judged to be about the same thing:
 *  - quantities of the same unit that disagree beyond what their comparators allow;
 *  - the same subject with opposite polarity of the same predicate, or antonym predicates;
 *  - elapsed-time statements ("in its second month") that disagree once the documents' dates apply.
 * Scope by time: claims naming different years or dates, or documents far apart in time, describe a change.
 */
import type { Contradiction, Quantity } from '../types';
import { claimsLexicon } from './claimsLexicon';
import type { ClaimSignature, SignedFrame } from './claimSignature';
import { agentsConflict, frameAgreement, sharedNouns } from './frameMatch';

type Verdict = Omit<Contradiction, 'a' | 'b'>;

const DAY = 86_400_000;
const STATE_CHANGE_DAYS = 120;

export function judgePair(a: ClaimSignature, b: ClaimSignature, topic: number): Verdict | null {
  return temporal(a, b) ?? quantities(a, b, topic) ?? polarity(a, b);
}

function differentYears(a: ClaimSignature, b: ClaimSignature): string | null {
  const ya = a.claim.years ?? [];
  const yb = b.claim.years ?? [];
  if (ya.length === 0 || yb.length === 0) return ya.length !== yb.length ? 'one statement is scoped to a period the other does not name' : null;
  return ya.some((y) => yb.includes(y)) ? null : `different periods (${ya.join(', ')} vs ${yb.join(', ')})`;
}

/** Both claims name dates and none of one's overlaps one of the other's: two moments, not one fact ("40 on April 18" / "52 on April 20"). */
function differentDates(a: ClaimSignature, b: ClaimSignature): string | null {
  const wa = a.claim.when ?? [];
  const wb = b.claim.when ?? [];
  if (wa.length === 0 || wb.length === 0 || wa.some((x) => wb.some((y) => overlap(x, y)))) return null;
  return `different dates (${wa.map(shortRange).join(', ')} vs ${wb.map(shortRange).join(', ')})`;
}

/** Whether two ISO 8601 intervals of days ("2024-04-01/2024-04-30") share a day. */
function overlap(x: string, y: string): boolean {
  const [xFrom, xTo] = x.split('/');
  const [yFrom, yTo] = y.split('/');
  return xFrom <= yTo && yFrom <= xTo;
}

const shortRange = (range: string) => {
  const [from, to] = range.split('/');
  return from === to ? from : range;
};

/** Why two claims are about different times, if they are: different years named, else different dates. */
function differentTimes(a: ClaimSignature, b: ClaimSignature): string | null {
  return differentYears(a, b) ?? differentDates(a, b);
}

function daysApart(a: ClaimSignature, b: ClaimSignature): number | null {
  if (!a.date || !b.date) return null;
  return Math.abs(Date.parse(a.date.from) - Date.parse(b.date.from)) / DAY;
}

function quantities(a: ClaimSignature, b: ClaimSignature, topic: number): Verdict | null {
  const qas = a.claim.quantities;
  const qbs = b.claim.quantities;
  for (let i = 0; i < qas.length; i++) {
    for (let j = 0; j < qbs.length; j++) {
      const [qa, qb] = [qas[i], qbs[j]];
      if (!qa.unit || qa.unit !== qb.unit || ['years', 'months', 'weeks', 'days', 'hours'].includes(qa.unit)) continue;
      if (compatible(qa, qb) || !aboutTheSameThing(a, b, new Set([a.counted[i], b.counted[j]]))) continue;
      const reason = `${qa.text} vs ${qb.text}`;
      const period = differentTimes(a, b);
      if (period) return { type: 'change', reason: `${reason}: ${period}`, confidence: round(0.3 * topic) };
      const hedge = a.claim.hedged || b.claim.hedged ? 0.6 : 1;
      const undated = a.date && b.date ? 1 : 0.8;
      return { type: 'contradiction', reason: `the figures disagree: ${reason}`, confidence: round(Math.min(1, 0.35 + topic) * hedge * undated) };
    }
  }
  return null;
}

/** Whether two quantities can describe the same number. */
export function compatible(a: Quantity, b: Quantity): boolean {
  const [lo1, hi1] = range(a);
  const [lo2, hi2] = range(b);
  return lo1 <= hi2 && lo2 <= hi1;
}

function range(q: Quantity): [number, number] {
  const v = q.value;
  switch (q.comparator) {
    case 'gt':
      return [v, Infinity];
    case 'lt':
      return [0, v];
    case 'approx':
      return [v * 0.75, v * 1.25];
    default:
      return [v * 0.95, v * 1.05];
  }
}

/**
 * Figures disagree only about the same thing, told by no conflicting agents: the same event by
 * compatible agents, or two shared content nouns of which one at least is not what the figures
 * count (`counted`: every figure of soldiers shares "soldier"). "The strike on the market killed
 * 40 people" / "12 people died in the strike on the market" are; "Germany signed the agreement,
 * affecting 283,353 soldiers" / "Britain signed the agreement, affecting 62,179 soldiers" and
 * "Berlin rejected the proposal, affecting 10,374 soldiers" are not.
 */
function aboutTheSameThing(a: ClaimSignature, b: ClaimSignature, counted: ReadonlySet<string>): boolean {
  if (agentsConflict(a, b, counted)) return false;
  if (sharedNouns(a, b) >= 2 && sharedNouns(a, b, counted) >= 1) return true;
  return a.frames.some((fa) => !fa.coref && b.frames.some((fb) => !fb.coref && frameAgreement(fa, fb, (x, y) => x === y, true, counted) >= 2));
}

/**
 * The same agent doing and not doing the same thing to the same participants, or doing opposite
 * things (accept/reject): both agents must be known and the same, the arguments must overlap (or
 * both be empty). Hedged claims state no fact to contradict.
 */
function polarity(a: ClaimSignature, b: ClaimSignature): Verdict | null {
  if (a.claim.hedged || b.claim.hedged) return null;
  const lex = claimsLexicon();
  const opposite = (x: string, y: string) => lex.antonym.get(x)?.has(y) ?? false;
  let found: { fa: SignedFrame; fb: SignedFrame; strength: number; antonym: boolean } | null = null;
  for (const fa of a.frames) {
    for (const fb of b.frames) {
      if (!fa.agent || !fb.agent || fa.coref || fb.coref) continue; // a resolved pronoun is never the only evidence
      if (fa.negated !== fb.negated) {
        const strength = frameAgreement(fa, fb, (x, y) => x === y, true);
        if (strength > 2 && (!found || strength > found.strength)) found = { fa, fb, strength, antonym: false };
      } else {
        const strength = frameAgreement(fa, fb, opposite);
        if (strength > 2 && (!found || strength > found.strength)) found = { fa, fb, strength, antonym: true };
      }
    }
  }
  if (!found) return null;
  const { fa, fb } = found;
  const reason = `${fa.negated ? 'not ' : ''}${fa.event} vs ${fb.negated ? 'not ' : ''}${fb.event}`;
  const period = differentTimes(a, b);
  const apart = daysApart(a, b);
  const strength = found.strength;
  if (period) return { type: 'change', reason: `${reason}: ${period}`, confidence: round(0.1 * strength) };
  if (apart !== null && apart > STATE_CHANGE_DAYS) return { type: 'change', reason: `${reason}: the documents are ${Math.round(apart / 30)} months apart`, confidence: round(0.1 * strength) };
  // agent known and the same (2), plus shared participants (up to +1): 0.5 .. 0.8
  const undated = apart === null ? 0.8 : 1;
  const actor = fa.agent.startsWith('@') ? 0.05 : 0;
  return { type: 'contradiction', reason: `the same actor, opposite statements: ${reason}`, confidence: round(Math.min(1, 0.2 * strength + 0.1 + actor) * undated) };
}

const UNIT_DAYS = { year: 365.25, month: 30.44, week: 7, day: 1 } as const;

/** "in its second month" (doc A) vs "in its fifth month" (doc B): the start dates they imply must overlap. */
function temporal(a: ClaimSignature, b: ClaimSignature): Verdict | null {
  const ea = a.claim.elapsed;
  const eb = b.claim.elapsed;
  if (!ea || !eb || ea.unit !== eb.unit) return null;
  const what = `${ordinalText(ea.n, ea.comparator)} ${ea.unit} vs ${ordinalText(eb.n, eb.comparator)} ${eb.unit}`;
  if (!a.date || !b.date) {
    if (ea.n === eb.n) return null;
    return { type: 'change', reason: `${what}: the documents' dates are unknown, so they were probably written at different times`, confidence: 0.2 };
  }
  const unit = UNIT_DAYS[ea.unit] * DAY;
  const startRange = (date: string, n: number, cmp: 'eq' | 'gt'): [number, number] => {
    const t = Date.parse(date);
    return [cmp === 'gt' ? -Infinity : t - n * unit, t - (n - 1) * unit];
  };
  const [lo1, hi1] = startRange(a.date.from, ea.n, ea.comparator);
  const [lo2, hi2] = startRange(b.date.from, eb.n, eb.comparator);
  const slack = 31 * DAY;
  if (lo1 - slack <= hi2 && lo2 - slack <= hi1) {
    return ea.n === eb.n ? null : { type: 'change', reason: `${what}: consistent once the documents' dates (${a.date.value}, ${b.date.value}) are applied`, confidence: 0.1 };
  }
  return { type: 'contradiction', reason: `${what}: inconsistent even with the documents' dates (${a.date.value}, ${b.date.value})`, confidence: 0.7 };
}

function ordinalText(n: number, cmp: 'eq' | 'gt'): string {
  const suffix = n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th';
  return `${cmp === 'gt' ? 'past the ' : ''}${n}${suffix}`;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
