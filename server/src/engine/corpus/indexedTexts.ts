import { singleSpaced } from '../actors/names';
import type { DocumentAnalysis, MentionRef, Span } from '../types';
import type { AnalysisAgainSource, AnalysisStore } from './analysisStore';
import { RecentClaimTexts } from './recentlyUsed';
import { residentClaimSpans, type ResidentDocument } from './residentDocument';

/** What IndexedTexts reads of the index. */
export interface TextsOfIndex {
  readonly store: AnalysisStore;
  resident(path: string): ResidentDocument | undefined;
  get(path: string): DocumentAnalysis | undefined;
  mentionSpan(ref: MentionRef): Span | undefined;
}

/**
 * The texts of claims and mentions of indexed documents, read without their analyses when the store
 * keeps none (the usual case for a large workspace: see analysisAgain.ts): from the analysis if the
 * store keeps it, else from the document's text at the resident part's positions. The claim texts
 * of recently read documents are kept (a changed document's must be dropped: `delete`).
 */
export class IndexedTexts {
  private readonly claims = new RecentClaimTexts((path) => {
    const resident = this.index.resident(path);
    const fromText = resident && this.textSource(path);
    return fromText ? fromText.textsAt(path, residentClaimSpans(resident)) : this.index.get(path)?.claims.map((c) => c.text);
  });

  constructor(
    private readonly index: TextsOfIndex,
    private readonly again: () => AnalysisAgainSource | undefined,
  ) {}

  claimText(ref: { path: string; index: number }): string | undefined {
    return this.claims.text(ref);
  }

  /** A mention's text as the analysis holds it (white space folded). */
  mentionText(ref: MentionRef): string | undefined {
    const span = this.index.mentionSpan(ref);
    const fromText = span && this.textSource(ref.path);
    if (!fromText) return this.index.get(ref.path)?.mentions[ref.index]?.text;
    const text = fromText.textsAt(ref.path, [span])?.[0];
    return text === undefined ? undefined : singleSpaced(text);
  }

  /** What reads the document's text, when the store keeps no analysis of it (else its analysis is read). */
  private textSource(path: string): AnalysisAgainSource | undefined {
    return this.index.store.has(path) ? undefined : this.again();
  }

  delete(path: string): void {
    this.claims.delete(path);
  }
}
