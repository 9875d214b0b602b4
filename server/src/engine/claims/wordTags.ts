/**
 * A light, lexicon-based word tagger and lemmatiser: enough syntax to find finite verbs, negation,
 * modals, names and content words in news sentences, in one linear pass with no regular
 * expressions per token (closed word classes + a verb lexicon + suffix rules).
 */
import type { Token } from '../types';
import { isUpperInitial } from '../text/chars';
import { claimsLexicon } from './claimsLexicon';

export type Tag =
  | 'aux' // be/have/do forms
  | 'modal' // will, would, may, might, could, should, must, can, shall
  | 'verb' // finite lexical verb (past, 3rd singular, or present after a plural/pronoun subject)
  | 'vpart' // participle or infinitive: -ing, -ed after an auxiliary or a determiner, "to" + base
  | 'neg'
  | 'det'
  | 'pron'
  | 'prep'
  | 'conj'
  | 'name' // capitalised word not opening the sentence, or an abbreviation
  | 'num'
  | 'punct'
  | 'word'; // anything else: noun, adjective, adverb

export interface TaggedWord {
  token: Token;
  lower: string;
  lemma: string;
  tag: Tag;
}

const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'your', 'my', 'some', 'any', 'each', 'every', 'no', 'all', 'both', 'several', 'many', 'few', 'most', "'s", 'another', 'such', 'what', 'which', 'whose']);
const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'who', 'him', 'them', 'us', 'me', 'which', 'that', 'one', 'someone', 'nobody', 'everyone', 'anyone', 'there']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'who', 'which', 'that', 'there']);
const PREPOSITIONS = new Set(['of', 'in', 'on', 'at', 'by', 'for', 'with', 'about', 'against', 'between', 'into', 'through', 'during', 'before', 'after', 'above', 'below', 'to', 'from', 'up', 'down', 'out', 'off', 'over', 'under', 'since', 'until', 'toward', 'towards', 'upon', 'within', 'without', 'across', 'along', 'amid', 'among', 'despite', 'via', 'per', 'than', 'like', 'near', 'around', 'behind', 'beyond']);
const CONJUNCTIONS = new Set(['and', 'but', 'or', 'nor', 'yet', 'so', 'while', 'whereas', 'although', 'though', 'because', 'if', 'unless', 'when', 'as', 'whether', 'once']);
const MODALS = new Set(['will', 'would', 'may', 'might', 'could', 'should', 'must', 'can', 'shall', 'ought', "'ll", "'d", 'cannot']);
const CONTRACTING_PRONOUNS = new Set(['it', 'he', 'she', 'that', 'there', 'what', 'who', 'where', 'here', 'this']);
/** Word endings of adjectives: a plural-looking word after one is a noun ("economic sanctions"), not a verb. */
const ADJECTIVE_ENDING = /(?:ic|al|ive|ous|ful|less|able|ible|ary|ian|ese|ish|ern|ed|ing|est|er)$/;
const PERFECT_OR_PASSIVE = new Set(['has', 'have', 'had', 'having', 'was', 'were', 'is', 'are', 'be', 'been', 'being', "'s", "'ve", "'re", 'am', 'get', 'got']);

const lemmaCache = new Map<string, string>();
const LEMMA_CACHE_SIZE = 50_000;

/** Lemma of a lower-case word: irregular table, then suffix rules checked against the verb lexicon (memoised: news reuses its words). */
export function lemmatize(lower: string): string {
  let lemma = lemmaCache.get(lower);
  if (lemma === undefined) {
    lemma = lemmatizeWord(lower);
    if (lemmaCache.size >= LEMMA_CACHE_SIZE) lemmaCache.clear();
    lemmaCache.set(lower, lemma);
  }
  return lemma;
}

function lemmatizeWord(lower: string): string {
  const lex = claimsLexicon();
  const irregular = lex.irregular.get(lower);
  if (irregular) return irregular;
  if (lower.length <= 3 || lex.verbs.has(lower)) return lower;
  for (const candidate of suffixCandidates(lower)) if (lex.verbs.has(candidate)) return candidate;
  if (lower.endsWith('ies') && lower.length > 4) return lower.slice(0, -3) + 'y';
  if (lower.endsWith('sses') || lower.endsWith('shes') || lower.endsWith('ches') || lower.endsWith('xes')) return lower.slice(0, -2);
  if (lower.endsWith('s') && !/(ss|us|is|ics)$/.test(lower)) return lower.slice(0, -1);
  return lower;
}

function suffixCandidates(w: string): string[] {
  const out: string[] = [];
  const undouble = (s: string) => (s.length > 2 && s[s.length - 1] === s[s.length - 2] ? s.slice(0, -1) : s);
  if (w.endsWith('ied')) out.push(w.slice(0, -3) + 'y');
  if (w.endsWith('ed')) {
    const stem = w.slice(0, -2);
    out.push(stem, w.slice(0, -1), undouble(stem));
  }
  if (w.endsWith('ing')) {
    const stem = w.slice(0, -3);
    out.push(stem, stem + 'e', undouble(stem));
  }
  if (w.endsWith('ies')) out.push(w.slice(0, -3) + 'y');
  if (w.endsWith('es')) out.push(w.slice(0, -2));
  if (w.endsWith('s')) out.push(w.slice(0, -1));
  return out;
}

