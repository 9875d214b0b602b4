/**
 * Who a clause is attributed to, from syntax-aware cues:
 *  - "according to X", "as reported in X", "citing X"             (the whole sentence)
 *  - X + reporting verb + clausal complement or quotation         (that clause; "…, X said." the whole sentence)
 *    ("the minister reaffirmed …, stating that …", "the mayor claimed she could …", "“…,” he told him")
 *  - "reportedly", "allegedly" …                                   (vague, that clause)
 *  - agentless passive reporting: "it was speculated that", "was widely reported" (vague)
 *  - a sentence that only reports ("Bloomberg reported the information.") attributes its neighbour.
 * The source phrase is classified: a name, a definite description or a pronoun is `sourced`;
 * an unnamed plural or indefinite source ("officials", "some experts", "a recent analysis", "many") is `vague`.
 */
import type { Attribution } from '../types';
import { claimsLexicon } from './claimsLexicon';
import type { Clause } from './clauses';
import type { TaggedWord } from './wordTags';
import { ACCORDING_START, DEMONYM_END, LY, MONTH_NAME, PASSIVE_VAGUE, REPORTING, TEMPORAL_NOUN, VAGUE_ADVERB } from './wordTypes';

export interface AttributionCue {
  attribution: Exclude<Attribution, 'unsourced'>;
  cue: string;
  /** source words [from, to) in the sentence, when the source is named in it */
  source?: { from: number; to: number };
  /** 'sentence': every clause of the sentence; 'clause': the clause holding the cue */
  scope: 'sentence' | 'clause';
  clause: number;
  /** the sentence does nothing but report: it attributes the previous sentence instead of itself */
  neighbour?: boolean;
}

/** The attribution frame of a clause, whose words are not content: its source [from, to) and its cue word. */
export interface AttributionFrame {
  from: number;
  to: number;
  cue: string | null;
}

export const NO_FRAME: AttributionFrame = { from: 0, to: 0, cue: null };

/** The attribution frame of a cue: its source words and its cue word. */
export function attributionFrame(cue: AttributionCue | undefined): AttributionFrame {
  if (!cue) return NO_FRAME;
  return { from: cue.source ? cue.source.from : 0, to: cue.source ? cue.source.to : 0, cue: cue.cue };
}

/** Whether word j belongs to the attribution frame. */
export function inAttributionFrame(words: TaggedWord[], frame: AttributionFrame, j: number): boolean {
  return (j >= frame.from && j < frame.to) || (frame.cue !== null && words[j].lower === frame.cue);
}

const NP_ADVERBS = new Set(['also', 'still', 'now', 'even', 'already', 'soon', 'then', 'just', 'later', 'again', 'too', 'first', 'previously', 'earlier', 'further', 'likely']);
const MAX_NP = 9;
const RELATIVE = new Set(['that', 'which', 'who', 'whom', 'whose', 'what']);

export function findAttributions(words: TaggedWord[], clauses: Clause[]): AttributionCue[] {
  const out: AttributionCue[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const phrase = w.type.flags & ACCORDING_START ? matchAccordingTo(words, i) : 0;
    if (phrase > 0) {
      const np = nounPhraseAfter(words, i + phrase);
      if (np) {
        const cue = words.slice(i, i + phrase).map((x) => x.lower).join(' ');
        out.push({ attribution: classifySource(words, np.from, np.to), cue, source: np, scope: 'sentence', clause: clauseOf(clauses, i) });
        i = np.to - 1;
        continue;
      }
    }
    if (w.type.flags & VAGUE_ADVERB) {
      out.push({ attribution: 'vague', cue: w.lower, scope: 'clause', clause: clauseOf(clauses, i) });
      continue;
    }
    if (w.token.kind !== 'word' || !(w.type.flags & (REPORTING | PASSIVE_VAGUE))) continue;
    const cue = reportingCue(words, i, clauses, clauseOf(clauses, i));
    if (cue) out.push(cue);
  }
  return out;
}

/** Index of the clause holding word i (0 when none does). */
function clauseOf(clauses: Clause[], i: number): number {
  for (let k = 0; k < clauses.length; k++) if (i >= clauses[k].from && i < clauses[k].to) return k;
  return 0;
}

