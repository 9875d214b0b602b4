/**
 * Splits a sentence into the clauses that can each carry a claim: at semicolons, at a coordinator
 * or a comma that opens a new finite clause or a coordinated verb phrase ("has avoided X, signaled
 * Y, and even suggested Z"), around a parenthetical with its own verb, and after a leading
 * concessive clause ("Although A, B"). Never inside quotation marks. Linear in the sentence.
 */
import { claimsLexicon } from './claimsLexicon';
import type { TaggedWord } from './wordTags';

export interface Clause {
  /** word indices [from, to) into the sentence's tagged words */
  from: number;
  to: number;
  /** the clause continues the subject of the sentence's first clause (coordinated verb phrase) */
  sharedSubject: boolean;
  /** opened by a subordinator ("although", "if", "when" …): its lower-case form */
  opener?: string;
  parenthetical: boolean;
}

const SEGMENT_ENDS = new Set([',', ';', ':', '(', ')', '-', 'where', 'which', 'who', 'that', 'when']);

const NON_FINITE_AUX = new Set(['be', 'been', 'being', 'having']);

function isFinite(w: TaggedWord): boolean {
  return w.tag === 'verb' || w.tag === 'modal' || (w.tag === 'aux' && !NON_FINITE_AUX.has(w.lower));
}

/** Whether words[from, next segment end) hold a finite verb within `limit` words. */
function segmentHasFiniteVerb(words: TaggedWord[], from: number, limit = 12): boolean {
  for (let j = from; j < words.length && j < from + limit; j++) {
    if (words[j].lower === ',' && appositiveName(words, j)) {
      j = appositiveName(words, j);
      continue;
    }
    if (SEGMENT_ENDS.has(words[j].lower) || words[j].lower === '"') return false;
    if (isFinite(words[j])) return true;
  }
  return false;
}

/** ", Jane Doe," between commas: the index of the closing comma, else 0. */
function appositiveName(words: TaggedWord[], comma: number): number {
  let k = comma + 1;
  while (k < words.length && k < comma + 6 && words[k].tag === 'name') k++;
  return k > comma + 1 && words[k]?.lower === ',' ? k : 0;
}

function hasFiniteVerb(words: TaggedWord[], from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (isFinite(words[j])) return true;
  return false;
}

