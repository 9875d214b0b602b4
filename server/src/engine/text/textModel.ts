import type { Block, Sentence, Span } from '../types';
import { computeLineStarts } from './lines';
import { layoutBlocks } from './layout';
import { splitSentences } from './sentences';

/** The text of one document as the analysers see it: lines, blocks, sentences with tokens. */
export interface TextModel {
  text: string;
  lineStarts: number[];
  blocks: Block[];
  sentences: Sentence[];
  title: Span | null;
  byline: Span | null;
  boilerplate: Span[];
}

export function buildTextModel(text: string): TextModel {
  const blocks = layoutBlocks(text);
  const sentences = splitSentences(text, blocks);
  const title = blocks.find((b) => b.kind === 'title') ?? null;
  const byline = blocks.find((b) => b.kind === 'byline') ?? null;
  return {
    text,
    lineStarts: computeLineStarts(text),
    blocks,
    sentences,
    title: title && { start: title.start, end: title.end },
    byline: byline && { start: byline.start, end: byline.end },
    boilerplate: mergeSpans(text, blocks.filter((b) => b.kind === 'boilerplate')),
  };
}

/** Spans with only white space between them merged into one, in order. */
function mergeSpans(text: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && !text.slice(last.end, s.start).trim()) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}
