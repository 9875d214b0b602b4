import furniture from '../lexicon/furniture.json';
import { charClass, codePointWithin, fold, isSpaceUnit, isUpperCodePoint, LETTER, unitsOf } from './chars';

/**
 * The non-blank lines of a text with what the layout asks of each: one scan for the line breaks,
 * then per line only what reads its ends (final punctuation, an ellipsis) or at most a few dozen
 * characters (furniture labels); word counts and title case are counted when first asked.
 */
export class Line {
  /** Ends with an ellipsis: a teaser cut off ("... Park..."). */
  readonly teaser: boolean;
  /** Ends with final punctuation (closing quotes and brackets after it allowed), not an ellipsis. */
  readonly terminal: boolean;
  readonly furniture: boolean;
  private wordCount: number | undefined;
  private titleCaseMemo: boolean | undefined;

  constructor(
    readonly start: number,
    /** End of the line's content (before the line break). */
    readonly end: number,
    /** The trimmed line, folded (`fold`). */
    readonly text: string,
    /** Number of blank lines just before this line. */
    readonly gapBefore: number,
  ) {
    this.teaser = endsWithEllipsis(text);
    this.terminal = !this.teaser && endsWithTerminalPunct(text);
    this.furniture = isFurniture(text);
  }

  /** Number of words (runs of non-white space). */
  get words(): number {
    return (this.wordCount ??= countWords(this.text));
  }

  get titleCase(): boolean {
    return (this.titleCaseMemo ??= isTitleCase(this.text));
  }
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const folded = fold(text);
  const lineEnd = text.includes('\r') ? (from: number) => crOrLfAt(text, from) : (from: number) => lfAt(text, from);
  let gap = 0;
  for (let from = 0; from < text.length; ) {
    const to = lineEnd(from);
    let start = from;
    let end = to;
    while (start < end && isSpaceUnit(text.charCodeAt(start))) start++;
    while (end > start && isSpaceUnit(text.charCodeAt(end - 1))) end--;
    from = text.charCodeAt(to) === 13 && text.charCodeAt(to + 1) === 10 ? to + 2 : to + 1;
    if (start === end) {
      gap++;
      continue;
    }
    lines.push(new Line(start, end, folded.slice(start, end), gap));
    gap = 0;
  }
  return lines;
}

function lfAt(text: string, from: number): number {
  const at = text.indexOf('\n', from);
  return at < 0 ? text.length : at;
}

function crOrLfAt(text: string, from: number): number {
  let at = from;
  while (at < text.length && text.charCodeAt(at) !== 10 && text.charCodeAt(at) !== 13) at++;
  return at;
}

/** Words of a trimmed line: runs of white space + 1 (as `split(/\s+/)` counts them). */
export function countWords(line: string): number {
  let words = 1;
  for (let i = 1; i < line.length; i++) if (isSpaceUnit(line.charCodeAt(i)) && !isSpaceUnit(line.charCodeAt(i - 1))) words++;
  return words;
}

/** `(?:\.\.\.|\u2026)\s*$`, read backwards from the end. */
function endsWithEllipsis(line: string): boolean {
  let end = line.length;
  while (end > 0 && isSpaceUnit(line.charCodeAt(end - 1))) end--;
  return line.charCodeAt(end - 1) === 0x2026 || line.startsWith('...', end - 3);
}

/** `[.!?]["'\u201D\u2019)\]]*\s*$`, read backwards from the end. */
function endsWithTerminalPunct(line: string): boolean {
  let i = line.length - 1;
  while (i >= 0 && isSpaceUnit(line.charCodeAt(i))) i--;
  while (i >= 0 && CLOSING_UNITS.has(line.charCodeAt(i))) i--;
  const c = line.charCodeAt(i);
  return c === 46 || c === 33 || c === 63;
}
const CLOSING_UNITS = new Set([...'"\'\u201D\u2019)]'].map((c) => c.charCodeAt(0)));

// ------------------------------------------------------------------ title case

const SMALL_WORDS = new Set(
  'a an the and or but nor of in on at to for from by with as into onto upon over under than that its it is are was be vs via per up out off not no so yet if'.split(' '),
);
const SMALL_WORD_MAX = Math.max(...[...SMALL_WORDS].map((w) => w.length));

/**
 * The first word starts upper case, and so do at least three in four content words (words
 * `[\p{L}][\p{L}'-]*` that are not small words).
 */
