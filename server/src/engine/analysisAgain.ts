import { analyzeDocument } from './analyzeDocument';
import type { ActorLexicon } from './actors/lexicon';
import type { AnalysisAgainSource } from './corpus/analysisStore';
import { compactAnalysis } from './corpus/compactAnalysis';
import type { CorpusIndex } from './corpus/corpusIndex';
import { residentOf } from './corpus/residentDocument';
import { extractMarkup } from './metadata';
import type { DocumentAnalysis, Span } from './types';
import { analyzeOne } from './worker/analyzeOne';
import type { AnalysisJob } from './worker/protocol';
import type { Logger, Workspace } from './workspace';

/** What the language service lends to make analyses again. */
export interface AnalysisAgainHost {
  index: CorpusIndex;
  workspace: Workspace;
  logger: Logger;
  lexicon(): ActorLexicon;
  workspaceDateOf(id: string): string | undefined;
  /** Whether the document's current analysis was made from this very text with these options. */
  isCurrent(id: string, job: AnalysisJob): boolean;
  /** Forgets the document's validity key (its next read is analysed whatever its text). */
  invalidate(id: string): void;
  /** Reads the document from the workspace again and brings the index up to date with it. */
  refresh(id: string): Promise<unknown>;
}

/**
 * Analyses made again when the index holds a document's resident part but no full analysis of it:
 *
 * - **not stored** (the usual case for a large workspace): bulk indexing keeps no analysis line in a
 *   file-backed store (see AnalysisStore.keepsBulkAnalyses); a request that needs the document in
 *   full reads its text and analyses it again (about a millisecond for an article), kept among
 *   the recently used. The text must be the one indexed (same validity key); if the file changed
 *   since, or cannot be read, an empty analysis stands in until the document is read again, which
 *   starts at once (the index then takes the change, as for any file changed on disk).
 * - **unreadable**: the persisted bytes of a stored analysis do not parse; the same stand-in, and
 *   the document is analysed again whatever its text.
 *
 * `repaired()` waits for the documents being read again.
 */
export class AnalysisAgain implements AnalysisAgainSource {
  /** Documents being read again, by path (each is read once however often it is asked for meanwhile). */
  private readonly refreshing = new Map<string, Promise<unknown>>();

  constructor(private readonly host: AnalysisAgainHost) {}

  /** The analysis of a document the store keeps none of, made from its text. */
  fromText(path: string): DocumentAnalysis {
    const job = this.indexedText(path);
    return job ? this.analyse(job) : this.standIn(path);
  }

  /** The analysis of a text known to be the one indexed (an editor opening the document gives it), kept among the recently used. */
  analyse(job: AnalysisJob): DocumentAnalysis {
    const outcome = analyzeOne(job, this.host.lexicon());
    if ('error' in outcome) return this.standIn(job.id, `${this.host.workspace.relativePath(job.id)}: ${outcome.error}`);
    const analysis = compactAnalysis(outcome.analysis);
    this.host.index.store.remember(analysis);
    return analysis;
  }

  /**
   * The texts at `spans` (claims, mentions: the document's resident part has their positions), read
   * from the document's text without analysing it: what quoting another article's claim needs (a
   * hover card, a contradiction's related information), or telling which mention spells an actor's
   * full name (go to definition, workspace symbols). Undefined when the text is no longer the one indexed.
   */
  textsAt(path: string, spans: readonly Span[]): string[] | undefined {
    const job = this.indexedText(path);
    return job && textsOfText(job.text, spans);
  }

  /** The document's text when it is still the one indexed (else it is read again, with a warning naming it). */
  private indexedText(path: string): AnalysisJob | undefined {
    const { host } = this;
    if (this.refreshing.has(path)) return undefined;
    const read = host.workspace.readDocumentSync(path);
    const name = host.workspace.relativePath(path);
    if ('error' in read) return void this.readAgain(path, `${name} ${read.error}; reading it again`);
    const job = { id: path, text: read.text, workspaceDate: host.workspaceDateOf(path) };
    if (!host.isCurrent(path, job)) return void this.readAgain(path, `${name} changed since it was indexed; reading it again`);
    return job;
  }

  /** What stands for an analysis whose stored bytes are unreadable, until the document is analysed again. */
  unreadable(path: string, error: Error): DocumentAnalysis {
    this.host.invalidate(path);
    const placeholder = this.standIn(path, `persisted index: ${error.message}; analysing the document again`);
    this.host.index.store.put(placeholder, residentOf(placeholder));
    return placeholder;
  }

  /** Resolves once the documents being read again are. */
  async repaired(): Promise<void> {
    while (this.refreshing.size) await Promise.all(this.refreshing.values());
  }

  /** The document is read again and the index brought up to date with it, on the next turn of the event loop. */
  private readAgain(path: string, message?: string): void {
    if (this.refreshing.has(path)) return;
    if (message) this.host.logger.warn(message);
    const refresh = new Promise((resolve) => setImmediate(resolve)).then(() => this.host.refresh(path));
    this.refreshing.set(path, refresh);
    void refresh.finally(() => this.refreshing.delete(path));
  }

  /** An empty analysis of the document, kept until it is read again. */
  private standIn(path: string, message?: string): DocumentAnalysis {
    if (message) this.readAgain(path, message);
    const placeholder = compactAnalysis(analyzeDocument(path, '', { lexicon: this.host.lexicon() }));
    this.host.index.store.remember(placeholder);
    return placeholder;
  }
}

/**
 * The claims' texts as the analysis of `text` holds them (`Claim.text`): the slice of the text with
 * markup blanked, line breaks made spaces (as a sentence's text folds them: see text/sentences.ts).
 */
export function textsOfText(text: string, spans: readonly Span[]): string[] {
  const blanked = extractMarkup(text).text;
  return spans.map((s) => blanked.slice(s.start, s.end).replace(/[\r\n]/g, ' '));
}
