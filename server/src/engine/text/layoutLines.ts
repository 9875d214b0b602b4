import { codePointWithin, countWords, fold, foldedUnitAt, isAsciiWordUnit, isDigit, isLowerCodePoint, isSpaceUnit, isUpperCodePoint } from './chars';
import { isFurniture } from './furniture';
import { isTitleCase } from './titleCase';

/**
 * The non-blank lines of a text with what the layout asks of each: one scan for the line breaks,
 * then per line only what reads its ends (final punctuation, an ellipsis) or its first characters
 * (furniture labels); word counts and title case are counted when first asked. The tests read the
 * document by offsets as `fold` would leave it (`foldedUnitAt`), so the text is never folded whole
 * nor sliced into lines; a line's folded text is made only for the few regular expressions left.
 */
export class Line {
  /** Ends with an ellipsis: a teaser cut off ("... Park..."). */
  readonly teaser: boolean;
  /** Ends with final punctuation (closing quotes and brackets after it allowed), not an ellipsis. */
  readonly terminal: boolean;
  readonly furniture: boolean;
  private textMemo: string | undefined;
  private wordCount: number | undefined;
  private titleCaseMemo: boolean | undefined;

  constructor(
    /** The whole document. */
    private readonly source: string,
    readonly start: number,
    /** End of the line's content (before the line break). */
    readonly end: number,
    /** Number of blank lines just before this line. */
    readonly gapBefore: number,
  ) {
    this.teaser = endsWithEllipsis(source, start, end);
    this.terminal = !this.teaser && endsWithTerminalPunct(source, start, end);
    this.furniture = isFurniture(source, start, end);
  }

  /** The trimmed line, folded. */
  get text(): string {
    return (this.textMemo ??= fold(this.source.slice(this.start, this.end)));
  }

  /** Number of words (runs of non-white space). */
  get words(): number {
    return (this.wordCount ??= countWords(this.source, this.start, this.end));
  }

  /** Whether the line has at most `n` words (counted only as far as needed). */
  hasAtMostWords(n: number): boolean {
    return (this.wordCount ?? countWords(this.source, this.start, this.end, n)) <= n;
  }

  get titleCase(): boolean {
    return (this.titleCaseMemo ??= isTitleCase(this.source, this.start, this.end));
  }

  /** The first character is upper case (`isUpperInitial` of the text). */
  get initialUpper(): boolean {
    return isUpperCodePoint(codePointWithin(this.source, this.start, this.end));
  }

  /** The first character is lower case (`isLowerInitial` of the text). */
  get initialLower(): boolean {
    return isLowerCodePoint(codePointWithin(this.source, this.start, this.end));
  }

  /** Starts with a quotation mark or an apostrophe (`/^["']/` of the text). */
  get initialQuote(): boolean {
    const first = foldedUnitAt(this.source, this.start);
    return first === 34 || first === 39;
  }

  /** Starts with a caption label: "Photo:", "Image |", "Credit:". */
  get captionLabel(): boolean {
    const head = ((foldedUnitAt(this.source, this.start) | 0x20) << 16) | (foldedUnitAt(this.source, this.start + 1) | 0x20);
    return CAPTION_LABEL_HEADS.has(head) && CAPTION_START.test(this.text);
  }

  /** Ends with a comma, dash or opening bracket, or a word that joins it to what follows ("of", "the", "and"). */
  get endsJoining(): boolean {
    return endsJoining(this.source, this.start, this.end);
  }

  /** Ends as a photo caption does: ", Kyiv, June 2025". */
  get endsLikeCaption(): boolean {
    return endsWithYear(this.source, this.start, this.end) && CAPTION_END.test(this.text);
  }
}

const CAPTION_LABELS = ['image', 'photo', 'picture', 'photograph', 'caption', 'credit', 'file photo'];
const CAPTION_START = new RegExp(`^(?:${CAPTION_LABELS.join('|')})\\s*[:|]`, 'i');
/**
 * The labels' first two letters, lower case, as a number (first << 16 | second). Without the u flag
 * only ASCII letters match ASCII letters case-insensitively, and `| 0x20` lower-cases exactly those
 * (it maps nothing else into a-z).
 */
const CAPTION_LABEL_HEADS = new Set(CAPTION_LABELS.map((l) => (l.charCodeAt(0) << 16) | l.charCodeAt(1)));
const CAPTION_END = /,\s*\p{Lu}[\p{L}\s.'-]*,\s*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)?\d{4}\s*$/iu;

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
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
    lines.push(new Line(text, start, end, gap));
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

// Folding maps white space to white space and nothing else to it, and makes no letter, digit or word
// character: those tests may read the text as it is.

/** `(?:\.\.\.|\u2026)\s*$` on the folded s[start, end) ("…" folds to "."), read backwards from the end. */
function endsWithEllipsis(s: string, start: number, end: number): boolean {
  while (end > start && isSpaceUnit(s.charCodeAt(end - 1))) end--;
  return end - start >= 3 && foldedUnitAt(s, end - 1) === 46 && foldedUnitAt(s, end - 2) === 46 && foldedUnitAt(s, end - 3) === 46;
}

/** `[.!?]["'\u201D\u2019)\]]*\s*$` on the folded s[start, end), read backwards from the end. */
function endsWithTerminalPunct(s: string, start: number, end: number): boolean {
  let i = end - 1;
  while (i >= start && isSpaceUnit(s.charCodeAt(i))) i--;
  while (i >= start && isClosing(foldedUnitAt(s, i))) i--;
  if (i < start) return false;
  const c = foldedUnitAt(s, i);
  return c === 46 || c === 33 || c === 63;
}

/** `["')\]]`: what may close a sentence after its final punctuation (curly quotes are folded). */
function isClosing(unit: number): boolean {
  return unit === 34 || unit === 39 || unit === 41 || unit === 93;
}

/** `\d{4}\s*$` on s[start, end): what `CAPTION_END` ends with. */
function endsWithYear(s: string, start: number, end: number): boolean {
  while (end > start && isSpaceUnit(s.charCodeAt(end - 1))) end--;
  if (end - start < 4) return false;
  for (let i = end - 4; i < end; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

const JOINING_WORDS = new Set(
  'a an the and or but of in on at to for from by with as that which who whose than into its his her their our is are was were be been has have had not no this these those such so if when while where although because since after before about over under between against without within through during'.split(' '),
);
const JOINING_WORD_MAX = Math.max(...[...JOINING_WORDS].map((w) => w.length));

/**
 * `(?:[,;\-\u2013\u2014(]|\b(?:a|an|the|…)\s*)$` (case-insensitive) on the folded s[start, end), read
 * backwards: the last character is a joining mark (dashes are folded to "-"), or the last word (a run
 * of ASCII word characters, `\w`, before trailing white space) is a joining word.
 */
function endsJoining(s: string, start: number, end: number): boolean {
  const last = foldedUnitAt(s, end - 1);
  if (end > start && (last === 44 || last === 59 || last === 45 || last === 40)) return true;
  while (end > start && isSpaceUnit(s.charCodeAt(end - 1))) end--;
  let from = end;
  while (from > start && end - from <= JOINING_WORD_MAX && isAsciiWordUnit(s.charCodeAt(from - 1))) from--;
  if (from > start && isAsciiWordUnit(s.charCodeAt(from - 1))) return false; // a longer word
  return from < end && JOINING_WORDS.has(s.slice(from, end).toLowerCase());
}
