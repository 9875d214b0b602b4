/** Name keys: how surface forms are compared, inside a document and across documents. */

const MARKS = /\p{M}/gu;

/** Key of one word: typographic folding, no diacritics, lower case, dots dropped ("U.S." -> "us", "Élysée" -> "elysee"). */
export function wordKey(text: string): string {
  let upper = false;
  let dot = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return foldedKey(text);
    if (c >= 65 && c <= 90) upper = true;
    else if (c === 46) dot = true;
  }
  // ASCII: the same as foldedKey, without allocating when nothing changes
  const lower = upper ? text.toLowerCase() : text;
  return dot ? lower.replace(/\./g, '') : lower;
}

/** Keys of the non-ASCII words seen lately: Unicode normalisation is slow, and such names recur. Bounded. */
const foldedKeys = new Map<string, string>();
const FOLDED_KEYS_MAX = 4096;

function foldedKey(text: string): string {
  const known = foldedKeys.get(text);
  if (known !== undefined) return known;
  let out = text.normalize('NFKD').replace(MARKS, '').replace(/[\u2018\u2019\u02BC]/g, "'").toLowerCase();
  if (out.includes('.')) out = out.replace(/\./g, '');
  if (foldedKeys.size >= FOLDED_KEYS_MAX) foldedKeys.clear();
  foldedKeys.set(text, out);
  return out;
}

/**
 * Spelling skeleton of a word for transliteration variants ("Navalnyy" / "Navalny" / "Navalniy",
 * "Kyiv" / "Kiev" stay apart: only endings and doubled letters are folded, never vowels inside).
 */
export function spellingSkeleton(key: string): string {
  if (isOwnSkeleton(key)) return key;
  let s = key.replace(/[^a-z0-9]/g, '');
  s = s.replace(/(iy|yy|ii|ij|yi)$/, 'y');
  s = s.replace(/([a-z])\1+/g, '$1');
  s = s.replace(/ck/g, 'k').replace(/ph/g, 'f');
  return s;
}

const FOLDED_ENDINGS = new Set(['iy', 'yy', 'ii', 'ij', 'yi']);

/** Whether no folding of spellingSkeleton applies (the common case), checked without regular expressions. */
function isOwnSkeleton(key: string): boolean {
  let prev = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    const letter = c >= 97 && c <= 122;
    if (!letter && (c < 48 || c > 57)) return false;
    if (letter && c === prev) return false; // a doubled letter
    if ((prev === 99 && c === 107) || (prev === 112 && c === 104)) return false; // "ck", "ph"
    prev = c;
  }
  return !FOLDED_ENDINGS.has(key.slice(-2));
}

/** Key of a multi-word name: word keys joined by single spaces. */
export function phraseKey(words: readonly string[]): string {
  return words.map(wordKey).join(' ');
}

/** Length of the prefix the lexicon groups title stems by (stems are at least five letters long). */
export const STEM_PREFIX = 4;

/** Generational suffixes that are not the surname ("Jr."). */
export const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Whether a word is an initial ("W", "W.", "H.W."). */
export function isInitial(text: string): boolean {
  if (text.length === 0 || text.length > 6) return false;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return INITIAL.test(text);
    if (c >= 65 && c <= 90) letters++;
    else if (c !== 46 || i === 0 || text.charCodeAt(i - 1) === 46) return false; // a dot follows a letter
  }
  return letters <= 3;
}

const INITIAL = /^(?:\p{Lu}\.?){1,3}$/u;

/** Whether `acronym` spells the initials of the capitalised words of `words` ("CAIR" for "Council on American-Islamic Relations"). */
export function isAcronymOf(acronym: string, words: readonly string[]): boolean {
  const letters = acronym.replace(/[^\p{L}]/gu, '').toUpperCase();
  if (letters.length < 2) return false;
  const initials = words
    .flatMap((w) => w.split('-'))
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0].toUpperCase())
    .join('');
  return initials === letters;
}

/** A readable id from a name: "Angela Merkel" -> "angela-merkel". */
export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(/['\u2019.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** White space runs as single spaces (`text.replace(/\s+/g, ' ')`), without a regular expression when nothing changes. */
export function singleSpaced(text: string): string {
  let previousSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (previousSpace) return text.replace(/\s+/g, ' ');
      previousSpace = true;
    } else if ((c >= 9 && c <= 13) || (c >= 128 && isWideSpace(c))) return text.replace(/\s+/g, ' ');
    else previousSpace = false;
  }
  return text;
}

/** White space of `\s` beyond ASCII. */
function isWideSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
