/**
 * Quantities in a clause, normalised: digits or number words ("150,000", "three thousand",
 * "a million", "a dozen", "thousands"), a comparator folded to eq/gt/lt/approx ("more than",
 * "as many as", "some", "nearly"), and the unit counted ("casualties", "people", "percent").
 * Years, days of the month, ordinals and ages are not quantities.
 */
import type { Quantity } from '../types';
import { claimsLexicon, type ClaimsLexicon } from './claimsLexicon';
import type { TaggedWord } from './wordTags';
import { FOUR_DIGITS, MULTIPLIER, NUMBER_WORDS } from './wordTypes';

const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const MAX_UNIT_DISTANCE = 4;
const REFERENTIAL = new Set(['the', 'these', 'those', 'both', 'its', 'their', 'his', 'her', 'our']);

interface NumberRun {
  value: number;
  /** index of the first and one past the last word of the number */
  from: number;
  to: number;
  vague: boolean;
}

/** Words [from, to) of a sentence (a clause): the words around them are not read. */
class WordRange {
  constructor(
    readonly words: TaggedWord[],
    readonly from: number,
    readonly to: number,
  ) {}

  at(k: number): TaggedWord | undefined {
    return k >= this.from && k < this.to ? this.words[k] : undefined;
  }
}

/** The quantities in words [from, to) (a clause of the sentence's words). */
export function findQuantities(words: TaggedWord[], from = 0, to = words.length): Quantity[] {
  const out: Quantity[] = [];
  const range = new WordRange(words, from, to);
  for (let i = from; i < to; i++) {
    const run = readNumber(range, i);
    if (!run) continue;
    i = run.to - 1;
    if (isDateOrYear(range, run)) continue;
    if (run.from > from && REFERENTIAL.has(words[run.from - 1].lower)) continue; // "the two sides": a reference, not a count
    const unit = readUnit(range, run.to);
    if (!unit && run.vague) continue;
    const comparator = readComparator(range, run.from);
    const first = comparator ? comparator.from : run.from;
    const last = unit ? unit.index + 1 : run.to;
    const start = words[first].token.start;
    const end = words[last - 1].token.end;
    out.push({
      value: run.value,
      unit: unit ? unit.name : '',
      comparator: comparator ? comparator.kind : run.vague ? 'gt' : 'eq',
      text: spanText(words, first, last, start, end),
    });
  }
  return out;
}

function spanText(words: TaggedWord[], from: number, to: number, start: number, end: number): string {
  let text = '';
  let at = start;
  for (let i = from; i < to; i++) {
    const t = words[i].token;
    if (t.start > at) text += ' ';
    text += t.norm;
    at = t.end;
  }
  void end;
  return text;
}

function readNumber(range: WordRange, i: number): NumberRun | null {
  const lex = claimsLexicon();
  const words = range.words;
  const w = words[i];
  if (w.token.kind === 'number') {
    if (w.type.value === null) return null; // 1920s, 11th
    let value = w.type.value;
    let to = i + 1;
    const after = range.at(to);
    const mult = after && lex.multipliers.get(after.lower);
    if (mult && !after.lower.endsWith('s')) {
      value *= mult;
      to++;
    }
    return { value, from: i, to, vague: false };
  }
  // "a million", "a dozen", "three thousand", "twenty-five", "hundreds of", "thousands"
  if (!(w.type.flags & (NUMBER_WORDS | MULTIPLIER)) && w.lower !== 'a' && w.lower !== 'an') return null;
  let from = i;
  let value = 0;
  let current = 0;
  let seen = false;
  let vague = false;
  let j = i;
  if (w.lower === 'a' || w.lower === 'an') {
    const next = range.at(i + 1);
    if (!next || !(lex.multipliers.has(next.lower) || next.lower === 'dozen') || next.lower.endsWith('s')) return null;
    current = 1;
    j = i + 1;
    seen = true;
  }
  for (; j < range.to; j++) {
    const lower = words[j].lower;
    const flags = words[j].type.flags;
    if (flags & NUMBER_WORDS) {
      current += numberWordsValue(lower);
      seen = true;
      continue;
    }
    const mult = flags & MULTIPLIER ? lex.multipliers.get(lower) : undefined;
    if (mult && lower.length > 2) {
      if (lower.endsWith('s')) vague = true; // "thousands" = more than a thousand
      current = (seen ? current || 1 : 1) * mult;
      if (mult >= 1000) {
        value += current;
        current = 0;
      }
      seen = true;
      continue;
    }
    const next = range.at(j + 1);
    if (lower === 'and' && seen && next && lex.numbers.has(next.lower)) continue;
    break;
  }
  if (!seen) return null;
  value += current;
  if (value === 1 && j - from === 1 && words[from].lower === 'one') return null; // "one of", "one side"
  return { value, from, to: j, vague };
}

