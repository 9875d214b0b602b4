/** Character classes and folding shared by the tokenizer and the lexicon look-ups. */

const FOLD: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u00A0': ' ', '\u2009': ' ', '\u202F': ' ', '\u2026': '.',
};

/** Fold typographic quotes, apostrophes, dashes and spaces to ASCII; the length is kept (one char for one char). */
export function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch.length === 1) out += FOLD[ch] ?? ch;
    else out += ch; // astral characters (emoji) stay as they are: two code units, same length
  }
  return out;
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
  if (c === undefined) return false;
  const ch = String.fromCodePoint(c);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function isLowerInitial(word: string): boolean {
  const c = word.codePointAt(0);
  if (c === undefined) return false;
  const ch = String.fromCodePoint(c);
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

export const TERMINAL_PUNCT = /[.!?]["'\u201D\u2019)\]]*\s*$/;
