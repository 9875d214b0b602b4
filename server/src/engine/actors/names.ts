/** Name keys: how surface forms are compared, inside a document and across documents. */

const MARKS = /\p{M}/gu;
const NON_ASCII = /[^\x00-\x7F]/;

/** Key of one word: typographic folding, no diacritics, lower case, dots dropped ("U.S." -> "us", "Élysée" -> "elysee"). */
export function wordKey(text: string): string {
  let out = text;
  if (NON_ASCII.test(out)) out = out.normalize('NFKD').replace(MARKS, '').replace(/[\u2018\u2019\u02BC]/g, "'");
  out = out.toLowerCase();
  return out.includes('.') ? out.replace(/\./g, '') : out;
}

/**
 * Spelling skeleton of a word for transliteration variants ("Navalnyy" / "Navalny" / "Navalniy",
 * "Kyiv" / "Kiev" stay apart: only endings and doubled letters are folded, never vowels inside).
 */
export function spellingSkeleton(key: string): string {
  let s = key.replace(/[^a-z0-9]/g, '');
  s = s.replace(/(iy|yy|ii|ij|yi)$/, 'y');
  s = s.replace(/([a-z])\1+/g, '$1');
  s = s.replace(/ck/g, 'k').replace(/ph/g, 'f');
  return s;
}

/** Key of a multi-word name: word keys joined by single spaces. */
export function phraseKey(words: readonly string[]): string {
  return words.map(wordKey).join(' ');
}

/** Generational suffixes that are not the surname ("Jr."). */
export const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Whether a word is an initial ("W", "W.", "H.W."). */
export function isInitial(text: string): boolean {
  return /^(?:\p{Lu}\.?){1,3}$/u.test(text) && text.length <= 6;
}

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