function isPastForm(lower: string, lemma: string): boolean {
  const lex = claimsLexicon();
  if (lex.irregular.has(lower) && lemma !== lower && !lower.endsWith('s') && !lower.endsWith('ing')) return true;
  return lower.endsWith('ed') && lex.verbs.has(lemma);
}

/** Tags for the tokens of one sentence (or clause). */
export function tagWords(tokens: Token[]): TaggedWord[] {
  const lex = claimsLexicon();
  const out: TaggedWord[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const lower = token.norm.toLowerCase();
    const lemma = token.kind === 'word' ? lemmatize(lower) : lower;
    out.push({ token, lower, lemma, tag: baseTag(token, lower, i, tokens) });
  }
  for (let i = 0; i < out.length; i++) {
    const w = out[i];
    if (w.tag !== 'word' || w.token.kind !== 'word') continue;
    const prev = previousWord(out, i);
    if (!lex.verbs.has(w.lemma) && !isPastForm(w.lower, w.lemma)) continue;
    if (prev && (prev.tag === 'det' || prev.tag === 'prep')) {
      if (prev.lower === 'to' && w.lower === w.lemma) w.tag = 'vpart';
      continue;
    }
    if (w.lower.endsWith('ing')) {
      w.tag = 'vpart';
      continue;
    }
    if (isPastForm(w.lower, w.lemma)) {
      w.tag = prev && (PERFECT_OR_PASSIVE.has(prev.lower) || prev.tag === 'aux') ? 'vpart' : 'verb';
      continue;
    }
    const next = out[i + 1];
    const nounFollowsAdjective = prev && prev.tag === 'word' && ADJECTIVE_ENDING.test(prev.lower);
    const verbFollows = next && (next.tag === 'aux' || next.tag === 'modal');
    const subjectBefore = prev && !verbFollows && (prev.tag === 'name' || SUBJECT_PRONOUNS.has(prev.lower) || (prev.tag === 'word' && !lex.verbs.has(prev.lemma) && !nounFollowsAdjective));
    if (w.lower !== w.lemma && w.lower.endsWith('s') && subjectBefore) w.tag = 'verb';
    else if (w.lower === w.lemma && prev && (prev.tag === 'modal' || prev.tag === 'neg' || prev.lower === 'did' || prev.lower === 'do' || prev.lower === 'does')) w.tag = 'vpart';
    else if (w.lower === w.lemma && prev && !verbFollows && (['they', 'we', 'i', 'you', 'who'].includes(prev.lower) || (prev.tag === 'word' && prev.lower.endsWith('s') && prev.lower !== prev.lemma))) w.tag = 'verb';
  }
  return out;
}

function previousWord(words: TaggedWord[], i: number): TaggedWord | undefined {
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const w = words[j];
    if (w.tag === 'punct' && w.lower !== '-') return undefined;
    if (w.token.kind === 'word' && !w.lower.endsWith('ly')) return w; // adverbs are skipped: "has firmly upheld"
    if (w.token.kind !== 'word') return w;
  }
  return undefined;
}

function baseTag(token: Token, lower: string, i: number, tokens: Token[]): Tag {
  const lex = claimsLexicon();
  if (token.kind === 'number') return 'num';
  if (token.kind === 'punct' || token.kind === 'symbol') return 'punct';
  if (lower === 'not' || lower === "n't" || lower === 'never' || lower === 'cannot') return 'neg';
  if (MODALS.has(lower)) return 'modal';
  // possessive, unless a contraction after a pronoun ("it's been")
  if (lower === "'s") return i > 0 && CONTRACTING_PRONOUNS.has(tokens[i - 1].norm.toLowerCase()) ? 'aux' : 'det';
  if (lex.auxiliaries.has(lower)) return 'aux';
  if (lex.numbers.has(lower) || lex.multipliers.has(lower)) return 'num';
  if (DETERMINERS.has(lower)) return 'det';
  if (PREPOSITIONS.has(lower)) return 'prep';
  if (CONJUNCTIONS.has(lower)) return 'conj';
  if (PRONOUNS.has(lower)) return 'pron';
  if (lower === 'no' || lower === 'none' || lower === 'neither' || lower === 'nor') return 'neg';
  const opensSentence = i === 0 || (i > 0 && (tokens[i - 1].norm === '"' || tokens[i - 1].norm === "'" || tokens[i - 1].norm === '(') && i <= 2);
  if (isUpperInitial(token.text) && (!opensSentence || !lex.stopwords.has(lower)) && !(opensSentence && lex.verbs.has(lemmatize(lower)))) return 'name';
  return 'word';
}

export function isContentWord(w: TaggedWord): boolean {
  if (w.token.kind !== 'word' && w.token.kind !== 'number') return false;
  if (w.tag === 'aux' || w.tag === 'modal' || w.tag === 'det' || w.tag === 'prep' || w.tag === 'conj' || w.tag === 'pron' || w.tag === 'neg') return false;
  return !claimsLexicon().stopwords.has(w.lower) && w.lower.length > 1;
}
