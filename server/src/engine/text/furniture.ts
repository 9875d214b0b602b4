import furniture from '../lexicon/furniture.json';
import { countWords, fold, foldedUnitAt } from './chars';

/**
 * Page furniture on one line (navigation, share buttons, widget labels): the trimmed line s[start, end),
 * folded (read by `foldedUnitAt`), is furniture when, lower-cased and with runs of white space made one space, it is one
 * of the exact labels; when, lower-cased, it starts with one of the prefixes; when it is a dashed
 * label of at most three words; or when it is a short label pasted twice.
 */
export function isFurniture(s: string, start: number, end: number): boolean {
  if (isExactLabel(s, start, end) || startsWithLabelPrefix(s, start, end)) return true;
  if (isDashLabelStart(foldedUnitAt(s, start)) && DASH_LABEL.test(fold(s.slice(start, end))) && countWords(s, start, end) <= 3) return true;
  // a label repeated twice on one line ("KCLSU logo KCLSU logo"): image alt text pasted twice
  const length = end - start;
  return length >= 8 && length <= 120 && length % 2 === 1 && halvesEqual(s, start, end);
}

const DASH_LABEL = /^[-\u2013\u2014\u2022|*]\s*[\p{L}&]+(?:\s+[\p{L}&]+)?\s*$/u;

/** What `DASH_LABEL` starts with, folded (en and em dashes fold to "-"). */
function isDashLabelStart(unit: number): boolean {
  return unit === 45 || unit === 0x2022 || unit === 124 || unit === 42;
}

/** The two halves of an odd-length line either side of its middle character are the same. */
function halvesEqual(s: string, start: number, end: number): boolean {
  const half = (end - start - 1) / 2;
  for (let i = start; i < start + half; i++) if (foldedUnitAt(s, i) !== foldedUnitAt(s, i + half + 1)) return false;
  return true;
}

/**
 * The labels in tries walked by character code, so that most lines are told apart after a character
 * or two without being lower-cased: on ASCII, lower-casing is per character, so the walk lower-cases
 * as it goes; a line that reaches a non-ASCII character while still matching is lower-cased whole.
 */
interface TrieNode {
  /** Children by ASCII code (a label with another character cannot be an ASCII line's). */
  next: (TrieNode | undefined)[];
  label: boolean;
}

function trieOf(labels: string[]): TrieNode {
  const root: TrieNode = { next: [], label: false };
  for (const label of labels.filter((l) => /^[\x00-\x7f]*$/.test(l))) {
    let node = root;
    for (let i = 0; i < label.length; i++) node = node.next[label.charCodeAt(i)] ??= { next: [], label: false };
    node.label = true;
  }
  return root;
}

const EXACT_LABELS = trieOf(furniture.exact);
const EXACT_LABEL_SET = new Set(furniture.exact);
const LABEL_PREFIXES = trieOf(furniture.prefix);

function isExactLabel(s: string, start: number, end: number): boolean {
  let node = EXACT_LABELS;
  let space = false;
  for (let i = start; i < end; i++) {
    const c = foldedUnitAt(s, i);
    if (c >= 0x80) return isExactLabelLowerCased(fold(s.slice(start, end)));
    const isSpace = c === 32 || (c >= 9 && c <= 13);
    if (isSpace && space) continue;
    space = isSpace;
    const child = node.next[isSpace ? 32 : asciiLower(c)];
    if (!child) return false;
    node = child;
  }
  return node.label;
}

function startsWithLabelPrefix(s: string, start: number, end: number): boolean {
  let node = LABEL_PREFIXES;
  for (let i = start; !node.label; i++) {
    if (i >= end) return false;
    const c = foldedUnitAt(s, i);
    if (c >= 0x80) return startsWithPrefixLowerCased(fold(s.slice(start, end)));
    const child = node.next[asciiLower(c)];
    if (!child) return false;
    node = child;
  }
  return true;
}

// The rare lines that need lower-casing whole, kept out of the walks so that these stay fast.
function isExactLabelLowerCased(line: string): boolean {
  return EXACT_LABEL_SET.has(line.toLowerCase().replace(/\s+/g, ' '));
}

function startsWithPrefixLowerCased(line: string): boolean {
  const lower = line.toLowerCase();
  return furniture.prefix.some((p) => lower.startsWith(p));
}

function asciiLower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}
