/**
 * Is a clause a checkable statement of fact? A small additive score over syntax-aware signals:
 *   + an event predicate (a lexical verb in the past, perfect or progressive), less for a present state
 *   + a named actor, a quantity, a date or period
 *   - evaluative words, interpretive predicates ("reflects", "underscores"), an abstract or
 *     anaphoric subject with a stative verb, a gerund subject (generic statements)
 * and exclusions: questions, conditionals, standfirsts about the article itself, expletive
 * evaluations ("it is hard to …"). Modal or hedged main clauses are speculation: kept only when
 * attributed or holding a quantity, and then flagged `hedged`.
 */
import { claimsLexicon } from './claimsLexicon';
import type { Clause } from './clauses';
import { isDemonym, subjectOf } from './attribution';
import type { TaggedWord } from './wordTags';
import { HEDGE, INTERPRETIVE, LY, MONTH_NAME, OPINION, STATE_VERB, TEMPORAL_NOUN, YEAR_OR_DECADE } from './wordTypes';

export interface ClauseSignals {
  /** named actors: words inside actor mentions, or capitalised words known as names in this document */
  isName(word: number): boolean;
  /** the word is inside a date expression */
  isDate(word: number): boolean;
  quantities: number;
  attributed: boolean;
  /** the clause follows a conditional subordinate clause ("If A, B") */
  conditional: boolean;
  question: boolean;
}

export interface Checkability {
  claim: boolean;
  hedged: boolean;
  score: number;
  /** the clause's subject (attribution.subjectOf), when the clause was read that far */
  subject: { from: number; to: number } | null;
}

const THRESHOLD = 1.5;
const EXPLETIVE_SUBJECTS = new Set(['it', 'this', 'that', 'there']);

export function assessClause(words: TaggedWord[], clause: Clause, signals: ClauseSignals): Checkability {
  const lex = claimsLexicon();
  const none = { claim: false, hedged: false, score: 0, subject: null };
  if (signals.question || signals.conditional) return none;
  if (clause.opener && lex.conditionalOpeners.has(clause.opener)) return none;
  const first = words[clause.from];
  if (first && lex.conditionalOpeners.has(first.lower) && first.lower !== 'should') return none;
  if (first && first.lower === 'should') return none; // "Should the President …"

  let score = 0;
  let event = 0;
  let names = 0;
  let dates = 0;
  let opinion = 0;
  let interpretive = false;
  let hedged = false;
  let finite = false;
  let embedded = false; // past the first "that"/"whether"/quotation: modals there belong to the reported content
  let subjectEnd = -1;
  for (let j = clause.from; j < clause.to; j++) {
    const w = words[j];
    if (w.lower === 'that' || w.lower === '"' || w.lower === 'whether' || w.lower === 'which' || w.lower === 'who') embedded ||= j > clause.from && (finite || w.lower === '"' || words[j - 1].tag === 'vpart');
    const flags = w.type.flags;
    if (!embedded && (w.tag === 'modal' || flags & HEDGE)) hedged = true;
    if (w.tag === 'verb' || w.tag === 'aux' || w.tag === 'modal') {
      if (!finite) subjectEnd = j;
      finite = true;
    }
    if (names < 1 && signals.isName(j)) names = Math.max(names, isDemonym(w, words[j + 1]) ? 0.5 : 1);
    if (dates === 0 && isDateWord(words, j, clause, signals)) dates = 1;
    if (flags & OPINION) opinion++;
    if (w.tag === 'verb' && flags & INTERPRETIVE) interpretive = true;
    if (!embedded && event < 1) event = Math.max(event, eventWeight(words, j));
  }
  if (!finite) return none;
  if (isMetaStatement(words, clause, subjectEnd)) return none;
  if (isExpletiveEvaluation(words, clause, subjectEnd)) return none;
  const subject = subjectOf(words, clause);
  if (clause.parenthetical && !subject) return none; // "(and still have not …)": elliptical
  score += event + names + dates + (signals.quantities > 0 ? 1 : 0);
  score -= Math.min(1, opinion * 0.5);
  if (interpretive) score -= 1;
  if (subject && !subjectHasName(words, subject, signals)) {
    const head = words[subject.to - 1];
    const abstract = lex.abstractSubjects.has(head.lower);
    const anaphoric = EXPLETIVE_SUBJECTS.has(head.lower) || head.lower === 'which' || head.lower === 'all';
    if (abstract && !(anaphoric && event >= 1)) score -= 1;
    // "The government threatened …", "The union rejected …": a definite agent doing something is checkable
    else if (event >= 1 && words[subject.from].lower === 'the' && head.tag === 'word' && !lex.genericTerms.has(head.lemma) && !lex.opinionWords.has(head.lower)) score += 0.5;
  }
  if (first && lex.genericOpeners.has(first.lower) && first.lower.endsWith('ing')) score -= 1;
  if (signals.attributed) return { claim: true, hedged, score, subject };
  if (score < THRESHOLD) return { claim: false, hedged, score, subject };
  if (hedged && signals.quantities === 0) return { claim: false, hedged, score, subject };
  return { claim: true, hedged, score, subject };
}

