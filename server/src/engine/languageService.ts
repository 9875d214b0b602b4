import * as path from 'node:path';
import { AnalysisAgain } from './analysisAgain';
import { buildLexicon, builtinLexicon, type ActorLexicon } from './actors/lexicon';
import { DEFAULT_CONFIG, parseEngineConfig, type EngineConfig } from './config';
import { contentHashOf, validityKey } from './corpus/analysisKey';
import { compactAnalysis } from './corpus/compactAnalysis';
import type { ResidentDocument } from './corpus/residentDocument';
import { CorpusIndex } from './corpus/corpusIndex';
import { UnparsedDocument } from './corpus/unparsedDocument';
import { FileAnalysisStore } from './corpus/analysisStore';
import { engineFingerprint, loadPersistedIndex, PERSISTED_ANALYSES_FILE, persistedEntries, savePersistedIndex } from './corpus/persistedIndex';
import { findingsFor } from './diagnostics';
import { globToRegExp } from './glob';
import type { DocumentAnalysis, Finding } from './types';
import { analyzeOne } from './worker/analyzeOne';
import { bulkJobs, WarmUpSamples } from './worker/bulkJobs';
import { indexDocuments } from './worker/indexDocuments';
import { joinAfterIndexing, joinAgainAfterEdits } from './worker/joinAfterIndexing';
import { WARM_UP_DOCUMENTS, warmUpEditPath } from './worker/warmUp';
import type { AnalysisJob, AnalysisOutcome } from './worker/protocol';
import { FindingCounts } from './findingCounts';
import { silentLogger, type Logger, type Workspace } from './workspace';
import { parseWorkspaceFile, WORKSPACE_FILE, type WorkspaceFile } from './workspaceFile';

export interface LanguageServiceOptions {
  workspace: Workspace;
  logger?: Logger;
  config?: EngineConfig;
  /** Folder for the persisted index (the extension's storage); none: nothing is persisted. */
  storagePath?: string;
  /** Worker threads for bulk indexing; 0 keeps analysis on this thread. Default: one per core for large corpora. */
  workers?: number;
}

export type IndexState = 'empty' | 'indexing' | 'ready';

/** The exact re-join waits at least this many times its last cost after the last edit. */
const SETTLE_COST_FACTOR = 5;

export interface IndexReport {
  documents: number;
  /** Documents analysed in this run (the others were unchanged since their stored analysis). */
  analysed: number;
  skipped: { id: string; reason: string }[];
  millis: number;
}

/**
 * The engine as one object, with no editor protocol: index a workspace, keep it current, answer
 * questions about it. The language server and the CLI are thin layers over this.
 */
export class LanguageService {
  readonly index: CorpusIndex;
  readonly workspace: Workspace;
  /** Documents that could not be analysed, with the reason (shown to the user with the file name). */
  readonly skipped = new Map<string, string>();
  private readonly findingCounts: FindingCounts;
  state: IndexState = 'empty';
  private readonly logger: Logger;
  private editorConfig: EngineConfig;
  private config: EngineConfig;
  private workspaceFile: WorkspaceFile = parseWorkspaceFile(undefined);
  private lexicon: ActorLexicon = builtinLexicon();
  private ignoreMatchers: RegExp[] = [];
  /** Per document: the validity key (content hash + options) of its current analysis. */
  private readonly analysisKeys = new Map<string, string>();
  private storagePath: string | undefined;
  private readonly workers: number | undefined;
  private persistedLoaded = false;
  /** The last save of the index asked for (they never fail: a failure is logged). */
  private saving: Promise<void> = Promise.resolve();
  private editPathWarm = false;
  /** Analyses made again from the text: of documents the store keeps none of, or whose stored bytes are unreadable. */
  private readonly again: AnalysisAgain;
  private engineFingerprint: string | undefined;
  private readonly settledListeners: (() => void)[] = [];
  private settleTimer: NodeJS.Timeout | undefined;
  /**
   * Idle time after the last edit before the joins are rebuilt exactly; longer on a corpus whose
   * exact join takes long (it runs on this thread: seconds at 100k documents), so that it runs when
   * the reader has stopped editing, not between two sentences.
   */
  settleDelayMs = 1000;
  /** From this many documents the claim join is made again on a worker started for it (joinAgainAfterEdits), below in slices here (this thread is free then: README, Performance, thirteenth session). */
  rejoinOnWorkerFromDocuments = 75_000;

