import type { Token, TokenKind } from '../types';
import { fold } from './chars';

/**
 * One pass, linear in the input. Order matters:
 *  1. letter-dot abbreviations ("U.S.", "D.C.", "e.g.")
 *  2. numbers with thousands separators, decimals and ordinal/decade suffixes ("150,000", "1920s", "11th")
 *  3. words with inner hyphens/apostrophes ("cease-fire", "won't"); a trailing possessive "'s" becomes its own token
 *  4. anything else that is not white space: one punctuation/symbol token per character
 */
const TOKEN_RE = new RegExp(
  [
    String.raw`(?<abbr>(?:\p{L}\.){2,})`,
    String.raw`(?<num>\d+(?:[,.]\d+)*(?:s\b|st\b|nd\b|rd\b|th\b)?)`,
    String.raw`(?<word>[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:[-\u2010\u2011'\u2019][\p{L}\p{M}\p{N}]+)*)`,
    String.raw`(?<other>[^\s])`,
  ].join('|'),
  'gu',
);

const POSSESSIVE_RE = /['\u2019][sS]$/;
const SYMBOL_RE = /[\p{S}\p{Extended_Pictographic}]/u;

/** Tokens of text[start, end), with offsets into `text`. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(start, end);
  let lastEnd = 0;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(slice); m; m = TOKEN_RE.exec(slice)) {
    const gap = slice.slice(lastEnd, m.index);
    const afterNewline = gap.includes('\n') || gap.includes('\r') || (lastEnd === 0 && m.index === 0 && isLineStart(text, start));
    lastEnd = m.index + m[0].length;
    const g = m.groups!;
    const at = start + m.index;
    if (g.word && POSSESSIVE_RE.test(g.word) && g.word.length > 2) {
      const stem = g.word.slice(0, -2);
      tokens.push(makeToken(stem, at, 'word', afterNewline));
      tokens.push(makeToken(g.word.slice(-2), at + stem.length, 'word', false));
      continue;
    }
    const kind: TokenKind = g.abbr || g.word ? 'word' : g.num ? 'number' : SYMBOL_RE.test(m[0]) ? 'symbol' : 'punct';
    tokens.push(makeToken(m[0], at, kind, afterNewline));
  }
  return tokens;
}

function isLineStart(text: string, offset: number): boolean {
  return offset === 0 || text[offset - 1] === '\n' || text[offset - 1] === '\r';
}

function makeToken(text: string, start: number, kind: TokenKind, afterNewline: boolean): Token {
  return { text, norm: fold(text), start, end: start + text.length, kind, afterNewline };
}
