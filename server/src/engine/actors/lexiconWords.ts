/**
 * What the lexicon knows about one word key, found with one look-up and remembered on the unit: the
 * word lists it is in (as bits), the gazetteer phrases and titles that start with it, the titles that
 * end with it. A look-up per list and question would cost a hash of a fresh string each.
 */
import type { ActorLexicon, TrieNode, WordTrie } from './lexicon';
import type { Unit } from './units';

export interface LexiconWord {
  /** The word lists it is in: bits below. */
  classes: number;
  /** Gazetteer phrases whose first word this is (the phrase trie below the root). */
  phrase?: TrieNode;
  /** Titles whose first word this is (the forward title trie below the root). */
  titleFirst?: WordTrie;
  /** Titles whose last word this is (the backward title trie below the root). */
  titleLast?: WordTrie;
}

/** Every LexiconWord has all four fields, so reading them stays monomorphic. Never changed. */
const UNKNOWN: LexiconWord = newWord();

function newWord(): LexiconWord {
  return { classes: 0, phrase: undefined, titleFirst: undefined, titleLast: undefined };
}

export const COMMON_WORD = 1 << 0;
export const NOT_NAME = 1 << 1;
export const HONORIFIC = 1 << 2;
/** A one-word title ("president"); longer titles are matched with the title tries. */
export const TITLE = 1 << 3;
export const ORG_SUFFIX = 1 << 4;
export const PLACE_SUFFIX = 1 << 5;
export const PLACE_PREFIX = 1 << 6;
export const CONNECTOR = 1 << 7;
export const LOCATIVE = 1 << 8;
export const PLACE_LOCATIVE = 1 << 9;
export const STRIKE_NOUN = 1 << 10;
export const PERSON_VERB = 1 << 11;
export const PREDICATIVE = 1 << 12;
export const GIVEN_NAME = 1 << 13;
export const SURNAME = 1 << 14;
/** Capitalised function words that end a name even inside a run of capitals ("Elizabeth Quat In the ..."). */
export const RUN_BREAKER = 1 << 15;
/** Function words that open a sentence before a name, never part of it ("Both the Irving School District"). */
export const OPENING_FUNCTION_WORD = 1 << 16;
/** Words before which a capitalised word is a common noun in Title Case ("this Wall"), not a proper name. */
export const DETERMINER = 1 << 17;

const RUN_BREAKERS = ['in', 'at', 'on', 'to', 'from', 'with', 'by', 'and', 'or', 'but', 'as', 'is', 'was', 'are', 'were', 'that', 'this', 'into', 'near'];
const OPENING_FUNCTION_WORDS = ['both', 'all', 'either', 'neither', 'many', 'several', 'most', 'some', 'such', 'other', 'another', 'each', 'every', 'these', 'those', 'this', 'that', 'when', 'while', 'after', 'before', 'if', 'since', 'although', 'though', 'because', 'unlike', 'like', 'despite'];
const DETERMINERS = ['this', 'that', 'these', 'those', 'my', 'your', 'our', 'their', 'its', 'every', 'each', 'some', 'any'];

/** What the lexicon knows about the unit's key (looked up once per unit). */
export function lexiconWord(lex: ActorLexicon, u: Unit): LexiconWord {
  let word = u.word;
  if (word === undefined) word = u.word = wordsOf(lex).get(u.key) ?? UNKNOWN;
  return word;
}

/** Whether the unit's key is in any of the word lists `classes` (bits above). */
export function isWord(lex: ActorLexicon, u: Unit, classes: number): boolean {
  return (lexiconWord(lex, u).classes & classes) !== 0;
}

/**
 * The words of a lexicon, made on first use in each thread and kept on the lexicon under a symbol:
 * derived data, which a structured clone (the lexicon sent to a worker) leaves out, as it would cost
 * more to clone than to make again.
 */
const WORDS = Symbol('lexicon words');

function wordsOf(lex: ActorLexicon): Map<string, LexiconWord> {
  const indexed = lex as ActorLexicon & { [WORDS]?: Map<string, LexiconWord> };
  return (indexed[WORDS] ??= lexiconWords(lex));
}

/** Every word of the lexicon's lists, phrases and titles. */
function lexiconWords(lex: ActorLexicon): Map<string, LexiconWord> {
  const lists: [Iterable<string>, number][] = [
    [lex.commonWords, COMMON_WORD],
    [lex.notNames, NOT_NAME],
    [lex.honorifics, HONORIFIC],
    [lex.titles, TITLE],
    [lex.orgSuffixes, ORG_SUFFIX],
    [lex.placeSuffixes, PLACE_SUFFIX],
    [lex.placePrefixes, PLACE_PREFIX],
    [lex.connectors, CONNECTOR],
    [lex.locatives, LOCATIVE],
    [lex.placeLocatives, PLACE_LOCATIVE],
    [lex.strikeNouns, STRIKE_NOUN],
    [lex.personVerbs, PERSON_VERB],
    [lex.predicative, PREDICATIVE],
    [lex.givenNames, GIVEN_NAME],
    [lex.surnames, SURNAME],
    [RUN_BREAKERS, RUN_BREAKER],
    [OPENING_FUNCTION_WORDS, OPENING_FUNCTION_WORD],
    [DETERMINERS, DETERMINER],
  ];
  const words = new Map<string, LexiconWord>();
  const word = (key: string): LexiconWord => {
    let w = words.get(key);
    if (!w) words.set(key, (w = newWord()));
    return w;
  };
  for (const [keys, bit] of lists) for (const key of keys) word(key).classes |= bit;
  for (const [key, node] of lex.phrases.next ?? []) word(key).phrase = node;
  for (const [key, node] of lex.titleWordsForward.next ?? []) word(key).titleFirst = node;
  for (const [key, node] of lex.titleWordsBackward.next ?? []) word(key).titleLast = node;
  return words;
}