  constructor(options: LanguageServiceOptions) {
    this.workspace = options.workspace;
    this.logger = options.logger ?? silentLogger;
    this.editorConfig = options.config ?? DEFAULT_CONFIG;
    this.config = this.editorConfig;
    this.index = new CorpusIndex(this.lexicon);
    this.findingCounts = new FindingCounts(this.index, (p) => this.findings(p).length, () => this.config);
    this.again = new AnalysisAgain({
      index: this.index,
      workspace: this.workspace,
      logger: this.logger,
      lexicon: () => this.lexicon,
      workspaceDateOf: (id) => this.workspaceDateOf(id),
      isCurrent: (id, job) => this.isCurrent(id, job),
      invalidate: (id) => this.analysisKeys.delete(id),
      refresh: (id) => this.refreshDocument(id),
    });
    this.index.analysesAgainFrom(this.again);
    this.storagePath = options.storagePath;
    this.workers = options.workers;
  }

  /**
   * Reads and analyses every corpus document. On the first run with a storage folder, the persisted
   * index is loaded first (the index answers at once), then every document is read and only those
   * whose content or options changed are analysed again — on worker threads when there are many.
   * Requests are answered meanwhile (`state` is 'indexing': results may be partial).
   */
  async indexWorkspace(onProgress?: (done: number, total: number) => void, isCancelled?: () => boolean): Promise<IndexReport> {
    const started = Date.now();
    this.state = 'indexing';
    if (!this.persistedLoaded) await this.loadPersisted();
    const ids = await this.workspace.listDocuments();
    const wanted = new Set(ids);
    let changed = false;
    for (const path of this.index.paths()) if (!wanted.has(path)) changed = this.forget(path) || changed;
    for (const id of [...this.skipped.keys()]) if (!wanted.has(id)) this.skipped.delete(id);
    this.index.setBulk(true);
    const samples = new WarmUpSamples();
    const jobs = bulkJobs({ workspace: this.workspace, workspaceDateOf: (id) => this.workspaceDateOf(id), hasAnalysis: (id) => this.analysisKeys.has(id), isCurrent: (id, job) => this.isCurrent(id, job) }, samples);
    const { pool, ...result } = await indexDocuments({
      ids,
      ...jobs,
      accept: (outcome) => this.acceptOutcome(outcome),
      skip: (id, reason) => this.skip(id, reason),
      lexicon: this.lexicon,
      onProgress,
      isCancelled,
      workers: this.workers,
      analysisLines: this.index.store.keepsBulkAnalyses,
      keepPool: true,
    }).finally(() => this.index.setBulk(false));
    // the exact joins (the claim join on a worker or in slices of time: seconds at 100k documents;
    // requests are answered meanwhile from the last partial join made while indexing) and the views
    if (result.cancelled) this.index.settle();
    else await joinAfterIndexing(this.index, pool, this.logger);
    await this.repaired();
    this.state = 'ready';
    if (this.index.provisional) this.scheduleSettle(); // (edits during the joins: once they pause)
    // saved after the index answers: the persisted index is for the next start (see `persisted`)
    if ((result.analysed > 0 || changed) && !result.cancelled) void this.persistIndex();
    if (!this.editPathWarm && !result.cancelled) {
      // the code an edit runs, compiled before the reader's first edit: the analysis when little or
      // nothing was analysed on this thread (a warm start), and the findings it publishes (read only)
      if (result.analysed < WARM_UP_DOCUMENTS) await warmUpEditPath(samples.jobs, this.lexicon);
      for (const id of samples.ids.slice(0, 8)) if (this.index.has(id)) this.findings(id);
      this.editPathWarm = true;
    }
    const report = { documents: this.index.size, analysed: result.analysed, skipped: [...this.skipped].map(([id, reason]) => ({ id, reason })), millis: Date.now() - started };
    this.logger.info(`indexed ${report.documents} documents (${report.analysed} analysed) in ${report.millis} ms${report.skipped.length ? `, skipped ${report.skipped.length}` : ''}`);
    return report;
  }

  /** Sets the folder of the persisted index (known only once the editor has initialised the server). */
  useStorage(folder: string | undefined): void {
    this.storagePath = folder;
    this.persistedLoaded = false;
  }

  /**
   * Edits patch the cross-document joins provisionally (see CorpusIndex); once edits pause for
   * `settleDelayMs`, the joins are rebuilt exactly and the listeners are told (to re-publish diagnostics).
   */
  onJoinsSettled(listener: () => void): void {
    this.settledListeners.push(listener);
  }

  private scheduleSettle(): void {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(async () => {
      this.settleTimer = undefined;
      if (this.state === 'ready' && (await this.joinAgain())) for (const l of this.settledListeners) l();
    }, Math.max(this.settleDelayMs, SETTLE_COST_FACTOR * this.index.joinCostMs));
    this.settleTimer.unref?.();
  }

