/**
 * Which of the lexicon's word lists a word is in, as bits: one look-up per word of the text answers
 * every list (remembered on the unit), where a look-up per list and question would cost a hash each.
 */
import type { ActorLexicon } from './lexicon';
import type { Unit } from './units';

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

/** Whether the unit's key is in any of the word lists `classes` (bits above) of the lexicon. */
export function isWord(lex: ActorLexicon, u: Unit, classes: number): boolean {
  let found = u.classes;
  if (found < 0) found = u.classes = lex.wordClasses.get(u.key) ?? 0;
  return (found & classes) !== 0;
}

/** The classes of every word in the lexicon's lists. */
export function wordClassesOf(lex: Omit<ActorLexicon, 'wordClasses'>): Map<string, number> {
  const lists: [Set<string>, number][] = [
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
  ];
  const classes = new Map<string, number>();
  for (const [words, bit] of lists) for (const w of words) classes.set(w, (classes.get(w) ?? 0) | bit);
  return classes;
}
