/**
 * The words of one sentence as the date stage reads them: each token's lower-case form and a bit set
 * of the word classes the grammar, the event finder and the date inference ask about ("may open a
 * temporal expression", "a future cue", "the first word of an event's name" …). One look per token
 * answers them all, so later passes test bits instead of looking words up again, and a sentence's
 * union of bits tells at once whether it has, say, any past auxiliary.
 */
import type { Token } from '../types';
import { CUE_WORDS, EVENT_NAMES, FUTURE_CUES, OFFICE_HOLDER_NAMES, OPENERS, opensWord } from './dateLexicon';

export const OPENS = 1;
export const FUTURE_CUE = 2;
/** "is", "are" ("is to be held"). */
export const IS_ARE = 4;
export const PAST_AUXILIARY = 8;
/** "if", "would" …: talk of what might be. */
export const HYPOTHETICAL = 16;
/** The first word of a known event's name. */
export const EVENT_NAME = 32;
/** The first word of an office holder's name. */
export const HOLDER_NAME = 64;
/** A word that makes an event the likely topic (events.json "cues"). */
export const EVENT_CUE = 128;
/** "the", "its" …, before a generic event noun ("the war"). */
export const DETERMINER = 256;
/** The possessive "'s" token. */
export const POSSESSIVE = 512;

/** Bits 10-12: a number token's shape (1 + its index in NUMBER_SHAPES); 0 for other tokens. */
const SHAPE_SHIFT = 10;

export const PAST_AUXILIARIES = new Set(['was', 'were', 'had', 'did']);
export const HYPOTHETICAL_WORDS = new Set(['if', 'would', 'could', 'might', 'should', 'unless', 'whether']);
export const DETERMINERS = new Set(['the', 'this', 'that', 'its', 'their', 'his', 'her']);

export interface SentenceWords {
  /** Lower-case forms of the tokens' norms. */
  low: string[];
  /** Word-class bits per token. */
  classes: Uint16Array;
  /** The union of the tokens' bits. */
  all: number;
}

const CLASSES = new Map<string, number>();
const addClass = (words: Iterable<string>, bit: number) => {
  for (const w of words) CLASSES.set(w, (CLASSES.get(w) ?? 0) | bit);
};
addClass([...OPENERS].filter(opensWord), OPENS);
addClass(FUTURE_CUES, FUTURE_CUE);
addClass(['is', 'are'], IS_ARE);
addClass(PAST_AUXILIARIES, PAST_AUXILIARY);
addClass(HYPOTHETICAL_WORDS, HYPOTHETICAL);
addClass(EVENT_NAMES.firstWords(), EVENT_NAME);
addClass(OFFICE_HOLDER_NAMES.firstWords(), HOLDER_NAME);
addClass(CUE_WORDS, EVENT_CUE);
addClass(DETERMINERS, DETERMINER);
addClass(["'s"], POSSESSIVE);

/**
 * What a number token looks like: 1-2, 3 or 4 digits, digit groups ("150,000"), an ordinal ("21st"),
 * a plural ("1980s"), anything else ("3.5", "20245").
 */
export type NumberShape = 'digits1to2' | 'digits3' | 'digits4' | 'grouped' | 'ordinal' | 'plural' | 'other';
export const NUMBER_SHAPES: NumberShape[] = ['digits1to2', 'digits3', 'digits4', 'grouped', 'ordinal', 'plural', 'other'];
const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);
const GROUPED = /^\d{1,3}(?:,\d{3})+$/;

export function numberShape(w: string): NumberShape {
  let digits = 0;
  while (digits < w.length && w.charCodeAt(digits) >= 48 && w.charCodeAt(digits) <= 57) digits++;
  if (digits === w.length) return digits === 0 ? 'other' : digits <= 2 ? 'digits1to2' : digits === 3 ? 'digits3' : digits === 4 ? 'digits4' : 'other';
  if (digits === 0) return 'other';
  const rest = w.slice(digits);
  if (rest === 's') return 'plural';
  if (ORDINAL_SUFFIXES.has(rest)) return 'ordinal';
  return GROUPED.test(w) ? 'grouped' : 'other';
}

const SHAPE_CODES = Object.fromEntries(NUMBER_SHAPES.map((shape, k) => [shape, k + 1])) as Record<NumberShape, number>;

/** The shape of number token i (told by sentenceWords). */
export const numberShapeAt = (words: SentenceWords, i: number): NumberShape => NUMBER_SHAPES[((words.classes[i] >> SHAPE_SHIFT) & 7) - 1];

/**
 * The listed words by their signature (first and last character, length): a word is compared with
 * the one or two listed words of its signature (two words in three have none), never hashed whole.
 */
const SIGNATURE_BITS = 14;
const signature = (w: string) => ((w.charCodeAt(0) * 31 + w.charCodeAt(w.length - 1)) * 32 + Math.min(w.length, 31)) & ((1 << SIGNATURE_BITS) - 1);
interface ListedWord {
  /** The word as the engine keeps property names: one string per content, its hash computed. */
  word: string;
  classes: number;
}
const BY_SIGNATURE: (ListedWord[] | undefined)[] = new Array(1 << SIGNATURE_BITS).fill(undefined);
for (const [word, classes] of CLASSES) (BY_SIGNATURE[signature(word)] ??= []).push({ word: internalized(word), classes });

function listedWord(w: string, signature: number): ListedWord | undefined {
  const listed = BY_SIGNATURE[signature];
  if (listed === undefined) return undefined;
  for (const entry of listed) if (entry.word === w) return entry;
  return undefined;
}

/**
 * The same string as the engine keeps property names (unique per content): the rules compare a
 * token's lower-case form with such strings and look it up in maps, which then costs a pointer
 * comparison and no hashing of a fresh string.
 */
function internalized(text: string): string {
  const holder: Record<string, number> = Object.create(null);
  holder[text] = 0;
  return Object.keys(holder)[0];
}

/** The lower-case form; a string with no capital and nothing beyond ASCII is its own (most words: no call, no copy). */
function lowerCaseOf(norm: string): string {
  for (let k = 0; k < norm.length; k++) {
    const c = norm.charCodeAt(k);
    if ((c >= 65 && c <= 90) || c >= 0x80) return norm.toLowerCase();
  }
  return norm;
}

/** The classes of a word (lower case), given those it is listed with. */
function withShapeClasses(w: string, bits: number): number {
  // words not listed open by their shape ("mid-June", "twenty-five", "q3")
  if (bits & OPENS || !((w.length === 2 && w.charCodeAt(0) === 113) || w.includes('-'))) return bits;
  return opensWord(w) ? bits | OPENS : bits;
}

export function sentenceWords(tokens: Token[]): SentenceWords {
  const n = tokens.length;
  const low = new Array<string>(n);
  const classes = new Uint16Array(n);
  let all = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    let w = lowerCaseOf(t.norm);
    const listed = listedWord(w, signature(w));
    if (listed !== undefined) w = listed.word;
    const bits = withShapeClasses(w, listed === undefined ? 0 : listed.classes);
    low[i] = w;
    // any number may open an expression; of the other non-words, only the apostrophe of "'90s"
    if (t.kind === 'word') classes[i] = bits;
    else if (t.kind === 'number') classes[i] = bits | OPENS | (SHAPE_CODES[numberShape(w)] << SHAPE_SHIFT);
    else classes[i] = w === "'" ? bits | OPENS : bits & ~OPENS;
    all |= classes[i];
  }
  return { low, classes, all };
}