  /**
   * The exact joins made again after edits, as once they pause: in slices of time, the claim join
   * on a worker at scale; the editor's requests are answered meanwhile (provisionally). Resolves
   * whether they were made.
   */
  joinAgain(): Promise<boolean> {
    const onWorker = this.workers !== 0 && this.index.size >= this.rejoinOnWorkerFromDocuments;
    return joinAgainAfterEdits(this.index, this.lexicon, this.logger, onWorker);
  }

  /** Whether answers may be incomplete because indexing is under way. */
  get isPartial(): boolean {
    return this.state !== 'ready';
  }

  /** Re-reads one document from the workspace (it changed on disk, or was created). */
  async refreshDocument(id: string): Promise<DocumentAnalysis | undefined> {
    const read = await this.workspace.readDocument(id);
    if ('error' in read) {
      this.skip(id, read.error);
      return undefined;
    }
    return this.updateDocument(id, read.text);
  }

  /** Analyses one document from the given text (an editor's buffer); only this document is re-analysed, and not at all when its text and options are unchanged. */
  updateDocument(id: string, text: string): DocumentAnalysis | undefined {
    const job = { id, text, workspaceDate: this.workspaceDateOf(id) };
    // unchanged: the analysis kept, or (the store keeps none: see AnalysisAgain) made again from this text
    if (this.isCurrent(id, job)) return this.index.store.has(id) ? this.index.get(id) : this.again.analyse(job);
    const outcome = analyzeOne(job, this.lexicon);
    if ('error' in outcome) {
      this.skip(id, outcome.error);
      return undefined;
    }
    const stored = this.accept(outcome.analysis, outcome.analysis.hash);
    this.scheduleSettle();
    return stored;
  }

  /** Saves the index to the storage folder (if any) for the next warm start, after the saves asked for before; resolves once written. */
  persistIndex(): Promise<void> {
    return (this.saving = this.saving.then(() => this.saveIndex()));
  }

  /** Resolves once every save of the index asked for so far is written (indexing saves it after the index is ready). */
  persisted(): Promise<void> {
    return this.saving;
  }

  private async saveIndex(): Promise<void> {
    const store = this.index.store;
    if (!this.storagePath || !(store instanceof FileAnalysisStore)) return;
    await new Promise((resolve) => setImmediate(resolve)); // what asked for the save (indexing done) goes on first
    try {
      if (store.wasteful) store.compact();
      store.flush(); // every analysis the index file names is in the analyses file
      const entries = persistedEntries(this.index.paths(), this.analysisKeys, store, (path) => this.index.contribution(path));
      const table = this.index.exactActors();
      await savePersistedIndex(this.storagePath, this.fingerprint(), store.id, entries, entries.length, table && { table, lexicon: this.lexicon.version });
    } catch (err) {
      this.logger.warn(`could not save the index to ${this.storagePath}: ${(err as Error).message}`);
    }
  }

  /**
   * Warm start: fills the index from the persisted one, if any is usable: the actor join can be made
   * at once, each analysis is parsed when first used. Returns the documents loaded (they are verified
   * by the next indexWorkspace).
   */
  async loadPersisted(): Promise<number> {
    this.persistedLoaded = true;
    if (!this.storagePath) return 0;
    const loaded = await loadPersistedIndex(this.storagePath, this.fingerprint());
    if ('stale' in loaded) this.logger.info(`persisted index not used: ${loaded.stale}; rebuilding`);
    if ('corrupt' in loaded) this.logger.warn(`persisted index was unreadable (${loaded.corrupt}); rebuilding`);
    const store = FileAnalysisStore.open(path.join(this.storagePath, PERSISTED_ANALYSES_FILE), 'entries' in loaded ? loaded.id : undefined);
    this.index.useStore(store);
    if (!('entries' in loaded)) return 0;
    for (const e of loaded.entries) {
      const id = e.contribution.path;
      store.adopt(id, e.at, e.residentAt);
      this.index.setUnparsed(new UnparsedDocument(e.contribution, () => this.loadStoredResident(id)));
      this.analysisKeys.set(id, e.key);
    }
    if (loaded.actors?.lexicon === this.lexicon.version) this.index.restoreActors(loaded.actors.table);
    this.logger.info(`loaded ${loaded.entries.length} documents${loaded.actors ? ' and their actors' : ''} from the persisted index`);
    return loaded.entries.length;
  }

  /** Resolves once documents found unreadable in the persisted index, or changed since indexed, are read again. */
  repaired(): Promise<void> {
    return this.again.repaired();
  }

  /** A stored resident part; none when it is unreadable (the resident part is then made from the analysis). */
  private loadStoredResident(path: string): ResidentDocument | undefined {
    try {
      return this.index.store.getResident(path);
    } catch (err) {
      this.logger.warn(`persisted index: ${(err as Error).message}; reading the analysis instead`);
      return undefined;
    }
  }

