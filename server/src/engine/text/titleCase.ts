import { charClass, codePointWithin, fold, foldedUnitAt, isUpperCodePoint, LETTER, unitsOf } from './chars';

/**
 * Title case of a line, read in the text by offsets as `fold` would leave it: the first word starts
 * upper case, and so do at least three in four content words (words `[\p{L}][\p{L}'-]*` that are not
 * small words).
 */
export function isTitleCase(s: string, start: number, end: number): boolean {
  if (!firstLetterIsUpper(s, start, end)) return false;
  let content = 0;
  let capital = 0;
  for (let i = start; i < end; ) {
    const first = codePointWithin(s, i, end);
    if ((charClass(first) & LETTER) === 0) {
      i += unitsOf(first);
      continue;
    }
    const wordEnd = titleWordEnd(s, i + unitsOf(first), end);
    if (!isSmallWord(s, i, wordEnd)) {
      content++;
      if (isUpperCodePoint(first)) capital++;
    }
    i = wordEnd;
  }
  return content >= 1 && capital / content >= 0.75;
}

function firstLetterIsUpper(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; ) {
    const cp = codePointWithin(s, i, end);
    if ((charClass(cp) & LETTER) !== 0) return isUpperCodePoint(cp);
    i += unitsOf(cp);
  }
  return false;
}

/** End of `[\p{L}'-]*` from `at` (apostrophes and hyphens as folded: "’" and "‐" count). */
function titleWordEnd(s: string, at: number, end: number): number {
  while (at < end) {
    const unit = foldedUnitAt(s, at);
    if (unit === 39 || unit === 45) {
      at++;
      continue;
    }
    const cp = codePointWithin(s, at, end);
    if ((charClass(cp) & LETTER) === 0) break;
    at += unitsOf(cp);
  }
  return at;
}

const SMALL_WORDS = new Set(
  'a an the and or but nor of in on at to for from by with as into onto upon over under than that its it is are was be vs via per up out off not no so yet if'.split(' '),
);
const SMALL_WORD_MAX = Math.max(...[...SMALL_WORDS].map((w) => w.length));
const SMALL_WORD_KEYS = new Set([...SMALL_WORDS].filter((w) => /^[a-z]+$/.test(w)).map(letterKey));

/**
 * A small word, compared lower-cased. A word of ASCII letters is compared by a number (its letters
 * as base-32 digits), without making a string; any other word is folded and lower-cased (lower-casing
 * never shortens a word, so a word longer than every small word is not one).
 */
function isSmallWord(s: string, start: number, end: number): boolean {
  if (end - start > SMALL_WORD_MAX) return false;
  let key = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) return SMALL_WORDS.has(fold(s.slice(start, end)).toLowerCase());
    key = key * 32 + (c - 96);
  }
  return SMALL_WORD_KEYS.has(key);
}

function letterKey(word: string): number {
  let key = 0;
  for (let i = 0; i < word.length; i++) key = key * 32 + (word.charCodeAt(i) - 96);
  return key;
}
