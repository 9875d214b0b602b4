import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { globToRegExp } from '../engine/glob';
import type { ReadResult, Workspace } from '../engine/workspace';
import { gitignoreGlobs } from './gitignore';
import { DEFAULT_MAX_FILE_SIZE, readCorpusFile, readCorpusFileSync } from './readDocument';

export interface CorpusSelection {
  /** Globs (relative to the root) of corpus documents. */
  include: string[];
  /** Globs of files and folders never indexed. */
  exclude: string[];
  maxFileSize: number;
  /** Also leave out what the root folder's `.gitignore` ignores (default true). */
  respectGitignore?: boolean;
}

export const DEFAULT_SELECTION: CorpusSelection = {
  include: ['seeds/**/*.txt', 'seeds/**/*.md'],
  exclude: ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**'],
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
};

/** The corpus documents under one root folder on disk, named by ids the host chooses (URIs for the server, relative paths for the CLI). */
export class FsWorkspace implements Workspace {
  private includeRe: RegExp[];
  private excludeRe: RegExp[];
  private gitignoreRe: RegExp[] = [];

  constructor(
    readonly root: string,
    private selection: CorpusSelection,
    private readonly toId: (absPath: string) => string = (p) => p,
    private readonly toPath: (id: string) => string = (id) => id,
  ) {
    this.includeRe = selection.include.map(globToRegExp);
    this.excludeRe = selection.exclude.map(globToRegExp);
  }

  setSelection(selection: CorpusSelection): void {
    this.selection = selection;
    this.includeRe = selection.include.map(globToRegExp);
    this.excludeRe = selection.exclude.map(globToRegExp);
  }

  /**
   * Whether a file (absolute path) is a corpus document by the settings. Include globs are matched
   * against the path relative to the root and also with the root folder's own name in front, so
   * `seeds/**` names the same files whether the workspace is the project or the seeds folder itself.
   */
  isCorpusFile(absPath: string): boolean {
    const rel = this.rel(absPath);
    if (rel.startsWith('../')) return false;
    const named = `${path.basename(this.root)}/${rel}`;
    return this.includeRe.some((re) => re.test(rel) || re.test(named)) && !this.isExcluded(rel);
  }

  async listDocuments(): Promise<string[]> {
    this.gitignoreRe = this.selection.respectGitignore === false ? [] : (await gitignoreGlobs(this.root)).map(globToRegExp);
    const found: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const abs = path.join(dir, e.name);
        const rel = this.rel(abs);
        if (this.isExcluded(rel) || this.isExcluded(`${rel}/`)) continue;
        if (e.isDirectory()) await walk(abs);
        else if (e.isFile() && this.isCorpusFile(abs)) found.push(this.toId(abs));
      }
    };
    await walk(this.root);
    return found.sort();
  }

  readDocument(id: string): Promise<ReadResult> {
    return readCorpusFile(this.toPath(id), this.selection.maxFileSize);
  }

  readDocumentSync(id: string): ReadResult {
    return readCorpusFileSync(this.toPath(id), this.selection.maxFileSize);
  }

  fileOf(id: string): { file: string; maxBytes: number } {
    return { file: this.toPath(id), maxBytes: this.selection.maxFileSize };
  }

  relativePath(id: string): string {
    return this.rel(this.toPath(id));
  }

  private isExcluded(rel: string): boolean {
    return this.excludeRe.some((re) => re.test(rel)) || this.gitignoreRe.some((re) => re.test(rel));
  }

  private rel(absPath: string): string {
    return path.relative(this.root, absPath).split(path.sep).join('/');
  }
}
