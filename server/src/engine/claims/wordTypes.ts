/**
 * What the claims engine knows of a word form before reading its context — lower case, lemma,
 * canonical terms, a tag when the word belongs to a closed class, and its memberships in the claims
 * lexicon as bit flags — computed once per distinct form and shared by every occurrence (news
 * reuses its words), so the per-token passes test bits instead of hashing strings into sets.
 */
import type { Token, TokenKind } from '../types';
import { isUpperInitial } from '../text/chars';
import { claimsLexicon } from './claimsLexicon';
import { FormTable } from './formTable';
import { isPastForm, lemmatize } from './lemmas';

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

export interface WordType {
  kind: TokenKind;
  lower: string;
  /** the lemma of a word token; the lower-case form of anything else */
  lemma: string;
  /** canonical term of the lemma (its synonym group) */
  lemmaTerm: string;
  /** canonical term of the form read as a name (lower case, dots dropped) */
  nameTerm: string;
  /** the tag when it does not depend on the context (closed classes, numbers, punctuation), else null */
  tag: Tag | null;
  /** the verb an event noun names, canonical ("invasion" -> invade), or null */
  eventNoun: string | null;
  /** the value of a number token written in digits ("150,000" -> 150000); null for "1920s", "11th" */
  value: number | null;
  flags: number;
}

// lexicon memberships (lower = of the lower-case form, lemma = of the lemma)
export const STOPWORD = 1 << 0; // stopwords: lower
export const VERB = 1 << 1; // verbs: lemma
export const PAST_FORM = 1 << 2; // an inflected past form of a verb
export const ADJECTIVE_END = 1 << 3; // an adjective ending, or a listed adjective without one (prenominalAdjectives): a plural after it is a noun
export const REPORTING = 1 << 4; // reportingVerbs: lemma
export const PASSIVE_VAGUE = 1 << 5; // passiveVagueVerbs: lemma
export const VAGUE_ADVERB = 1 << 6; // vagueAdverbs: lower
export const ACCORDING_START = 1 << 7; // first word of an "according to" phrase
export const NEGATIVE_PHRASE_START = 1 << 8; // first word of a negative phrase ("yet to", "no sign of")
export const HEDGE = 1 << 9; // hedgeWords: lower
export const OPINION = 1 << 10; // opinionWords: lower
export const INTERPRETIVE = 1 << 11; // interpretiveVerbs: lemma
export const STATE_VERB = 1 << 12; // stateVerbs: lemma
export const GENERIC_LEMMA = 1 << 13; // genericTerms: lemma
export const GENERIC_TERM = 1 << 14; // genericTerms: canonical term of the lemma
export const CONDITIONAL_OPENER = 1 << 15; // conditionalOpeners: lower
export const LY = 1 << 16; // ends in "ly" (adverb-like)
export const NUMBER_WORDS = 1 << 17; // number words, maybe hyphenated ("twenty-five")
export const MULTIPLIER = 1 << 18; // multipliers: lower ("thousand", "millions")
export const DEMONYM_END = 1 << 19; // an ending of nationality adjectives ("-ian", "-ese")
export const CONTENT_FORM = 1 << 20; // a word or number, not a stopword, longer than one character
export const BELIEF = 1 << 21; // beliefVerbs: lemma
export const EVIDENCE = 1 << 22; // evidenceVerbs: lemma
// word classes of dates and periods
export const MONTH_NAME = 1 << 23; // a month named in full, except "may"
export const TEMPORAL_NOUN = 1 << 24; // a period or a named day: "year", "summer", "monday", "yesterday"
export const TIME_UNIT = 1 << 25; // year, month, week or day, singular or plural
// shapes of numbers written in digits (of the form as written)
export const FOUR_DIGITS = 1 << 26; // "2024", "0001"
export const YEAR = 1 << 27; // a year 1800-2099: "1994"
export const YEAR_OR_DECADE = 1 << 28; // "1994", "1990s"
export const CAPITALISED = 1 << 29; // starts with a capital letter