/** "five" -> 5, "twenty-five" -> 25: the sum of the number words joined by hyphens. */
function numberWordsValue(lower: string): number {
  const numbers = claimsLexicon().numbers;
  let sum = 0;
  for (const part of lower.split('-')) sum += numbers.get(part)!;
  return sum;
}

function isDateOrYear(range: WordRange, run: NumberRun): boolean {
  const first = range.words[run.from];
  if (first.token.kind !== 'number') return false;
  const prev = range.at(run.from - 1);
  const next = range.at(run.to);
  if (prev && MONTHS.has(prev.lower)) return true; // June 1
  if (next && MONTHS.has(next.lower)) return true; // 1 June
  if (first.type.flags & FOUR_DIGITS && run.value >= 1800 && run.value <= 2100 && run.to === run.from + 1) return true;
  if (next && next.lower === '-' && range.at(run.to + 1)?.lower === 'to') return true; // "18- to 24-year-olds"
  if (next && (next.lower.endsWith('-year-old') || next.lower.endsWith('-year-olds'))) return true;
  if (next && next.lower === '-' && range.at(run.to + 1)?.lower.startsWith('year-old')) return true; // "24-year-olds"
  return false;
}

function readUnit(range: WordRange, from: number): { name: string; index: number } | null {
  const lex = claimsLexicon();
  for (let j = from; j < range.to && j < from + MAX_UNIT_DISTANCE; j++) {
    const w = range.words[j];
    if (w.tag === 'punct' && w.lower !== '%' && w.lower !== '-') return null;
    if (w.lower === '%') return { name: 'percent', index: j };
    if (w.lower === 'of' || w.lower === '-') continue;
    if (j === from && (w.lower === 'a' || w.lower === 'an' || w.lower === 'per' || w.lower === 'each')) return null; // a rate: "5,000 a week"
    const mapped = lex.units.get(w.lower) ?? lex.units.get(w.lemma);
    if (mapped) return { name: mapped, index: j };
    if (w.lower === 'per' && range.at(j + 1)?.lower === 'cent') return { name: 'percent', index: j + 1 };
    if (w.tag === 'verb' || w.tag === 'aux' || w.tag === 'modal' || w.tag === 'prep' || w.tag === 'conj') return null;
    // the first plural noun-like word is the unit ("200 recruits", "12 Russian strategic bombers")
    if (w.tag === 'word' && w.lower !== w.lemma && w.lower.endsWith('s')) return { name: lex.synonym.get(w.lemma) ?? w.lemma, index: j };
  }
  return null;
}

let comparatorsByLastWord: Map<string, ClaimsLexicon['comparators']> | null = null;

/** The comparator phrase ending right before word `at` ("more than", "nearly"), longest first. */
function readComparator(range: WordRange, at: number): { kind: Quantity['comparator']; from: number } | null {
  if (at === range.from) return null;
  const words = range.words;
  comparatorsByLastWord ??= byLastWord(claimsLexicon().comparators);
  for (const { kind, words: phrase } of comparatorsByLastWord.get(words[at - 1].lower) ?? []) {
    const from = at - phrase.length;
    if (from < range.from) continue;
    let ok = true;
    for (let k = 0; k < phrase.length && ok; k++) ok = words[from + k].lower === phrase[k];
    if (ok) return { kind, from };
  }
  return null;
}

/** The comparator phrases grouped by their last word, each group in the lexicon's order (longest first). */
function byLastWord(comparators: ClaimsLexicon['comparators']): Map<string, ClaimsLexicon['comparators']> {
  const out = new Map<string, ClaimsLexicon['comparators']>();
  for (const c of comparators) {
    const last = c.words[c.words.length - 1];
    const group = out.get(last);
    if (group) group.push(c);
    else out.set(last, [c]);
  }
  return out;
}