export function splitClauses(words: TaggedWord[]): Clause[] {
  const lex = claimsLexicon();
  const cuts: { at: number; sharedSubject: boolean; parenthetical?: boolean }[] = [];
  let inQuote = false;
  let clauseStart = 0;
  const opener = (at: number) => {
    const w = words[at] && lex.coordinators.has(words[at].lower) && words[at].lower !== 'while' ? words[at + 1] : words[at];
    return w && lex.subordinators.has(w.lower) ? w.lower : undefined;
  };
  let presentTense = false; // the current clause's first finite verb is in the present
  let currentOpener = opener(0);
  let finiteSeen = false; // a finite verb in words[clauseStart, i)
  const cut = (at: number, sharedSubject: boolean, parenthetical = false) => {
    if (at <= clauseStart || !hasWordsFrom(words, at, MIN_CLAUSE_WORDS)) return;
    cuts.push({ at, sharedSubject, parenthetical });
    clauseStart = at;
    currentOpener = opener(at);
    finiteSeen = false;
    presentTense = false;
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    boundary(i, w);
    if (i >= clauseStart && isFinite(w) && !finiteSeen) {
      finiteSeen = true;
      presentTense = PRESENT.has(w.lower) || (w.tag === 'verb' && (w.lower === w.lemma || w.lower.endsWith('s')));
    }
    if (w.lower === '"') inQuote = !inQuote;
  }

  function boundary(i: number, w: TaggedWord): void {
    if (inQuote || w.lower === '"') return;
    if (w.lower === ';') return cut(i + 1, false);
    if (w.lower === '(') {
      const close = findClose(words, i);
      if (close > i && hasFiniteVerb(words, i + 1, close)) {
        cut(i, false, true);
        cut(close + 1, false);
      }
      return;
    }
    const before = finiteSeen;
    if (w.lower === ',' && currentOpener) {
      // "After all, …", "Despite the losses, …": a leading phrase without a verb is no clause of its own
      if (!before) currentOpener = undefined;
      else if (segmentHasFiniteVerb(words, i + 1)) cut(i + 1, false);
      return;
    }
    if (w.lower !== ',' && w.tag !== 'conj') return;
    if (!before || currentOpener) return;
    let j = i + 1;
    const asyndetic = w.lower === ',' && !lex.coordinators.has(words[j]?.lower ?? '');
    if (w.lower === ',' && words[j] && lex.coordinators.has(words[j].lower)) j++;
    else if (w.tag === 'conj' && !lex.coordinators.has(w.lower)) return;
    while (words[j] && words[j].token.kind === 'word' && words[j].lower.endsWith('ly')) j++;
    const next = words[j];
    if (!next) return;
    const at = w.lower === ',' ? i + 1 : i;
    // "…, and signed a series": a coordinated verb phrase; but "and continued fighting is …": a modifier
    if (next.tag === 'verb' && coordinatedVerb(words, j, presentTense, asyndetic)) cut(at, true);
    else if (next.tag === 'aux' && !asyndetic && !NON_FINITE_AUX.has(next.lower)) cut(at, true);
    else if (lex.subordinators.has(next.lower) && j > i + 1) cut(at, false); // ", but despite …", ", and although …"
    else if (segmentHasFiniteVerb(words, j, 12) && (w.tag === 'conj' || lex.coordinators.has(words[i + 1]?.lower ?? ''))) cut(at, false);
  }
  const clauses: Clause[] = [];
  let from = 0;
  for (let k = 0; k <= cuts.length; k++) {
    const to = k < cuts.length ? cuts[k].at : words.length;
    if (to > from) {
      clauses.push({
        from,
        to,
        sharedSubject: k > 0 ? cuts[k - 1].sharedSubject : false,
        opener: opener(from) ?? (words[from] && lex.coordinators.has(words[from].lower) ? opener(from + 1) : undefined),
        parenthetical: k > 0 ? !!cuts[k - 1].parenthetical : false,
      });
    }
    from = to;
  }
  return clauses;
}

const MIN_CLAUSE_WORDS = 3;
const PRESENT = new Set(['is', 'are', 'am', 'does', 'do']);
const OBJECT_STARTS = new Set(['det', 'pron', 'name', 'prep', 'num']);

/**
 * "has avoided X, signaled that Y, and even suggested Z": a verb continuing the clause's subject.
 * Not when a finite verb follows soon ("and continued fighting is …": a modifier), when the tense
 * changes ("grapples with A and weakened B": an adjective), or, after a bare comma, when a noun
 * follows directly ("…, damaged chunk").
 */
function coordinatedVerb(words: TaggedWord[], j: number, presentTense: boolean, asyndetic: boolean): boolean {
  const verb = words[j];
  const past = verb.lower !== verb.lemma && !verb.lower.endsWith('s');
  if (segmentHasFiniteVerb(words, j + 1, 4)) return false;
  if (past && presentTense) return false;
  const after = words[j + 1];
  if (asyndetic && !(after && (OBJECT_STARTS.has(after.tag) || after.lower === 'that' || after.lower === '"'))) return false;
  return true;
}

function hasWordsFrom(words: TaggedWord[], at: number, count: number): boolean {
  let n = 0;
  for (let j = at; j < words.length && n < count; j++) if (words[j].token.kind === 'word' || words[j].token.kind === 'number') n++;
  return n >= count;
}

function findClose(words: TaggedWord[], open: number): number {
  for (let j = open + 1; j < words.length && j < open + 60; j++) if (words[j].lower === ')') return j;
  return -1;
}