const MONTHS = new Set(['january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
const TEMPORAL_NOUNS = new Set(['year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days', 'decade', 'decades', 'spring', 'summer', 'autumn', 'fall', 'winter', 'winters', 'yesterday', 'today', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
/** The time units of elapsed-time statements, by their singular and plural forms. */
export const TIME_UNITS = new Map<string, 'year' | 'month' | 'week' | 'day'>([['year', 'year'], ['years', 'year'], ['month', 'month'], ['months', 'month'], ['week', 'week'], ['weeks', 'week'], ['day', 'day'], ['days', 'day']]);

const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'your', 'my', 'some', 'any', 'each', 'every', 'no', 'all', 'both', 'several', 'many', 'few', 'most', "'s", 'another', 'such', 'what', 'which', 'whose']);
const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'who', 'him', 'them', 'us', 'me', 'which', 'that', 'one', 'someone', 'nobody', 'everyone', 'anyone', 'there']);
const PREPOSITIONS = new Set(['of', 'in', 'on', 'at', 'by', 'for', 'with', 'about', 'against', 'between', 'into', 'through', 'during', 'before', 'after', 'above', 'below', 'to', 'from', 'up', 'down', 'out', 'off', 'over', 'under', 'since', 'until', 'toward', 'towards', 'upon', 'within', 'without', 'across', 'along', 'amid', 'among', 'despite', 'via', 'per', 'than', 'like', 'near', 'around', 'behind', 'beyond']);
const CONJUNCTIONS = new Set(['and', 'but', 'or', 'nor', 'yet', 'so', 'while', 'whereas', 'although', 'though', 'because', 'if', 'unless', 'when', 'as', 'whether', 'once']);
const MODALS = new Set(['will', 'would', 'may', 'might', 'could', 'should', 'must', 'can', 'shall', 'ought', "'ll", "'d", 'cannot']);
/** Word endings of adjectives: a plural-looking word after one is a noun ("economic sanctions"), not a verb. */
const ADJECTIVE_ENDING = /(?:ic|al|ive|ous|ful|less|able|ible|ary|ian|ese|ish|ern|ed|ing|est|er)$/;
const DEMONYM_ENDING = /(?:ian|ean|ese|ish|an|i|ic|ern)$/;

/** Form -> type, shared by all documents (news reuses its words). */
const types = new FormTable<WordType>(17);

/** The types of a sentence's tokens. */
export function typesOf(tokens: Token[]): WordType[] {
  const out: WordType[] = [];
  for (let i = 0; i < tokens.length; i++) out.push(wordType(tokens[i]));
  return out;
}

/** The type of a token's form (shared across tokens and documents). */
export function wordType(token: Token): WordType {
  const cached = types.get(token.norm);
  if (cached !== undefined && cached.kind === token.kind) return cached;
  const type = makeType(token.norm, token.kind);
  if (cached === undefined) types.add(token.norm, type);
  return type;
}

function makeType(norm: string, kind: TokenKind): WordType {
  const lex = claimsLexicon();
  // internalized once per distinct string: the lemma and the terms are mostly the lower-case form itself
  const lower = internalized(norm.toLowerCase());
  const lemma = kind === 'word' ? internalizedLike(lemmatize(lower), lower) : lower;
  const lemmaTerm = internalizedLike(lex.synonym.get(lemma) ?? lemma, lemma);
  const nameForm = lower.includes('.') ? lower.replace(/\./g, '') : lower;
  const nameTerm = internalizedLike(lex.synonym.get(nameForm) ?? nameForm, lower);
  const tag = closedTag(lower, kind);
  const flags = flagsOf(lower, lemma, lemmaTerm, kind) | (kind === 'number' ? numberShape(norm) : 0) | (upperInitial(norm) ? CAPITALISED : 0);
  return { kind, lower, lemma, lemmaTerm, nameTerm, tag, eventNoun: eventNoun(lower, lemma), value: kind === 'number' ? numberValue(norm) : null, flags };
}

function numberValue(norm: string): number | null {
  if (/[a-z]$/i.test(norm)) return null; // 1920s, 11th
  const value = Number(norm.replace(/,/g, ''));
  return Number.isFinite(value) ? value : null;
}

function numberShape(norm: string): number {
  let flags = 0;
  if (/^\d{4}$/.test(norm)) flags |= FOUR_DIGITS;
  if (/^(?:1[89]|20)\d\d$/.test(norm)) flags |= YEAR;
  if (/^(?:1[89]|20)\d\ds?$/.test(norm)) flags |= YEAR_OR_DECADE;
  return flags;
}

/**
 * The same string as the engine keeps property names: unique per content, so comparing it with
 * another such string ("that", ",", a cue word) is a pointer comparison.
 */
function internalized(text: string): string {
  const holder: Record<string, number> = Object.create(null); // no hidden class per distinct name
  holder[text] = 0;
  return Object.keys(holder)[0];
}

/** `known` (internalized) when the text is the same, else the text internalized. */
function internalizedLike(text: string, known: string): string {
  return text === known ? known : internalized(text);
}