/** Length of the "according to" phrase opening at word i (its first word is one of theirs), else 0. */
function matchAccordingTo(words: TaggedWord[], i: number): number {
  const phrases = claimsLexicon().accordingTo;
  for (const phrase of phrases) {
    let ok = true;
    for (let k = 0; k < phrase.length && ok; k++) ok = words[i + k]?.lower === phrase[k];
    if (ok) return phrase.length;
  }
  return 0;
}

function isBe(w: TaggedWord | undefined): boolean {
  return !!w && w.lemma === 'be' && w.tag === 'aux';
}

function previousNonAdverb(words: TaggedWord[], i: number, floor: number): number {
  let j = i - 1;
  while (j >= floor && (NP_ADVERBS.has(words[j].lower) || (words[j].token.kind === 'word' && words[j].type.flags & LY && words[j].tag === 'word'))) j--;
  return j;
}

function reportingCue(words: TaggedWord[], i: number, clauses: Clause[], clauseIndex: number): AttributionCue | null {
  const lex = claimsLexicon();
  const clause = clauses[clauseIndex];
  const first = clauses[0];
  const w = words[i];
  const prev = previousNonAdverb(words, i, clause.from);
  if (prev >= clause.from && (words[prev].tag === 'neg' || (prev - 1 >= clause.from && words[prev - 1].tag === 'neg' && words[prev].tag === 'aux'))) return null; // "did not indicate"
  // agentless passive: "it was speculated that", "was widely reported", "is said to"
  if (isBe(words[prev]) && lex.passiveVagueVerbs.has(w.lemma) && w.lower !== w.lemma && !w.lower.endsWith('ing') && agentlessReport(words, i, prev)) {
    return { attribution: 'vague', cue: words.slice(prev, i + 1).map((x) => x.token.norm).join(' '), scope: 'clause', clause: clauseIndex };
  }
  const agent = isBe(words[prev]) && PASSIVE_REPORTS.has(w.lemma) && w.lower !== w.lemma ? passiveAgent(words, i, clause.to) : null;
  if (agent) return { attribution: classifySource(words, agent.from, agent.to), cue: w.lower, source: agent, scope: 'clause', clause: clauseIndex };
  if (!lex.reportingVerbs.has(w.lemma)) return null;
  const participle = lex.participleCues.has(w.lower) && words[i - 1]?.lower === ',';
  const finite = w.tag === 'verb' || (w.tag === 'vpart' && prev >= clause.from && (words[prev].tag === 'aux' || words[prev].tag === 'modal') && !w.lower.endsWith('ing'));
  if (!finite && !participle) return null;
  const complement = complementAfter(words, i, w.lemma);
  // the source: the noun phrase before the verb, the subject of the clause (participle, coordinated verb), or after it ("said Rathke")
  let source = participle ? subjectOf(words, clause) : nounPhraseBefore(words, verbGroupStart(words, i, clause.from) - 1, clause.from);
  if (!source && clause.sharedSubject) source = subjectOf(words, first);
  if (!source && complement === 'none') source = nounPhraseAfter(words, i + 1);
  if (!source) return null;
  // "“You don't have the cards,” he told him": the quotation right before the speaker
  const trailing = (complement === 'none' || complement === 'object') && quotationEndsAt(words, source.from - 1);
  const attribution = classifySource(words, source.from, source.to);
  const head = words[source.to - 1];
  if (lex.beliefVerbs.has(w.lemma) && complement !== 'clause' && attribution !== 'vague') return null;
  if (lex.evidenceVerbs.has(w.lemma) && !lex.reportingVerbs.has(w.lemma)) return null;
  if (['suggest', 'show', 'indicate', 'find'].includes(w.lemma) && !lex.documentSources.has(head.lower) && attribution !== 'vague') return null;
  if (complement === 'object' && !trailing) {
    if (!isAnaphoricReport(words, i + 1)) return null;
    return { attribution, cue: w.lower, source, scope: 'sentence', clause: clauseIndex, neighbour: true };
  }
  const before = words[source.from - 1];
  const atEnd = complement === 'none' && isSentenceEnd(words, i + 1, source) && (source.from > i || !before || before.lower === ',' || before.lower === '"');
  if (complement === 'none' && !atEnd && !trailing) return null;
  return { attribution, cue: w.lower, source, scope: atEnd || trailing ? 'sentence' : 'clause', clause: clauseIndex };
}

