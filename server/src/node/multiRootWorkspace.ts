import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ReadResult, Workspace } from '../engine/workspace';
import { FsWorkspace, type CorpusSelection } from './fsWorkspace';

/** file: URI in one canonical spelling, so the editor's and the walker's URIs for one file are equal. */
export function normalizeUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

/** The corpus documents of every workspace folder, named by file URIs (as the language server speaks). */
export class MultiRootWorkspace implements Workspace {
  private folders: FsWorkspace[] = [];

  constructor(roots: string[], selection: CorpusSelection) {
    this.setRoots(roots, selection);
  }

  setRoots(roots: string[], selection: CorpusSelection): void {
    this.folders = roots.map(
      (root) =>
        new FsWorkspace(
          root,
          selection,
          (abs) => pathToFileURL(abs).href,
          (id) => fileURLToPath(id),
        ),
    );
  }

  get roots(): string[] {
    return this.folders.map((f) => f.root);
  }

  isCorpusDocument(uri: string): boolean {
    if (!uri.startsWith('file:')) return false;
    const abs = fileURLToPath(uri);
    return this.folders.some((f) => f.isCorpusFile(abs));
  }

  async listDocuments(): Promise<string[]> {
    const all = await Promise.all(this.folders.map((f) => f.listDocuments()));
    return [...new Set(all.flat())].sort();
  }

  readDocument(id: string): Promise<ReadResult> {
    return (this.folderOf(id) ?? this.folders[0]).readDocument(id);
  }

  readDocumentSync(id: string): ReadResult {
    return (this.folderOf(id) ?? this.folders[0]).readDocumentSync(id);
  }

  fileOf(id: string): { file: string; maxBytes: number } {
    return (this.folderOf(id) ?? this.folders[0]).fileOf(id);
  }

  relativePath(id: string): string {
    const folder = this.folderOf(id);
    return folder ? folder.relativePath(id) : id;
  }

  private folderOf(id: string): FsWorkspace | undefined {
    if (!id.startsWith('file:')) return undefined;
    const abs = fileURLToPath(id);
    return this.folders.find((f) => abs.startsWith(f.root.endsWith('/') ? f.root : `${f.root}/`));
  }
}
