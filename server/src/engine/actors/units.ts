import type { Token } from '../types';
import { tokenize } from '../text/tokenize';
import type { LexiconWord } from './lexiconWords';
import { isInitial, wordKey } from './names';

/**
 * The words of a sentence as the name finder sees them: hyphenated words split into their parts
 * ("US-Russian" -> "US", "Russian"), an initial keeps its dot ("W."), punctuation reduced to a
 * `breakBefore` flag on the next word. Exact offsets are kept.
 */
export class Unit {
  // (`declare`: the fields are set in the constructor only, not first defined empty by the class)
  declare start: number;
  declare end: number;
  /** Folded source text ("Merkel", "U.S.", "W."). */
  declare text: string;
  declare readonly key: string;
  /** The punctuation just before, when breakBefore ("(", ",", '"'). */
  declare readonly punctBefore: string;
  /** The booleans below, one bit each. */
  private declare flags: number;
  /** What the lexicon knows about the key (lexiconWords.ts), looked up on first use. */
  declare word: LexiconWord | undefined;

  constructor(start: number, end: number, text: string, key: string, punctBefore: string, flags: number) {
    this.start = start;
    this.end = end;
    this.text = text;
    this.key = key;
    this.punctBefore = punctBefore;
    this.flags = flags;
    this.word = undefined;
  }

  /** First letter upper case. */
  get upper(): boolean {
    return (this.flags & UPPER) !== 0;
  }

  /** Every letter upper case and at least two of them ("NATO", "U.S."). */
  get allCaps(): boolean {
    return (this.flags & ALL_CAPS) !== 0;
  }

  /** Punctuation (other than an initial's dot or an inner hyphen) between the previous unit and this one. */
  get breakBefore(): boolean {
    return (this.flags & BREAK_BEFORE) !== 0;
  }

  /** Followed by a possessive "'s" (or a bare apostrophe after a plural). */
  get possessive(): boolean {
    return (this.flags & POSSESSIVE) !== 0;
  }

  /** An initial ("W", "W.", "H.W."): names.ts isInitial of the text. */
  get nameInitial(): boolean {
    return (this.flags & NAME_INITIAL) !== 0;
  }

  /** Part of a hyphenated word whose next part is lower case ("Merkel" in "Merkel-era"). */
  get attributive(): boolean {
    return (this.flags & ATTRIBUTIVE) !== 0;
  }

  /** First word of the sentence, or first after an opening quote/colon/dash: its capital says nothing. */
  get initial(): boolean {
    return (this.flags & INITIAL) !== 0;
  }

  markPossessive(): void {
    this.flags |= POSSESSIVE;
  }
}

/** Bits of Unit.flags. */
const UPPER = 1;
const ALL_CAPS = 2;
const BREAK_BEFORE = 4;
const POSSESSIVE = 8;
const NAME_INITIAL = 16;
const ATTRIBUTIVE = 32;
const INITIAL = 64;

/** Punctuation after which a capital says nothing (a quotation or a list item starts): '"', ':', '*', '\u2022'. */
function isOpener(norm: string, length: number): boolean {
  if (length !== 1) return false;
  const c = norm.charCodeAt(0);
  return c === 34 || c === 58 || c === 42 || c === 0x2022;
}

/**
 * `isCommonWord` tells apart "Merkel-era" (split: "era" is an English word) from
 * "Cheuk-yan" (one name); without it, such words stay whole.
 */
export function sentenceUnits(tokens: readonly Token[], isCommonWord?: (key: string) => boolean): Unit[] {
  const units: Unit[] = [];
  let pendingBreak = false;
  let pendingPunct = '';
  let atStart = true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const norm = t.norm;
    if (t.kind !== 'word') {
      const last = units.length ? units[units.length - 1] : undefined;
      if (norm === '.' && last && last.end === t.start && last.nameInitial && !last.text.endsWith('.')) {
        last.end = t.end;
        last.text += '.';
        continue;
      }
      pendingBreak = true;
      pendingPunct = norm;
      if (isOpener(norm, t.end - t.start)) atStart = true;
      continue;
    }
    // (token lengths from offsets: norm keeps the length, and its `length` is a slow look-up where strings of many kinds meet)
    if (t.end - t.start === 2 && norm.charCodeAt(0) === 39 && (norm.charCodeAt(1) | 32) === 115) {
      // "'s" or "'S"
      if (units.length) units[units.length - 1].markPossessive();
      pendingBreak = true;
      pendingPunct = "'s";
      continue;
    }
    const shape = wordShape(norm);
    const parts = shape & HYPHEN ? splitHyphenated(t, isCommonWord) : undefined;
    if (!parts) units.push(makeUnit(t.start, t.end, norm, shape, pendingBreak, pendingPunct, false, atStart));
    else {
      for (let p = 0; p < parts.length; p++) {
        const part = parts[p];
        const attributive = p + 1 < parts.length && !isUpper(parts[p + 1].text);
        units.push(makeUnit(part.start, part.end, part.text, wordShape(part.text), p === 0 ? pendingBreak : false, p === 0 ? pendingPunct : '-', attributive, p === 0 && atStart));
      }
    }
    const next = tokens[i + 1];
    if (next !== undefined && next.start === t.end && next.norm === "'" && endsWithS(t.text)) units[units.length - 1].markPossessive();
    pendingBreak = false;
    pendingPunct = '';
    atStart = false;
  }
  return units;
}

