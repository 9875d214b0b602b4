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
    const again = this.again();
    if (!resident || !again || this.index.store.has(path)) return this.index.get(path)?.claims.map((c) => c.text);
    return again.textsAt(path, residentClaimSpans(resident));
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
    const again = this.again();
    if (!span || !again || this.index.store.has(ref.path)) return this.index.get(ref.path)?.mentions[ref.index]?.text;
    const text = again.textsAt(ref.path, [span])?.[0];
    return text === undefined ? undefined : singleSpaced(text);
  }

  delete(path: string): void {
    this.claims.delete(path);
  }
}
