import { createHash } from 'node:crypto';
import type { DocumentAnalysis } from './types';
import type { ActorLexicon } from './actors/lexicon';
import { findActors } from './actors/findActors';
import { findClaims } from './claims/findClaims';
import { findDates } from './dates/findDates';
import { extractMarkup } from './metadata';
import { buildTextModel } from './text/textModel';

export interface AnalysisOptions {
  lexicon: ActorLexicon;
  /** Date for this document from the workspace file, when the user gave one there. */
  workspaceDate?: string;
}

/** A short, stable id for a document, used in claim ids: the file name's leading number or stem. */
export function documentShortId(path: string): string {
  const base = path.split('/').pop() ?? path;
  const stem = base.replace(/\.[^.]+$/, '');
  const lead = /^(\d+)[_-]/.exec(stem);
  return (lead ? lead[1] : stem).replace(/[^\w-]+/g, '-');
}

/** The last part of a path or URI, percent-decoded when it is a URI (a stray '%' is kept as it is). */
function fileName(path: string): string {
  const last = path.split('/').pop() ?? path;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/**
 * Everything about one document that depends on its text alone. Pure: the same text and options
 * give the same result, so results are cacheable by content hash (see corpus/analysisCache.ts).
 */
export function analyzeDocument(path: string, rawText: string, options: AnalysisOptions): DocumentAnalysis {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const markup = extractMarkup(text);
  const model = buildTextModel(markup.text);
  const problems: string[] = [];
  if (!text.trim()) problems.push('the file is empty');
  else if (model.sentences.length === 0) problems.push('no text to analyse (only punctuation or markup)');
  const actors = findActors(model, options.lexicon);
  const dates = findDates(model, { metadataDate: markup.metadata.date ?? options.workspaceDate, fileName: fileName(path) });
  const claims = findClaims(model, actors, dates, documentShortId(path));
  const titleText = markup.metadata.title ?? (model.title ? model.text.slice(model.title.start, model.title.end).replace(/\s+/g, ' ') : null);
  return {
    path,
    hash: contentHash(text),
    length: text.length,
    lineStarts: model.lineStarts,
    title: model.title,
    titleText,
    byline: model.byline,
    blocks: model.blocks,
    headings: model.blocks.filter((b) => b.kind === 'heading').map((b) => ({ start: b.start, end: b.end, text: model.text.slice(b.start, b.end).replace(/\s+/g, ' ') })),
    boilerplate: model.boilerplate,
    sentences: model.sentences.map(({ start, end, block, section }) => ({ start, end, block, section })),
    entities: actors.entities,
    mentions: actors.mentions,
    dates: dates.dates,
    date: dates.date,
    claims,
    suppressions: markup.suppressions,
    problems,
  };
}
