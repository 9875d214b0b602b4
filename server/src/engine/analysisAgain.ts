import { analyzeDocument } from './analyzeDocument';
import type { ActorLexicon } from './actors/lexicon';
import { compactAnalysis } from './corpus/compactAnalysis';
import type { CorpusIndex } from './corpus/corpusIndex';
import { residentOf } from './corpus/residentDocument';
import type { DocumentAnalysis } from './types';
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
 *   full reads its text and analyses it again (well under a millisecond for an article), kept among
 *   the recently used. The text must be the one indexed (same validity key); if the file changed
 *   since, or cannot be read, an empty analysis stands in until the document is read again, which
 *   starts at once (the index then takes the change, as for any file changed on disk).
 * - **unreadable**: the persisted bytes of a stored analysis do not parse; the same stand-in, and
 *   the document is analysed again whatever its text.
 *
 * `repaired()` waits for the documents being read again.
 */
export class AnalysisAgain {
  private readonly refreshing = new Set<Promise<unknown>>();

  constructor(private readonly host: AnalysisAgainHost) {}

  /** The analysis of a document the store keeps none of, made from its text. */
  fromText(path: string): DocumentAnalysis {
    const { host } = this;
    const read = host.workspace.readDocumentSync(path);
    const name = host.workspace.relativePath(path);
    if ('error' in read) return this.standIn(path, `${name} ${read.error}; reading it again`);
    const job = { id: path, text: read.text, workspaceDate: host.workspaceDateOf(path) };
    if (!host.isCurrent(path, job)) return this.standIn(path, `${name} changed since it was indexed; reading it again`);
    const outcome = analyzeOne(job, host.lexicon());
    if ('error' in outcome) return this.standIn(path, `${name}: ${outcome.error}`);
    const analysis = compactAnalysis(outcome.analysis);
    host.index.store.remember(analysis);
    return analysis;
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
    while (this.refreshing.size) await Promise.all(this.refreshing);
  }

  /** An empty analysis of the document, kept until it is read again (which starts on the next turn of the event loop). */
  private standIn(path: string, message: string): DocumentAnalysis {
    this.host.logger.warn(message);
    const refresh = new Promise((resolve) => setImmediate(resolve)).then(() => this.host.refresh(path));
    this.refreshing.add(refresh);
    void refresh.finally(() => this.refreshing.delete(refresh));
    const placeholder = compactAnalysis(analyzeDocument(path, '', { lexicon: this.host.lexicon() }));
    this.host.index.store.remember(placeholder);
    return placeholder;
  }
}