/** First word of the verb group ending at i: auxiliaries, modals, negation and adverbs before it. */
export function verbGroupStart(words: TaggedWord[], i: number, floor: number): number {
  let j = i;
  while (j - 1 >= floor) {
    const w = words[j - 1];
    if (w.tag === 'aux' || w.tag === 'modal' || w.tag === 'neg' || NP_ADVERBS.has(w.lower) || (w.tag === 'word' && w.lower.endsWith('ly'))) j--;
    else break;
  }
  return j;
}

type Complement = 'clause' | 'object' | 'none';

/** What follows a reporting verb: a clause ("that …", a quotation, a bare finite clause, "to" + verb), a plain object, or nothing. */
function complementAfter(words: TaggedWord[], i: number, lemma: string): Complement {
  const first = words[i + 1];
  if (!first || first.lower === '.' || first.lower === ',' && words[i + 2]?.lower !== '"') return 'none';
  if (first.lower === ',' || first.lower === ':' || first.lower === '"') return 'clause';
  if (first.lower === 'to' && ['claim', 'promise', 'vow', 'pledge', 'threaten', 'expect', 'say', 'hope', 'believe', 'appear', 'seem'].includes(lemma)) return 'clause';
  for (let j = i + 1; j < words.length && j < i + 8; j++) {
    const w = words[j];
    if (w.lower === 'that' || w.lower === 'whether' || w.lower === '"') return 'clause';
    if (w.tag === 'verb' || w.tag === 'modal' || (w.tag === 'aux' && !['be', 'been', 'being'].includes(w.lower))) return j > i + 1 ? 'clause' : 'object';
    if (w.lower === ',' || w.lower === '.' || w.lower === ';') break;
  }
  return 'object';
}

function quotationEndsAt(words: TaggedWord[], j: number): boolean {
  if (words[j]?.lower === '"') return true;
  return words[j]?.lower === ',' && words[j - 1]?.lower === '"';
}

/** "was widely reported.", "it was speculated that", "is said to", "was seen as": not "was known for", not inside a relative clause. */
function agentlessReport(words: TaggedWord[], i: number, be: number): boolean {
  const next = words[i + 1];
  if (next && next.lower === 'by') return false;
  for (let k = be - 1; k >= 0 && k >= be - 4; k--) if (['that', 'which', 'who'].includes(words[k].lower)) return false;
  if (!next || ['that', 'to', 'as', '.', ','].includes(next.lower) || words[be - 1]?.lower === 'it') return true;
  // "40 casualties were reported in the city on Monday", "fighting was reported near Bakhmut": the
  // thing reported is the subject, places and times follow, and nothing after names who reported it
  // (no "by …", no "…, the ministry said")
  if (!PASSIVE_REPORTS.has(words[i].lemma) || (next.tag !== 'prep' && !(next.type.flags & TEMPORAL_NOUN))) return false;
  for (let k = i + 1; k < words.length; k++) if (words[k].lower === 'by' || (words[k].type.flags & REPORTING && words[k].tag === 'verb')) return false;
  return true;
}

/** Who a passive report names after "by" in its clause ("40 casualties were reported on Monday by the health ministry"); not a time ("by Monday", "by the end of the week"). */
function passiveAgent(words: TaggedWord[], i: number, clauseEnd: number): { from: number; to: number } | null {
  for (let k = i + 1; k < clauseEnd; k++) {
    if (words[k].lower !== 'by') continue;
    const np = nounPhraseAfter(words, k + 1);
    if (!np || np.to > clauseEnd) return null;
    for (let j = np.from; j < np.to; j++) if (words[j].type.flags & (TEMPORAL_NOUN | MONTH_NAME) || TIME_HEADS.has(words[j].lower)) return null;
    return np;
  }
  return null;
}

const TIME_HEADS = new Set(['end', 'time', 'then', 'now', 'midnight', 'noon', 'dawn', 'nightfall']);

/** Reporting verbs whose passive tells of the thing reported itself, whatever place or time follows it. */
const PASSIVE_REPORTS = new Set(['report', 'allege', 'rumor', 'rumour']);

