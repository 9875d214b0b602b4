import type { Block, BlockKind } from '../types';
import { type Line, splitLines } from './layoutLines';

/**
 * Page layout from plain text: which lines form the title, the byline, headings, captions,
 * article paragraphs and page furniture. Works on hard-wrapped text (lines cut at ~80 columns,
 * no blank lines between paragraphs) as well as one-paragraph-per-line text.
 */

const BYLINE = /^(?:by|written by|words by|reporting by)\s+\p{Lu}/iu;

export function layoutBlocks(text: string): Block[] {
  const lines = splitLines(text);
  const wrapped = isHardWrapped(lines);
  const kinds = classifyLines(lines, wrapped);
  const blocks = joinLines(lines, kinds, wrapped);
  markTrailingFurniture(blocks, lines);
  return blocks.map(({ start, end, kind }) => ({ start, end, kind }));
}

/** Hard-wrapped: most lines are of similar, moderate length and many end mid-sentence. */
function isHardWrapped(lines: Line[]): boolean {
  if (lines.length < 6) return false;
  const moderate = lines.filter((l) => l.end - l.start <= 130).length;
  const midSentence = lines.filter((l) => !l.terminal && l.end - l.start >= 30).length;
  return moderate / lines.length >= 0.9 && midSentence / lines.length >= 0.4;
}

function classifyLines(lines: Line[], wrapped: boolean): BlockKind[] {
  const kinds: BlockKind[] = lines.map(() => 'paragraph');
  let titleSeen = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const next = lines[i + 1];
    if (l.furniture) {
      kinds[i] = 'boilerplate';
      continue;
    }
    if (!titleSeen && BYLINE.test(l.text) && l.hasAtMostWords(12)) {
      kinds[i] = 'byline';
      continue;
    }
    if (!titleSeen && !l.terminal && l.hasAtMostWords(30) && (l.titleCase || !wrapped || l.gapBefore > 0 || !next || next.initialUpper)) {
      kinds[i] = 'title';
      titleSeen = true;
      // a title hard-wrapped over two title-case lines
      if (wrapped && next && !next.terminal && next.gapBefore === 0 && l.titleCase && next.titleCase) kinds[++i] = 'title';
      continue;
    }
    titleSeen = true;
    if (l.captionLabel) {
      kinds[i] = 'caption';
      continue;
    }
    // cheapest tests first: the neighbours' ends and starts, then this line's words
    if (!l.terminal && previousEnds(lines, kinds, i) && startsNew(next) && l.hasAtMostWords(12) && l.titleCase && !l.endsJoining) {
      kinds[i] = 'heading';
    }
  }
  return kinds;
}

/** Whether the paragraph before line i has ended (so line i may be a heading). */
function previousEnds(lines: Line[], kinds: BlockKind[], i: number): boolean {
  const prev = lines[i - 1];
  return !prev || prev.terminal || kinds[i - 1] !== 'paragraph' || lines[i].gapBefore > 0 || prev.endsLikeCaption;
}

/** Whether line `next` (maybe none) starts something new (so the line before may be a heading). */
function startsNew(next: Line | undefined): boolean {
  return !next || next.gapBefore > 0 || next.initialUpper || next.initialQuote;
}

interface DraftBlock extends Block {
  firstLine: number;
  lastLine: number;
}

function joinLines(lines: Line[], kinds: BlockKind[], wrapped: boolean): DraftBlock[] {
  const blocks: DraftBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const last = blocks[blocks.length - 1];
    if (last && kinds[i] === 'paragraph' && last.kind === 'paragraph' && l.gapBefore === 0 && continues(lines[i - 1], l, wrapped)) {
      last.end = l.end;
      last.lastLine = i;
      continue;
    }
    if (last && kinds[i] === 'title' && last.kind === 'title' && l.gapBefore === 0) {
      last.end = l.end;
      last.lastLine = i;
      continue;
    }
    blocks.push({ start: l.start, end: l.end, kind: kinds[i], firstLine: i, lastLine: i });
  }
  return blocks.flatMap((b) => splitCaption(b, lines));
}

/** A photo caption ("…, Kyiv, June 2025") at the end of a paragraph block becomes a block of its own. */
function splitCaption(b: DraftBlock, lines: Line[]): DraftBlock[] {
  const last = lines[b.lastLine];
  if (b.kind !== 'paragraph' || last.terminal || last.teaser || !last.endsLikeCaption) return [b];
  let first = b.lastLine;
  while (first > b.firstLine && !lines[first - 1].terminal) first--;
  const caption: DraftBlock = { start: lines[first].start, end: b.end, kind: 'caption', firstLine: first, lastLine: b.lastLine };
  if (first === b.firstLine) return [caption];
  return [{ ...b, end: lines[first - 1].end, lastLine: first - 1 }, caption];
}

/** Whether line `next` continues the paragraph of line `prev` (no blank line between them). */
function continues(prev: Line, next: Line, wrapped: boolean): boolean {
  return wrapped || next.initialLower || (!prev.terminal && prev.endsJoining);
}

/**
 * Teaser lists and credits after the article (the "more from this site" zone): from the first
 * teaser line ("... Park...") backwards over short blocks set apart by wide gaps, forwards to the end.
 */
function markTrailingFurniture(blocks: DraftBlock[], lines: Line[]): void {
  const firstTeaser = blocks.findIndex((b, i) => lines[b.lastLine].teaser && blocks.slice(i + 1).some((o) => lines[o.lastLine].teaser || o.kind === 'boilerplate'));
  if (firstTeaser < 0) return;
  let from = firstTeaser;
  while (from > 0) {
    const b = blocks[from - 1];
    const words = lines.slice(b.firstLine, b.lastLine + 1).reduce((n, l) => n + l.words, 0);
    const apart = lines[b.firstLine].gapBefore >= 2 && lines[blocks[from].firstLine].gapBefore >= 2;
    if (b.kind === 'boilerplate' || (apart && words <= 40)) from--;
    else break;
  }
  for (let i = from; i < blocks.length; i++) blocks[i].kind = 'boilerplate';
}