  private fingerprint(): string {
    return (this.engineFingerprint ??= engineFingerprint());
  }

  private workspaceDateOf(id: string): string | undefined {
    return this.workspaceFile.documentDates[this.workspace.relativePath(id)];
  }

  /** Whether the document's current analysis was made from this very text with these options. */
  private isCurrent(id: string, job: AnalysisJob): boolean {
    const key = this.analysisKeys.get(id);
    return key !== undefined && key === validityKey(contentHashOf(job.text), job.workspaceDate, this.lexicon.version);
  }

  /** Takes a bulk indexing outcome: an analysis made here (already compact), one made on a worker thread, or an error. */
  private acceptOutcome(outcome: AnalysisOutcome): void {
    if ('error' in outcome) return this.skip(outcome.id, outcome.error);
    if ('analysis' in outcome) return void this.accept(outcome.analysis, outcome.analysis.hash, false);
    this.index.setAnalysed(outcome.resident, outcome.lines);
    this.accepted(outcome.id, outcome.resident.hash);
  }

  /** Stores an analysis, compacted first unless it already is (bulk indexing compacts: see indexDocuments); returns the stored analysis. */
  private accept(analysis: DocumentAnalysis, hash: string, compact = true): DocumentAnalysis {
    if (compact) analysis = compactAnalysis(analysis);
    this.index.set(analysis);
    this.accepted(analysis.path, hash);
    for (const p of analysis.problems) this.logger.warn(`${this.workspace.relativePath(analysis.path)}: ${p}`);
    return analysis;
  }

  private accepted(id: string, hash: string): void {
    this.skipped.delete(id);
    this.analysisKeys.set(id, validityKey(hash, this.workspaceDateOf(id), this.lexicon.version));
  }

  private forget(id: string): boolean {
    this.analysisKeys.delete(id);
    return this.index.delete(id);
  }

  removeDocument(id: string): void {
    if (this.forget(id)) this.scheduleSettle();
    this.skipped.delete(id);
  }

  /** The workspace file changed: new actors, dates or diagnostics settings. Re-analyses every document, since the lexicon may change any of them. */
  async setWorkspaceFile(text: string | undefined): Promise<string[]> {
    this.workspaceFile = parseWorkspaceFile(text);
    const { config, problems } = parseEngineConfig(this.workspaceFile.diagnostics, this.editorConfig);
    this.config = config;
    this.updateIgnoreMatchers();
    // the user's actors change the lexicon; its version is part of every analysis' validity key, so the
    // next indexWorkspace re-analyses the documents (and only when the actors section really changed)
    const built = buildLexicon(this.workspaceFile.actors);
    if (built.lexicon.version !== this.lexicon.version) {
      this.lexicon = built.lexicon;
      this.index.setLexicon(built.lexicon);
    }
    const all = [...this.workspaceFile.problems, ...built.problems, ...problems.map((p) => `${WORKSPACE_FILE}: diagnostics: ${p}`)];
    for (const p of all) this.logger.warn(p);
    return all;
  }

  setEditorConfig(config: EngineConfig): void {
    this.editorConfig = config;
    this.config = parseEngineConfig(this.workspaceFile.diagnostics, config).config;
    this.updateIgnoreMatchers();
  }

  get engineConfig(): EngineConfig {
    return this.config;
  }

  findings(id: string): Finding[] {
    return findingsFor(this.index, id, this.config, (p) => this.isIgnored(p));
  }

  /** Counts for the status bar (findings: see FindingCounts). */
  stats(): { documents: number; actors: number; findings: number; skipped: number } {
    const actors = this.index.actors.actors.length;
    return { documents: this.index.size, actors, findings: this.findingCounts.total(), skipped: this.skipped.size };
  }

  /** A document's number of findings, counted by whoever just made them (the diagnostics publisher). */
  noteFindingCount(id: string, n: number): void {
    this.findingCounts.note(id, n);
  }

  private isIgnored(id: string): boolean {
    if (this.ignoreMatchers.length === 0) return false;
    const rel = this.workspace.relativePath(id);
    return this.ignoreMatchers.some((re) => re.test(rel));
  }

  private updateIgnoreMatchers(): void {
    this.ignoreMatchers = this.config.ignoreFiles.map(globToRegExp);
  }

  private skip(id: string, reason: string): void {
    this.forget(id);
    this.skipped.set(id, reason);
    this.logger.warn(`${this.workspace.relativePath(id)}: skipped: ${reason}`);
  }
}

export function createLanguageService(options: LanguageServiceOptions): LanguageService {
  return new LanguageService(options);
}
