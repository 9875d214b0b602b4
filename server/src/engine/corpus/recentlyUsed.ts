import type { DocumentAnalysis } from '../types';

/** A map that keeps its `capacity` most recently used entries (a read counts as a use). */
export class RecentlyUsed<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }
}

/**
 * Parsed analyses kept in memory: those of the documents open in the editor, until they are closed,
 * and the `capacity` most recently used others.
 */
export class KeptAnalyses {
  private readonly recent: RecentlyUsed<string, DocumentAnalysis>;
  /** Open documents, with their analysis once made or read. */
  private readonly open = new Map<string, DocumentAnalysis | undefined>();

  constructor(capacity: number) {
    this.recent = new RecentlyUsed(capacity);
  }

  get(path: string): DocumentAnalysis | undefined {
    return this.open.get(path) ?? this.recent.get(path);
  }

  has(path: string): boolean {
    return this.open.get(path) !== undefined || this.recent.has(path);
  }

  set(path: string, analysis: DocumentAnalysis): void {
    if (this.open.has(path)) this.open.set(path, analysis);
    else this.recent.set(path, analysis);
  }

  /** Drops the analysis (the document changed or left), keeping the document open if it was. */
  delete(path: string): void {
    if (this.open.has(path)) this.open.set(path, undefined);
    this.recent.delete(path);
  }

  keepOpen(path: string, open: boolean): void {
    if (open === this.open.has(path)) return;
    const analysis = open ? this.recent.get(path) : this.open.get(path);
    if (open) {
      this.recent.delete(path);
      this.open.set(path, analysis);
    } else {
      this.open.delete(path);
      if (analysis) this.recent.set(path, analysis);
    }
  }
}

/** Documents whose claim texts RecentClaimTexts keeps. */
const CACHED_CLAIM_TEXTS = 1024;

/**
 * Claim texts of recently read documents (the related information of a contradiction quotes the
 * other statement), so that the findings of an article contradicting many others do not read those
 * analyses again at every edit. A changed document's texts must be dropped (`delete`).
 */
export class RecentClaimTexts {
  private readonly texts = new RecentlyUsed<string, string[]>(CACHED_CLAIM_TEXTS);

  /** `read`: the document's claim texts (from its analysis, or its text: see CorpusIndex.claimText). */
  constructor(private readonly read: (path: string) => string[] | undefined) {}

  text(ref: { path: string; index: number }): string | undefined {
    let texts = this.texts.get(ref.path);
    if (!texts) {
      texts = this.read(ref.path);
      if (!texts) return undefined;
      this.texts.set(ref.path, texts);
    }
    return texts[ref.index];
  }

  delete(path: string): void {
    this.texts.delete(path);
  }
}