function isSentenceEnd(words: TaggedWord[], j: number, source: { from: number; to: number }): boolean {
  const at = source.from > j ? source.to : j;
  const w = words[at];
  return !w || w.lower === '.' || w.lower === '!' || (w.lower === '"' && !words[at + 1]);
}

function isAnaphoricReport(words: TaggedWord[], j: number): boolean {
  const lex = claimsLexicon();
  let n = 0;
  for (; j < words.length && words[j].lower !== '.'; j++, n++) {
    if (n > 3) return false;
    if (lex.anaphoricObjects.has(words[j].lower)) return true;
  }
  return false;
}

/** The noun phrase that ends right before word `end` (inclusive), not reaching before `floor`. Skips one appositive ("X, spokesman for Y, said"). */
export function nounPhraseBefore(words: TaggedWord[], end: number, floor: number): { from: number; to: number } | null {
  let to = end + 1;
  let j = end;
  if (j >= floor && words[j].lower === ',') {
    // "Fuad Basya, spokesman for the military, said": jump over the appositive to the name
    let k = j - 1;
    while (k >= floor && k > j - 12 && words[k].lower !== ',') k--;
    if (k < floor || words[k].lower !== ',') return null;
    to = j;
    j = k - 1;
    const np = collectBackwards(words, j, floor);
    return np !== null ? { from: np, to } : null;
  }
  const from = collectBackwards(words, j, floor);
  return from === null ? null : { from, to };
}

function collectBackwards(words: TaggedWord[], end: number, floor: number): number | null {
  let from = -1;
  for (let j = end, n = 0; j >= floor && n < MAX_NP; j--, n++) {
    const w = words[j];
    const inside = w.tag === 'name' || w.tag === 'det' || w.tag === 'num' || w.tag === 'pron' || (w.tag === 'word' && !w.lower.endsWith('ly')) || w.lower === "'s" || w.lower === '-' || w.lower === 'of' || w.lower === '.';
    if (!inside || RELATIVE.has(w.lower)) break;
    from = j;
    if (w.tag === 'pron') break;
  }
  if (from < 0) return null;
  while (from <= end && (words[from].lower === 'of' || words[from].lower === '-' || words[from].lower === '.')) from++;
  return from <= end ? from : null;
}

function nounPhraseAfter(words: TaggedWord[], j: number): { from: number; to: number } | null {
  const from = j;
  for (let n = 0; j < words.length && n < MAX_NP; j++, n++) {
    const w = words[j];
    const inside = w.tag === 'name' || w.tag === 'det' || w.tag === 'num' || w.tag === 'pron' || w.tag === 'word' || w.lower === "'s" || w.lower === '-' || w.lower === 'of';
    if (!inside) break;
  }
  return j > from ? { from, to: j } : null;
}

/** Subject of a clause: the noun phrase before its first finite verb. */
export function subjectOf(words: TaggedWord[], clause: Clause): { from: number; to: number } | null {
  for (let j = clause.from; j < clause.to; j++) {
    const w = words[j];
    if (w.tag === 'verb' || w.tag === 'aux' || w.tag === 'modal') return nounPhraseBefore(words, previousNonAdverb(words, j, clause.from), clause.from);
  }
  return null;
}

/** sourced: a name, a definite description, a pronoun; vague: unnamed plural or indefinite sources. */
export function classifySource(words: TaggedWord[], from: number, to: number): 'sourced' | 'vague' {
  const lex = claimsLexicon();
  const head = words[to - 1];
  const first = words[from];
  let hasName = false;
  for (let k = from; k < to; k++) if (words[k].tag === 'name' && !isDemonym(words[k], words[k + 1])) hasName = true;
  if (lex.vagueHeads.has(head.lower) && head.tag !== 'name') return 'vague';
  if (head.tag === 'name' && lex.vagueHeads.has(head.lower) && from === to - 1) return 'vague'; // sentence-initial "Officials said"
  if (lex.vagueDeterminers.has(first.lower) && !hasName) return 'vague';
  return 'sourced';
}

/** "Russian" in "Russian officials": a capitalised adjective of nationality before a lower-case noun. */
export function isDemonym(w: TaggedWord, next: TaggedWord | undefined): boolean {
  if (w.tag !== 'name' || !next || next.tag === 'name' || next.token.kind !== 'word') return false;
  return (w.type.flags & DEMONYM_END) !== 0;
}