/** A date, a month, a year, or a period counted or ordered ("two years", "the 3rd week", "last summer"). */
function isDateWord(words: TaggedWord[], j: number, clause: Clause, signals: ClauseSignals): boolean {
  const w = words[j];
  if (signals.isDate(j) || w.type.flags & MONTH_NAME) return true;
  if (w.token.kind === 'number' && w.type.flags & YEAR_OR_DECADE) return true;
  if (!(w.type.flags & TEMPORAL_NOUN) || j <= clause.from) return false;
  const before = words[j - 1];
  return before.tag === 'num' || /(?:st|nd|rd|th)$/.test(before.lower) || before.lower === 'last';
}

/** 1 for a lexical verb in the past, perfect or progressive; 0.5 for a present or stative one. */
function eventWeight(words: TaggedWord[], j: number): number {
  const w = words[j];
  if (w.tag === 'aux' && j + 1 < words.length && words[j + 1].tag !== 'vpart' && words[j + 1].tag !== 'verb') return 0.5; // "is", "has" as the main verb
  if (w.tag !== 'verb' && w.tag !== 'vpart') return 0;
  if (w.tag === 'vpart' && (j === 0 || (words[j - 1].tag !== 'aux' && words[j - 1].tag !== 'neg' && !(words[j - 1].type.flags & LY)))) return 0;
  if (w.type.flags & STATE_VERB) return 0.5;
  if (w.tag === 'verb' && w.lower !== w.lemma && !w.lower.endsWith('s')) return 1; // past
  if (w.tag === 'vpart') return 1; // perfect, passive, progressive
  return 0.5; // present simple
}

function subjectHasName(words: TaggedWord[], subject: { from: number; to: number }, signals: ClauseSignals): boolean {
  for (let k = subject.from; k < subject.to; k++) if (signals.isName(k)) return true;
  // "Tensions between Russia and the West": names right after the head count too
  for (let k = subject.to; k < subject.to + 6 && k < words.length; k++) {
    if (words[k].tag === 'verb' || words[k].tag === 'aux' || words[k].tag === 'modal') break;
    if (signals.isName(k)) return true;
  }
  return false;
}

/** "Staff writer X discusses …": a sentence about the article itself. */
function isMetaStatement(words: TaggedWord[], clause: Clause, subjectEnd: number): boolean {
  const lex = claimsLexicon();
  if (subjectEnd < 0) return false;
  const verb = words[subjectEnd];
  if (!lex.metaVerbs.has(verb.lemma) || verb.lower === verb.lemma + 'ed') return false;
  for (let k = clause.from; k < subjectEnd; k++) if (lex.metaSubjects.has(words[k].lower)) return true;
  return false;
}

/** "it is hard to speculate …", "it is unclear why …", "it seems unlikely that …". */
function isExpletiveEvaluation(words: TaggedWord[], clause: Clause, subjectEnd: number): boolean {
  const lex = claimsLexicon();
  if (subjectEnd < 0 || subjectEnd === clause.from) return false;
  const subject = words[subjectEnd - 1];
  if (subject.lower !== 'it' && subject.lower !== 'this') return false;
  for (let k = subjectEnd; k < clause.to && k < subjectEnd + 5; k++) {
    if (lex.opinionWords.has(words[k].lower) || lex.hedgeWords.has(words[k].lower)) return true;
  }
  return false;
}
