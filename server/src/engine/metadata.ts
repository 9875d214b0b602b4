/**
 * Metadata a user can give a document, and the parts of the text that are markup, not article:
 * - front matter at the very top (`---` … `---`, YAML-like `key: value` lines): `date:` and `title:`
 * - suppression markers, HTML-comment style so they stay invisible in rendered Markdown:
 *     <!-- corpus-lens-disable-file [code …] -->       the whole file
 *     <!-- corpus-lens-disable-line [code …] -->       the line the marker is on
 *     <!-- corpus-lens-disable-next-line [code …] -->  the next non-blank line
 *   With no code, every rule is suppressed.
 * Markup is blanked (replaced by spaces of the same length) before analysis, so offsets stay exact.
 */
import type { Suppressions } from './types';
import { computeLineStarts, lineOfOffset } from './text/lines';

export interface DocumentMetadata {
  date?: string;
  title?: string;
}

export interface Markup {
  /** The text with front matter and markers blanked out. */
  text: string;
  metadata: DocumentMetadata;
  suppressions: Suppressions;
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const MARKER = /<!--\s*corpus-lens-disable-(file|line|next-line)((?:\s+[\w-]+)*)\s*-->/g;

export function extractMarkup(text: string): Markup {
  const metadata: DocumentMetadata = {};
  const suppressions: Suppressions = { file: [], lines: {} };
  let out = text;
  const front = FRONT_MATTER.exec(text);
  if (front) {
    for (const line of front[1].split(/\r?\n/)) {
      const kv = /^(\w+)\s*:\s*(.*?)\s*$/.exec(line);
      if (!kv) continue;
      const value = kv[2].replace(/^["']|["']$/g, '');
      if (kv[1].toLowerCase() === 'date') metadata.date = value;
      if (kv[1].toLowerCase() === 'title') metadata.title = value;
    }
    out = blank(out, 0, front[0].length);
  }
  let lineStarts: number[] | undefined;
  for (const m of text.matchAll(MARKER)) {
    lineStarts ??= computeLineStarts(text);
    const codes = m[2].trim() ? m[2].trim().split(/\s+/) : ['*'];
    const line = lineOfOffset(lineStarts, m.index!);
    if (m[1] === 'file') suppressions.file.push(...codes);
    else {
      const target = m[1] === 'line' ? line : nextNonBlankLine(text, lineStarts, line);
      (suppressions.lines[target] ??= []).push(...codes);
    }
    out = blank(out, m.index!, m.index! + m[0].length);
  }
  return { text: out, metadata, suppressions };
}

export function isSuppressed(s: Suppressions, line: number, code: string): boolean {
  const match = (codes: string[] | undefined) => !!codes && (codes.includes('*') || codes.includes(code));
  return match(s.file) || match(s.lines[line]);
}

function nextNonBlankLine(text: string, lineStarts: number[], line: number): number {
  for (let l = line + 1; l < lineStarts.length; l++) {
    const end = l + 1 < lineStarts.length ? lineStarts[l + 1] : text.length;
    if (text.slice(lineStarts[l], end).trim()) return l;
  }
  return line + 1;
}

function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}
