/** Character classes and folding shared by the tokenizer and the lexicon look-ups. */

const FOLD: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u00A0': ' ', '\u2009': ' ', '\u202F': ' ', '\u2026': '.',
};

/** Code unit -> folded code unit, 0 where the unit stays as it is. */
const FOLD_UNIT = new Uint16Array(0x10000);
for (const [from, to] of Object.entries(FOLD)) FOLD_UNIT[from.charCodeAt(0)] = to.charCodeAt(0);

/**
 * Fold typographic quotes, apostrophes, dashes and spaces to ASCII; the length is kept (one char for
 * one char). Every folded character is one BMP code unit, so folding maps code units one by one
 * (astral characters and lone surrogates stay as they are). Text with nothing to fold is returned as is.
 */
export function fold(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xa0 && FOLD_UNIT[c] !== 0) return foldFrom(text, i);
  }
  return text;
}

/** The code unit at `i` as `fold` leaves it (NaN past the end). */
export function foldedUnitAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  return FOLD_UNIT[unit] || unit;
}

/** Folded from `first` on; joined from parts, so a long text stays one flat string (fast to read by index). */
function foldFrom(text: string, first: number): string {
  if (text.length === 1) return String.fromCharCode(FOLD_UNIT[text.charCodeAt(0)]);
  const parts = [text.slice(0, first)];
  let from = first;
  for (let i = first; i < text.length; i++) {
    const to = FOLD_UNIT[text.charCodeAt(i)];
    if (to === 0) continue;
    parts.push(text.slice(from, i), String.fromCharCode(to));
    from = i + 1;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/** Key used to compare names: folded, lower case, possessive removed, dots and hyphens dropped, spaces single. */
export function nameKey(text: string): string {
  return fold(text)
    .replace(/'s$/i, '')
    .toLowerCase()
    .replace(/[.]/g, '')
    .replace(/[-\s]+/g, ' ')
    .trim();
}

export function isUpperInitial(word: string): boolean {
  const c = word.codePointAt(0);
  return c !== undefined && isUpperCodePoint(c);
}

export function isLowerInitial(word: string): boolean {
  const c = word.codePointAt(0);
  return c !== undefined && isLowerCodePoint(c);
}

/** Upper case: changed by lower-casing, not by upper-casing ("A", "Ä"; not "a", "1", "ǅ"). */
export function isUpperCodePoint(c: number): boolean {
  if (c < 0x80) return c >= 65 && c <= 90;
  const ch = String.fromCodePoint(c);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function isLowerCodePoint(c: number): boolean {
  if (c < 0x80) return c >= 97 && c <= 122;
  const ch = String.fromCodePoint(c);
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

// ------------------------------------------------------------------ code point classes

/** Bits of `charClass`: the Unicode general categories the tokenizer asks about, as the regex engine sees them. */
export const LETTER = 1; // \p{L}
export const MARK = 2; // \p{M}
export const NUMBER = 4; // \p{N}
export const SPACE = 8; // \s (the same set String.prototype.trim removes)
export const SYMBOL = 16; // \p{S} or \p{Extended_Pictographic}
const KNOWN = 128;

const LETTER_RE = /^\p{L}$/u;
const MARK_RE = /^\p{M}$/u;
const NUMBER_RE = /^\p{N}$/u;
const SPACE_RE = /^\s$/u;
const SYMBOL_RE = /^[\p{S}\p{Extended_Pictographic}]$/u;

function classify(ch: string): number {
  return (
    KNOWN |
    (LETTER_RE.test(ch) ? LETTER : 0) |
    (MARK_RE.test(ch) ? MARK : 0) |
    (NUMBER_RE.test(ch) ? NUMBER : 0) |
    (SPACE_RE.test(ch) ? SPACE : 0) |
    (SYMBOL_RE.test(ch) ? SYMBOL : 0)
  );
}

/** Classes of BMP code units, filled on first sight (ASCII up front); 0 = not yet classified. */
const BMP_CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c++) BMP_CLASS[c] = classify(String.fromCharCode(c));
const ASTRAL_CLASS = new Map<number, number>();

/** The class bits of a code point (a lone surrogate is a code point of no class, as in a /u regex). */
export function charClass(codePoint: number): number {
  if (codePoint < 0x10000) {
    const known = BMP_CLASS[codePoint];
    if (known !== 0) return known;
    return (BMP_CLASS[codePoint] = classify(String.fromCharCode(codePoint)));
  }
  let known = ASTRAL_CLASS.get(codePoint);
  if (known === undefined) ASTRAL_CLASS.set(codePoint, (known = classify(String.fromCodePoint(codePoint))));
  return known;
}

/** Whether the code unit is white space (\s); no surrogate is. */
export function isSpaceUnit(unit: number): boolean {
  if (!(unit >= 0x80)) return unit === 32 || (unit >= 9 && unit <= 13); // NaN (past the end) is not
  return (charClass(unit) & SPACE) !== 0;
}

/**
 * Words of s[start, end), trimmed: runs of characters other than white space (as `split(/\s+/)`
 * counts them); counting stops once there are more than `limit`.
 */
export function countWords(s: string, start: number, end: number, limit = Infinity): number {
  let words = 0;
  let inWord = false;
  for (let i = start; i < end && words <= limit; i++) {
    const space = isSpaceUnit(s.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** An ASCII digit (what `\d` matches). */
export function isDigit(unit: number): boolean {
  return unit >= 48 && unit <= 57;
}

/** An ASCII word character (what `\w` and `\b` see without the u flag's case folding). */
export function isAsciiWordUnit(unit: number): boolean {
  return isDigit(unit) || (unit >= 65 && unit <= 90) || (unit >= 97 && unit <= 122) || unit === 95;
}

/** The code point at `i` of text[.., end): a surrogate pair only when both halves lie before `end`. */
export function codePointWithin(text: string, i: number, end: number): number {
  const unit = text.charCodeAt(i);
  if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < end) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return (unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return unit;
}


/** Code units the code point takes (2 for astral code points). */
export function unitsOf(codePoint: number): number {
  return codePoint >= 0x10000 ? 2 : 1;
}
