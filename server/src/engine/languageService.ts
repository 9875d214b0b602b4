import { analyzeDocument } from './analyzeDocument';
import { builtinLexicon, type ActorLexicon } from './actors/lexicon';
import { DEFAULT_CONFIG, parseEngineConfig, type EngineConfig } from './config';
import { CorpusIndex } from './corpus/corpusIndex';
import { findingsFor } from './diagnostics';
import { globToRegExp } from './glob';
import type { DocumentAnalysis, Finding } from './types';
import { silentLogger, type Logger, type Workspace } from './workspace';
import { parseWorkspaceFile, WORKSPACE_FILE, type WorkspaceFile } from './workspaceFile';

export interface LanguageServiceOptions {
  workspace: Workspace;
  logger?: Logger;
  config?: EngineConfig;
}

export type IndexState = 'empty' | 'indexing' | 'ready';

export interface IndexReport {
  documents: number;
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
  state: IndexState = 'empty';
  private readonly logger: Logger;
  private editorConfig: EngineConfig;
  private config: EngineConfig;
  private workspaceFile: WorkspaceFile = parseWorkspaceFile(undefined);
  private lexicon: ActorLexicon = builtinLexicon();
  private ignoreMatchers: RegExp[] = [];

  constructor(options: LanguageServiceOptions) {
    this.workspace = options.workspace;
    this.logger = options.logger ?? silentLogger;
    this.editorConfig = options.config ?? DEFAULT_CONFIG;
    this.config = this.editorConfig;
    this.index = new CorpusIndex(this.lexicon);
  }

  /** Reads and analyses every corpus document. Yields to the event loop between documents so requests are answered meanwhile. */
  async indexWorkspace(onProgress?: (done: number, total: number) => void, isCancelled?: () => boolean): Promise<IndexReport> {
    const started = Date.now();
    this.state = 'indexing';
    const ids = await this.workspace.listDocuments();
    const wanted = new Set(ids);
    for (const path of this.index.paths()) if (!wanted.has(path)) this.index.delete(path);
    for (const id of [...this.skipped.keys()]) if (!wanted.has(id)) this.skipped.delete(id);
    let done = 0;
    for (const id of ids) {
      if (isCancelled?.()) break;
      await this.refreshDocument(id);
      onProgress?.(++done, ids.length);
      if (done % 16 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    this.state = 'ready';
    const report = { documents: this.index.size, skipped: [...this.skipped].map(([id, reason]) => ({ id, reason })), millis: Date.now() - started };
    this.logger.info(`indexed ${report.documents} documents in ${report.millis} ms${report.skipped.length ? `, skipped ${report.skipped.length}` : ''}`);
    return report;
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

  /** Analyses one document from the given text (an editor's buffer); only this document is re-analysed. */
  updateDocument(id: string, text: string): DocumentAnalysis | undefined {
    try {
      const analysis = analyzeDocument(id, text, {
        lexicon: this.lexicon,
        workspaceDate: this.workspaceFile.documentDates[this.workspace.relativePath(id)],
      });
      this.skipped.delete(id);
      this.index.set(analysis);
      for (const p of analysis.problems) this.logger.warn(`${this.workspace.relativePath(id)}: ${p}`);
      return analysis;
    } catch (err) {
      this.skip(id, `analysis failed: ${(err as Error).message}`);
      return undefined;
    }
  }

  removeDocument(id: string): void {
    this.index.delete(id);
    this.skipped.delete(id);
  }

  /** The workspace file changed: new actors, dates or diagnostics settings. Re-analyses every document, since the lexicon may change any of them. */
  async setWorkspaceFile(text: string | undefined): Promise<string[]> {
    this.workspaceFile = parseWorkspaceFile(text);
    const { config, problems } = parseEngineConfig(this.workspaceFile.diagnostics, this.editorConfig);
    this.config = config;
    this.updateIgnoreMatchers();
    const all = [...this.workspaceFile.problems, ...problems.map((p) => `${WORKSPACE_FILE}: diagnostics: ${p}`)];
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

  stats(): { documents: number; actors: number; findings: number; skipped: number } {
    let findings = 0;
    for (const p of this.index.paths()) findings += this.findings(p).length;
    return { documents: this.index.size, actors: this.index.actors.actors.length, findings, skipped: this.skipped.size };
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
    this.index.delete(id);
    this.skipped.set(id, reason);
    this.logger.warn(`${this.workspace.relativePath(id)}: skipped: ${reason}`);
  }
}

export function createLanguageService(options: LanguageServiceOptions): LanguageService {
  return new LanguageService(options);
}
