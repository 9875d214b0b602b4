/**
 * The per-claim keys the corpus step works from (so it never needs the text): polarity of the main
 * predicate, predicate lemmas and content terms folded through the synonym lexicon, and the
 * temporal scope a statement carries ("in its second month", "since 2022").
 */
import { inAttributionFrame, type AttributionFrame } from './attribution';
import { claimsLexicon } from './claimsLexicon';
import type { Clause } from './clauses';
import { addOnce } from './frameRoles';
import { isContentWord, type TaggedWord } from './wordTags';
import { GENERIC_LEMMA, GENERIC_TERM, LY, NEGATIVE_PHRASE_START, REPORTING, STATE_VERB, TIME_UNIT, TIME_UNITS, YEAR } from './wordTypes';

export interface ClaimKeys {
  negated: boolean;
  predicates: string[];
  terms: string[];
  names: string[];
  /** heads of runs of content words that are not verbs or names ("economic pressure" -> pressure) */
  nouns: string[];
}

/** Canonical form of a lemma: its synonym group's first member, else itself. */
export function canonical(lemma: string): string {
  return claimsLexicon().synonym.get(lemma) ?? lemma;
}

/**
 * @param frame the attribution frame (cue and source): not content
 */
export function claimKeys(words: TaggedWord[], clause: Clause, frame: AttributionFrame): ClaimKeys {
  const lex = claimsLexicon();
  let negations = 0;
  let embedded = false;
  let sawVerb = false;
  const predicates: string[] = [];
  const terms: string[] = [];
  const names: string[] = [];
  const nouns: string[] = [];
  for (let j = clause.from; j < clause.to; j++) {
    const w = words[j];
    if (inAttributionFrame(words, frame, j)) continue;
    if (w.lower === 'that' || w.lower === '"') embedded ||= sawVerb;
    if (w.tag === 'verb' || w.tag === 'vpart' || w.tag === 'aux') sawVerb = true;
    if (!embedded) {
      if (w.tag === 'neg' && w.lower !== 'nor' && w.lower !== 'neither') negations++;
      else if (w.type.flags & NEGATIVE_PHRASE_START && startsPhrase(words, j, lex.negativePhrases)) negations++;
    }
    if (!isContentWord(w) || w.token.kind === 'number' || w.tag === 'num') continue;
    const flags = w.type.flags;
    const key = w.tag === 'name' ? w.type.nameTerm : w.type.lemmaTerm;
    if ((w.tag === 'verb' || w.tag === 'vpart') && !(flags & (STATE_VERB | REPORTING))) addOnce(predicates, key);
    else if (key !== w.lemma && w.tag === 'word' && lex.verbs.has(key)) addOnce(predicates, key); // "unwilling" -> reject, "evacuation" -> evacuate
    const generic = (flags & GENERIC_LEMMA) !== 0 || (key === w.type.lemmaTerm ? (flags & GENERIC_TERM) !== 0 : lex.genericTerms.has(key)) || (flags & LY && w.tag === 'word');
    if (!(flags & STATE_VERB) && !generic) addOnce(terms, key);
    if (w.tag === 'name') addOnce(names, key);
    else if (w.tag === 'word' && !generic && !(words[j + 1] && j + 1 < clause.to && words[j + 1].tag === 'word' && isContentWord(words[j + 1]))) addOnce(nouns, key); // the head of a noun run: "economic pressure" -> pressure
  }
  return { negated: negations % 2 === 1, predicates, terms, names, nouns };
}

/** Whether one of the phrases opens at word j (its first word is one of their first words). */
function startsPhrase(words: TaggedWord[], j: number, phrases: string[][]): boolean {
  for (const phrase of phrases) {
    let ok = true;
    for (let k = 0; k < phrase.length && ok; k++) ok = words[j + k]?.lower === phrase[k];
    if (ok) return true;
  }
  return false;
}


export interface TemporalScope {
  /** "in its second month" -> ordinal 2 of unit month; "more than two years into" -> 2, gt */
  ordinal?: { n: number; unit: 'year' | 'month' | 'week' | 'day'; comparator: 'eq' | 'gt' };
  /** explicit years named in the claim */
  years: number[];
}

/** Elapsed-time statements about an ongoing event, and the years a claim names. */
export function temporalScope(words: TaggedWord[], clause: Clause): TemporalScope {
  const lex = claimsLexicon();
  const years: number[] = [];
  let ordinal: TemporalScope['ordinal'];
  for (let j = clause.from; j < clause.to; j++) {
    const w = words[j];
    if (w.token.kind === 'number' && w.type.flags & YEAR) years.push(Number(w.token.norm));
    if (ordinal || !(w.type.flags & TIME_UNIT)) continue;
    const unit = TIME_UNITS.get(w.lower)!;
    const prev = words[j - 1];
    if (!prev) continue;
    const n = lex.ordinals.get(prev.lower);
    // "in its second month", "well into its fifth month"
    if (n && (words[j - 2]?.lower === 'its' || words[j - 2]?.lower === 'the' || words[j - 2]?.lower === 'their')) ordinal = { n, unit, comparator: 'eq' };
    // "more than four years into …", "four years after …"
    const count = lex.numbers.get(prev.lower) ?? (prev.token.kind === 'number' ? Number(prev.token.norm) : undefined);
    if (count !== undefined && (words[j + 1]?.lower === 'into' || words[j + 1]?.lower === 'since' || words[j + 1]?.lower === 'after')) {
      const gt = words[j - 3]?.lower === 'more' || words[j - 2]?.lower === 'over';
      ordinal = { n: count + 1, unit, comparator: gt ? 'gt' : 'eq' };
    }
  }
  return { ordinal, years };
}
