import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ReadResult, Workspace } from '../engine/workspace';
import { DEFAULT_SELECTION, FsWorkspace } from './fsWorkspace';
import { readCorpusFile, readCorpusFileSync } from './readDocument';

/**
 * The documents named on a command line: files, and every .txt/.md under the folders.
 * Ids are absolute paths; a document's reported path is relative to the folder it was found in
 * (or to the current directory for a file named directly).
 */
export class CliWorkspace implements Workspace {
  private readonly roots = new Map<string, string>();
  readonly missing: string[] = [];

  private constructor(private readonly maxFileSize: number) {}

  static async open(args: string[], cwd: string, maxFileSize = DEFAULT_SELECTION.maxFileSize): Promise<CliWorkspace> {
    const ws = new CliWorkspace(maxFileSize);
    for (const arg of args) {
      const abs = path.resolve(cwd, arg);
      const stat = await fs.stat(abs).catch(() => undefined);
      if (!stat) ws.missing.push(arg);
      else if (stat.isDirectory()) {
        const folder = new FsWorkspace(abs, { ...DEFAULT_SELECTION, include: ['**/*.txt', '**/*.md'], maxFileSize });
        for (const id of await folder.listDocuments()) ws.roots.set(id, abs);
      } else ws.roots.set(abs, cwd);
    }
    return ws;
  }

  /** The folder the workspace file is looked for in: the first folder given, else the current directory. */
  get configFolder(): string {
    return this.roots.values().next().value ?? process.cwd();
  }

  async listDocuments(): Promise<string[]> {
    return [...this.roots.keys()].sort();
  }

  readDocument(id: string): Promise<ReadResult> {
    return readCorpusFile(id, this.maxFileSize);
  }

  readDocumentSync(id: string): ReadResult {
    return readCorpusFileSync(id, this.maxFileSize);
  }

  fileOf(id: string): { file: string; maxBytes: number } {
    return { file: id, maxBytes: this.maxFileSize };
  }

  relativePath(id: string): string {
    return path.relative(this.roots.get(id) ?? process.cwd(), id).split(path.sep).join('/');
  }
}
