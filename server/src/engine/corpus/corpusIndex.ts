import type { ActorLexicon } from '../actors/lexicon';
import { resolveActors, type ActorTable } from '../actors/resolveActors';
import { linkClaims, type ClaimGraph } from '../claims/linkClaims';
import type { ActorMention, Claim, DocumentAnalysis, MentionRef } from '../types';

/**
 * All document analyses of the corpus, and the cross-document joins built from them
 * (actors, claim clusters, contradictions). The joins read only per-document results, never text,
 * and are rebuilt lazily after a change: setting one document never re-analyses another.
 */
export class CorpusIndex {
  private readonly docs = new Map<string, DocumentAnalysis>();
  private actorTable: ActorTable | undefined;
  private claimGraph: ClaimGraph | undefined;
  private generation = 0;

  constructor(private lexicon: ActorLexicon) {}

  /** Bumped on every change; lets callers cache what they derive from the index. */
  get version(): number {
    return this.generation;
  }

  setLexicon(lexicon: ActorLexicon): void {
    this.lexicon = lexicon;
    this.invalidate();
  }

  set(doc: DocumentAnalysis): void {
    this.docs.set(doc.path, doc);
    this.invalidate();
  }

  delete(path: string): boolean {
    const had = this.docs.delete(path);
    if (had) this.invalidate();
    return had;
  }

  get(path: string): DocumentAnalysis | undefined {
    return this.docs.get(path);
  }

  has(path: string): boolean {
    return this.docs.has(path);
  }

  get size(): number {
    return this.docs.size;
  }

  documents(): IterableIterator<DocumentAnalysis> {
    return this.docs.values();
  }

  paths(): string[] {
    return [...this.docs.keys()];
  }

  get actors(): ActorTable {
    return (this.actorTable ??= resolveActors(this.docs.values(), this.lexicon));
  }

  get claims(): ClaimGraph {
    return (this.claimGraph ??= linkClaims(this.docs, this.actors));
  }

  mention(ref: MentionRef): ActorMention | undefined {
    return this.docs.get(ref.path)?.mentions[ref.index];
  }

  claim(ref: { path: string; index: number }): Claim | undefined {
    return this.docs.get(ref.path)?.claims[ref.index];
  }

  private invalidate(): void {
    this.actorTable = undefined;
    this.claimGraph = undefined;
    this.generation++;
  }
}