function isTitleCase(line: string): boolean {
  if (!firstLetterIsUpper(line)) return false;
  let content = 0;
  let capital = 0;
  for (let i = 0; i < line.length; ) {
    const first = codePointWithin(line, i, line.length);
    if ((charClass(first) & LETTER) === 0) {
      i += unitsOf(first);
      continue;
    }
    const end = titleWordEnd(line, i + unitsOf(first));
    if (!isSmallWord(line, i, end)) {
      content++;
      if (isUpperCodePoint(first)) capital++;
    }
    i = end;
  }
  return content >= 1 && capital / content >= 0.75;
}

function firstLetterIsUpper(line: string): boolean {
  for (let i = 0; i < line.length; ) {
    const cp = codePointWithin(line, i, line.length);
    if ((charClass(cp) & LETTER) !== 0) return isUpperCodePoint(cp);
    i += unitsOf(cp);
  }
  return false;
}

function titleWordEnd(line: string, at: number): number {
  while (at < line.length) {
    const cp = codePointWithin(line, at, line.length);
    if (cp !== 39 && cp !== 45 && (charClass(cp) & LETTER) === 0) break;
    at += unitsOf(cp);
  }
  return at;
}

/** Lower-casing never shortens a word, so a word longer than every small word is not one. */
function isSmallWord(line: string, start: number, end: number): boolean {
  return end - start <= SMALL_WORD_MAX && SMALL_WORDS.has(line.slice(start, end).toLowerCase());
}

// ------------------------------------------------------------------ page furniture

const DASH_LABEL = /^[-\u2013\u2014\u2022|*]\s*[\p{L}&]+(?:\s+[\p{L}&]+)?\s*$/u;
const FURNITURE_EXACT = new Set(furniture.exact);
const FURNITURE_EXACT_MAX = Math.max(...furniture.exact.map((e) => e.length));
const FURNITURE_PREFIX: string[] = furniture.prefix;
/** How much of a line to lower-case for the prefix test: all of it should a prefix not be ASCII. */
const FURNITURE_PREFIX_HEAD = FURNITURE_PREFIX.every((p) => /^[\x00-\x7f]*$/.test(p)) ? Math.max(...FURNITURE_PREFIX.map((p) => p.length)) : Infinity;
/** First characters of the prefixes: a line starting with another ASCII character has none of them. */
const FURNITURE_PREFIX_INITIALS = FURNITURE_PREFIX.includes('') ? null : new Set(FURNITURE_PREFIX.map((p) => p.charAt(0)));

function isFurniture(line: string): boolean {
  if (collapsedLength(line, FURNITURE_EXACT_MAX + 1) <= FURNITURE_EXACT_MAX && FURNITURE_EXACT.has(line.toLowerCase().replace(/\s+/g, ' '))) return true;
  if (startsWithFurniturePrefix(line)) return true;
  if (DASH_LABEL.test(line) && countWords(line) <= 3) return true;
  // a label repeated twice on one line ("KCLSU logo KCLSU logo"): image alt text pasted twice
  const half = line.length / 2;
  if (line.length >= 8 && line.length <= 120 && Number.isInteger(half - 0.5) && line.slice(0, half - 0.5) === line.slice(half + 0.5)) return true;
  return false;
}

/**
 * Length of the line with each run of white space made one space, counted up to `limit`: a lower
 * bound of the length of its lower case so collapsed (lower-casing never shortens a string).
 */
function collapsedLength(line: string, limit: number): number {
  let n = 0;
  for (let i = 0; i < line.length && n < limit; i++) if (i === 0 || !isSpaceUnit(line.charCodeAt(i)) || !isSpaceUnit(line.charCodeAt(i - 1))) n++;
  return n;
}

/**
 * Whether the lower-cased line starts with a furniture prefix. Only the head is lower-cased: the
 * prefixes are ASCII, and lower-casing is per character except for a final sigma, which is not
 * ASCII in either form, so the head's lower case agrees with the whole line's on every prefix.
 */
function startsWithFurniturePrefix(line: string): boolean {
  const first = line.charCodeAt(0);
  if (FURNITURE_PREFIX_INITIALS && first < 0x80 && !FURNITURE_PREFIX_INITIALS.has(String.fromCharCode(first).toLowerCase())) return false;
  const head = line.length > FURNITURE_PREFIX_HEAD ? line.slice(0, FURNITURE_PREFIX_HEAD) : line;
  const lower = head.toLowerCase();
  return FURNITURE_PREFIX.some((p) => lower.startsWith(p));
}