function makeUnit(start: number, end: number, text: string, shape: number, breakBefore: boolean, punctBefore: string, attributive: boolean, initial: boolean): Unit {
  const upper = shape & FIRST_NON_ASCII ? isUpper(text) : (shape & FIRST_UPPER) !== 0;
  const ascii = (shape & NON_ASCII) === 0;
  let flags = breakBefore ? BREAK_BEFORE : 0;
  if (upper) {
    flags |= UPPER;
    if (ascii ? (shape & (NOT_CAPS | TWO_UPPER)) === TWO_UPPER : isAllCaps(text)) flags |= ALL_CAPS;
    if (attributive) flags |= ATTRIBUTIVE;
  }
  if (ascii ? (shape & NOT_INITIAL) === 0 : isInitial(text)) flags |= NAME_INITIAL;
  if (initial) flags |= INITIAL;
  return new Unit(start, end, text, ascii ? asciiWordKey(text, shape) : wordKey(text), punctBefore, flags);
}

/** Flags of wordShape. */
const NON_ASCII = 1;
const HYPHEN = 2;
const DOT = 4;
/** An ASCII character other than A-Z, '.', '&' and digits (so not all capitals). */
const NOT_CAPS = 8;
const ONE_UPPER = 16;
const TWO_UPPER = 32;
/** The first code unit is A-Z. */
const FIRST_UPPER = 64;
/** The first code unit is not ASCII. */
const FIRST_NON_ASCII = 128;
/** Not an initial by names.ts isInitial, as far as ASCII tells. */
const NOT_INITIAL = 256;

/**
 * What one pass over a word's code units tells: see the flags above. (Everything about a word's
 * characters is read here, in one loop: reading `length` or a character of strings of many
 * representations at scattered call sites makes each of those a slow, megamorphic look-up.)
 */
function wordShape(text: string): number {
  let flags = 0;
  let upper = 0;
  let previous = -1;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (previous < 0) flags |= c >= 128 ? FIRST_NON_ASCII : c >= 65 && c <= 90 ? FIRST_UPPER : 0;
    if (c >= 97 && c <= 122) flags |= NOT_CAPS | NOT_INITIAL; // the common case first
    else if (c >= 65 && c <= 90) upper++;
    else if (c >= 128) flags |= c === 0x2010 || c === 0x2011 ? NON_ASCII | HYPHEN : NON_ASCII;
    else if (c === 46) flags |= previous >= 65 && previous <= 90 ? DOT : DOT | NOT_INITIAL; // an initial's dot follows its letter
    else if (c === 38 || (c >= 48 && c <= 57)) flags |= NOT_INITIAL;
    else flags |= c === 45 ? HYPHEN | NOT_CAPS | NOT_INITIAL : NOT_CAPS | NOT_INITIAL;
    previous = c;
  }
  if (upper > 0) flags |= upper > 1 ? ONE_UPPER | TWO_UPPER : ONE_UPPER;
  if (upper > 3 || length === 0 || length > 6) flags |= NOT_INITIAL;
  return flags;
}

/** names.ts wordKey of an ASCII word, from its shape. */
function asciiWordKey(text: string, shape: number): string {
  const lower = shape & ONE_UPPER ? text.toLowerCase() : text;
  return shape & DOT ? lower.replace(/\./g, '') : lower;
}

function endsWithS(text: string): boolean {
  return text.length > 0 && (text.charCodeAt(text.length - 1) | 32) === 115;
}

/** Unit keys of a gazetteer phrase, split the same way as text. */
export function phraseUnitKeys(phrase: string): string[] {
  return sentenceUnits(tokenize(phrase)).map((u) => u.key);
}

function splitHyphenated(t: Token, isCommonWord?: (key: string) => boolean): { start: number; end: number; text: string }[] {
  const whole = [{ start: t.start, end: t.end, text: t.norm }];
  if (/^(?:\p{L}\.){2,}$/u.test(t.norm)) return whole;
  const out: { start: number; end: number; text: string }[] = [];
  const re = /[^-\u2010\u2011]+/g;
  for (let m = re.exec(t.norm); m; m = re.exec(t.norm)) out.push({ start: t.start + m.index, end: t.start + m.index + m[0].length, text: m[0] });
  // a hyphenated given name ("Cheuk-yan", "Yiu-chung"): capital first part, lower-case parts that are no English words
  const rest = out.slice(1);
  // ("Trump-induced", "Kremlin-backed": a derived English word after a name is split off)
  if (isUpper(out[0].text) && rest.every((p) => !isUpper(p.text) && !/\d/.test(p.text) && !isCommonWord?.(wordKey(p.text)) && !isDerivedWord(p.text))) return whole;
  return out;
}

/** A participle or other long English derivative ("induced", "backed", "leaning"), not a name syllable. */
function isDerivedWord(text: string): boolean {
  return text.length > 6 || (text.length > 4 && /(?:ed|ing)$/.test(text));
}

function isUpper(text: string): boolean {
  const c = text.codePointAt(0);
  if (c === undefined) return false;
  if (c < 128) return c >= 65 && c <= 90; // ASCII without allocating
  const ch = String.fromCodePoint(c);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isAllCaps(text: string): boolean {
  let letters = 0;
  let ascii = true;
  for (let i = 0; i < text.length && ascii; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) letters++;
    else if (c >= 128) ascii = false;
    else if (c !== 46 && c !== 38 && (c < 48 || c > 57)) return false; // same as below: only '.', '&' and digits pass
  }
  if (ascii) return letters >= 2;
  letters = 0;
  for (const ch of text) {
    if (ch === '.' || ch === '&' || (ch >= '0' && ch <= '9')) continue;
    if (ch.toLowerCase() === ch) return false;
    letters++;
  }
  return letters >= 2;
}
