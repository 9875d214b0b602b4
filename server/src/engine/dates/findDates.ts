import type { DateExpression, DocumentDate } from '../types';
import type { TextModel } from '../text/textModel';

export interface DateFindings {
  dates: DateExpression[];
  /** The document's own date from its text or metadata; null when nothing tells. */
  date: DocumentDate | null;
}

export interface DateContext {
  /** A date the user gave for this document (front matter `date:` or the workspace file), as written there. */
  metadataDate?: string;
}

/** Temporal expressions with TIMEX3-style values. STUB (issue 4 replaces it). */
export function findDates(model: TextModel, context: DateContext): DateFindings {
  void model;
  void context;
  return { dates: [], date: null };
}
