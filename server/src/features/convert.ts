import type { Location, Position, Range } from 'vscode-languageserver';
import type { CorpusIndex } from '../engine/corpus/corpusIndex';
import { offsetAt, rangeOf } from '../engine/text/lines';
import type { DocumentAnalysis, MentionRef, Span } from '../engine/types';

/** Engine offsets <-> LSP positions, using each document's line starts. */
export function toRange(doc: DocumentAnalysis, span: Span): Range {
  return rangeOf(doc.lineStarts, span);
}

export function toOffset(doc: DocumentAnalysis, position: Position): number {
  return offsetAt(doc.lineStarts, position, doc.length);
}

export function toLocation(doc: DocumentAnalysis, span: Span): Location {
  return { uri: doc.path, range: toRange(doc, span) };
}

export function mentionLocation(index: CorpusIndex, ref: MentionRef): Location | undefined {
  const doc = index.get(ref.path);
  const m = doc?.mentions[ref.index];
  return doc && m ? toLocation(doc, m) : undefined;
}

/** Markdown-safe text (hover cards are Markdown). */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>]/g, '\\$&').replace(/\s+/g, ' ');
}

/** A `command:` link for a Markdown hover. */
export function commandLink(label: string, command: string, args: unknown[]): string {
  return `[${label}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}
