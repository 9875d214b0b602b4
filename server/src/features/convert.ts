import type { Location, Position, Range } from 'vscode-languageserver';
import type { CorpusIndex } from '../engine/corpus/corpusIndex';
import { offsetAt, rangeOf } from '../engine/text/lines';
import { claimSpan } from '../engine/corpus/claimQuote';
import type { ClaimRef, DocumentAnalysis, MentionRef, Span } from '../engine/types';

/** A document's line starts: in its analysis, or packed in its resident part. */
type Lines = { path: string; lineStarts: ArrayLike<number> };

/** Engine offsets <-> LSP positions, using each document's line starts. */
export function toRange(doc: Lines, span: Span): Range {
  return rangeOf(doc.lineStarts as readonly number[], span);
}

export function toOffset(doc: DocumentAnalysis, position: Position): number {
  return offsetAt(doc.lineStarts, position, doc.length);
}

export function toLocation(doc: Lines, span: Span): Location {
  return { uri: doc.path, range: toRange(doc, span) };
}

/** Where a mention is, from the document's resident part (references to an actor named everywhere read no analysis). */
export function mentionLocation(index: CorpusIndex, ref: MentionRef): Location | undefined {
  const span = index.mentionSpan(ref);
  return span ? toLocation(index.resident(ref.path)!, span) : undefined;
}

/** Where a claim is, from the document's resident part (a claim's statements in other documents read no analysis). */
export function claimLocation(index: CorpusIndex, ref: ClaimRef): Location | undefined {
  const span = claimSpan(index, ref);
  return span ? toLocation(index.resident(ref.path)!, span) : undefined;
}

/** Markdown-safe text (hover cards are Markdown). */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>]/g, '\\$&').replace(/\s+/g, ' ');
}

/** A `command:` link for a Markdown hover. */
export function commandLink(label: string, command: string, args: unknown[]): string {
  return `[${label}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}
