import type { Token, TokenKind } from '../types';
import { charClass, codePointWithin, fold, isAsciiWordUnit, isDigit, isSpaceUnit, LETTER, MARK, NUMBER, SYMBOL, unitsOf } from './chars';

/**
 * One pass, linear in the input, over character codes (no regex, no copy of the input). At each
 * character that is not white space, the first of these that matches (the longest form of it):
 *  1. letter-dot abbreviations ("U.S.", "D.C.", "e.g."): two or more letter + "." pairs
 *  2. numbers with thousands separators, decimals and ordinal/decade suffixes ("150,000", "1920s", "11th")
 *  3. words with inner hyphens/apostrophes ("cease-fire", "won't"); a trailing possessive "'s" becomes its own token
 *  4. anything else: one punctuation/symbol token per character (code point)
 * Classes are Unicode's, as `\p{L}`, `\p{M}`, `\p{N}` and `\s` see them; digits are ASCII.
 */

const WORD_PART = LETTER | MARK | NUMBER;
const SUFFIXES = ['st', 'nd', 'rd', 'th'];

/** Tokens of text[start, end), with offsets into `text`. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  let newline = start === 0 || text.charCodeAt(start - 1) === 10 || text.charCodeAt(start - 1) === 13;
  let i = start;
  while (i < end) {
    const unit = text.charCodeAt(i);
    if (isSpaceUnit(unit)) {
      // a gap at the very start counts only through the line breaks inside it
      if (i === start) newline = false;
      if (unit === 10 || unit === 13) newline = true;
      i++;
      continue;
    }
    const abbr = abbreviationEnd(text, i, end);
    if (abbr > 0) {
      tokens.push(makeToken(text, i, abbr, 'word', newline, false));
    } else if (isDigit(unit)) {
      tokens.push(makeToken(text, i, (i = numberEnd(text, i, end)), 'number', newline, false));
      newline = false;
      continue;
    } else if (!pushWord(tokens, text, i, end, newline)) {
      pushOther(tokens, text, i, end, newline);
    }
    i = tokens[tokens.length - 1].end;
    newline = false;
  }
  return tokens;
}

/** End of `(?:\p{L}\.){2,}` at i, or -1. */
function abbreviationEnd(text: string, i: number, end: number): number {
  let pairs = 0;
  let at = i;
  while (at < end) {
    const cp = codePointWithin(text, at, end);
    const dot = at + unitsOf(cp);
    if (dot >= end || text.charCodeAt(dot) !== 46 || (charClass(cp) & LETTER) === 0) break;
    at = dot + 1;
    pairs++;
  }
  return pairs >= 2 ? at : -1;
}

/** End of `\d+(?:[,.]\d+)*(?:s\b|st\b|nd\b|rd\b|th\b)?` at i (text[i] is a digit). */
function numberEnd(text: string, i: number, end: number): number {
  let at = i + 1;
  for (;;) {
    while (at < end && isDigit(text.charCodeAt(at))) at++;
    const sep = text.charCodeAt(at);
    if (at + 1 < end && (sep === 44 || sep === 46) && isDigit(text.charCodeAt(at + 1))) at += 2;
    else break;
  }
  const boundaryAt = (k: number) => k >= end || !isAsciiWordUnit(text.charCodeAt(k));
  if (at < end && text.charCodeAt(at) === 115 /* s */ && boundaryAt(at + 1)) return at + 1;
  if (at + 1 < end && SUFFIXES.includes(text.slice(at, at + 2)) && boundaryAt(at + 2)) return at + 2;
  return at;
}

/**
 * The word `[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:[-\u2010\u2011'\u2019][\p{L}\p{M}\p{N}]+)*` at i, if one starts
 * there; a trailing possessive ("Putin's", "Putin’s") is split off as its own token. Only the joiners
 * "‐", "‑" and "’" fold (letters, marks and numbers never do), so only a word with one is folded.
 */
function pushWord(tokens: Token[], text: string, start: number, end: number, newline: boolean): boolean {
  const first = codePointWithin(text, start, end);
  if ((charClass(first) & (LETTER | MARK)) === 0) return false;
  let at = wordPartsEnd(text, start + unitsOf(first), end);
  let folds = false;
  while (at + 1 < end && isJoiner(text.charCodeAt(at))) {
    const after = wordPartsEnd(text, at + 1, end);
    if (after === at + 1) break;
    folds ||= text.charCodeAt(at) >= 0x80;
    at = after;
  }
  const last = text.charCodeAt(at - 1);
  if (at - start > 2 && (last === 115 || last === 83) && isApostrophe(text.charCodeAt(at - 2))) {
    tokens.push(makeToken(text, start, at - 2, 'word', newline, folds));
    tokens.push(makeToken(text, at - 2, at, 'word', false, folds));
  } else {
    tokens.push(makeToken(text, start, at, 'word', newline, folds));
  }
  return true;
}

function wordPartsEnd(text: string, at: number, end: number): number {
  while (at < end) {
    const unit = text.charCodeAt(at);
    if (unit < 0x80) {
      if ((charClass(unit) & WORD_PART) === 0) break;
      at++;
      continue;
    }
    const cp = codePointWithin(text, at, end);
    if ((charClass(cp) & WORD_PART) === 0) break;
    at += unitsOf(cp);
  }
  return at;
}

function isJoiner(unit: number): boolean {
  return unit === 45 || unit === 0x2010 || unit === 0x2011 || unit === 39 || unit === 0x2019;
}

function isApostrophe(unit: number): boolean {
  return unit === 39 || unit === 0x2019;
}

function pushOther(tokens: Token[], text: string, start: number, end: number, newline: boolean): void {
  const cp = codePointWithin(text, start, end);
  const kind: TokenKind = charClass(cp) & SYMBOL ? 'symbol' : 'punct';
  tokens.push(makeToken(text, start, start + unitsOf(cp), kind, newline, cp < 0x10000));
}

/** A token; its norm is its text folded (`fold`), looked at only when the token may hold a character that folds. */
function makeToken(source: string, start: number, end: number, kind: TokenKind, afterNewline: boolean, mayFold: boolean): Token {
  const text = source.slice(start, end);
  return { text, norm: mayFold ? fold(text) : text, start, end, kind, afterNewline };
}