function closedTag(lower: string, kind: TokenKind): Tag | null {
  const lex = claimsLexicon();
  if (kind === 'number') return 'num';
  if (kind === 'punct' || kind === 'symbol') return 'punct';
  if (lower === 'not' || lower === "n't" || lower === 'never' || lower === 'cannot') return 'neg';
  if (MODALS.has(lower)) return 'modal';
  if (lower === "'s") return null; // possessive, or a contraction after a pronoun ("it's been")
  if (lex.auxiliaries.has(lower)) return 'aux';
  if (lex.numbers.has(lower) || lex.multipliers.has(lower)) return 'num';
  if (DETERMINERS.has(lower)) return 'det';
  if (PREPOSITIONS.has(lower)) return 'prep';
  if (CONJUNCTIONS.has(lower)) return 'conj';
  if (PRONOUNS.has(lower)) return 'pron';
  if (lower === 'no' || lower === 'none' || lower === 'neither' || lower === 'nor') return 'neg';
  return null;
}

function eventNoun(lower: string, lemma: string): string | null {
  const lex = claimsLexicon();
  const nouns = lex.eventNouns;
  const verb = nouns.get(lower) ?? nouns.get(lemma) ?? (lower.endsWith('s') ? nouns.get(lower.slice(0, -1)) : undefined);
  return verb ? (lex.synonym.get(verb) ?? verb) : null;
}

/** The lexicon's memberships as bits: of a lower-case form, of a lemma. Built once. */
interface LexiconBits {
  byLower: Map<string, number>;
  byLemma: Map<string, number>;
}

let lexiconBits: LexiconBits | null = null;

function buildLexiconBits(): LexiconBits {
  const lex = claimsLexicon();
  const byLower = new Map<string, number>();
  const byLemma = new Map<string, number>();
  const mark = (map: Map<string, number>, forms: Iterable<string>, bit: number) => {
    for (const form of forms) map.set(form, (map.get(form) ?? 0) | bit);
  };
  mark(byLower, lex.stopwords, STOPWORD);
  mark(byLower, lex.prenominalAdjectives, ADJECTIVE_END);
  mark(byLower, lex.vagueAdverbs, VAGUE_ADVERB);
  mark(byLower, lex.accordingTo.map((p) => p[0]), ACCORDING_START);
  mark(byLower, lex.negativePhrases.map((p) => p[0]), NEGATIVE_PHRASE_START);
  mark(byLower, lex.hedgeWords, HEDGE);
  mark(byLower, lex.opinionWords, OPINION);
  mark(byLower, lex.conditionalOpeners, CONDITIONAL_OPENER);
  mark(byLower, lex.numbers.keys(), NUMBER_WORDS);
  mark(byLower, lex.multipliers.keys(), MULTIPLIER);
  mark(byLower, MONTHS, MONTH_NAME);
  mark(byLower, TEMPORAL_NOUNS, TEMPORAL_NOUN);
  mark(byLower, TIME_UNITS.keys(), TIME_UNIT);
  mark(byLemma, lex.verbs, VERB);
  mark(byLemma, lex.reportingVerbs, REPORTING);
  mark(byLemma, lex.passiveVagueVerbs, PASSIVE_VAGUE);
  mark(byLemma, lex.interpretiveVerbs, INTERPRETIVE);
  mark(byLemma, lex.stateVerbs, STATE_VERB);
  mark(byLemma, lex.genericTerms, GENERIC_LEMMA);
  mark(byLemma, lex.beliefVerbs, BELIEF);
  mark(byLemma, lex.evidenceVerbs, EVIDENCE);
  return { byLower, byLemma };
}

function flagsOf(lower: string, lemma: string, lemmaTerm: string, kind: TokenKind): number {
  const lex = claimsLexicon();
  const bits = (lexiconBits ??= buildLexiconBits());
  let flags = (bits.byLower.get(lower) ?? 0) | (bits.byLemma.get(lemma) ?? 0);
  // a hyphenated form is number words when every part is one ("twenty-five")
  if (lower.includes('-')) flags = (flags & ~NUMBER_WORDS) | (lower.split('-').every((p) => lex.numbers.has(p)) ? NUMBER_WORDS : 0);
  if (isPastForm(lower, lemma)) flags |= PAST_FORM;
  if (ADJECTIVE_ENDING.test(lower)) flags |= ADJECTIVE_END;
  if (lex.genericTerms.has(lemmaTerm)) flags |= GENERIC_TERM;
  if (lower.endsWith('ly')) flags |= LY;
  if (DEMONYM_ENDING.test(lower)) flags |= DEMONYM_END;
  if ((kind === 'word' || kind === 'number') && !(flags & STOPWORD) && lower.length > 1) flags |= CONTENT_FORM;
  return flags;
}

/** Whether a word starts with a capital letter (ASCII at once; other scripts by case mapping). */
function upperInitial(text: string): boolean {
  const c = text.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : isUpperInitial(text);
}
