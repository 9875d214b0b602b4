/** What the engine needs from wherever documents live (a folder on disk, an editor, memory in tests). */
export interface Workspace {
  /** Ids of every corpus document (file paths or URIs, as the host names them). */
  listDocuments(): Promise<string[]>;
  /** The document's text, or why it cannot be analysed (binary, too large, not UTF-8, unreadable). */
  readDocument(id: string): Promise<ReadResult>;
  /** The same, synchronously: a request that needs one document's full analysis may have it made again from the text. */
  readDocumentSync(id: string): ReadResult;
  /**
   * Where the document is on disk, for a worker thread to read it itself in bulk indexing (with the
   * same size limit); undefined (or no such method) when only this object can read it.
   */
  fileOf?(id: string): { file: string; maxBytes: number } | undefined;
  /** The id as a path relative to the workspace root, with '/' separators (for the workspace file and exports). */
  relativePath(id: string): string;
}

export type ReadResult = { text: string } | { error: string };

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

export const silentLogger: Logger = { info: () => {}, warn: () => {} };

/** A workspace held in memory: for tests and for editors that push text. */
export class InMemoryWorkspace implements Workspace {
  readonly reads: string[] = [];
  constructor(private readonly files: Map<string, string | { error: string }>) {}

  async listDocuments(): Promise<string[]> {
    return [...this.files.keys()].sort();
  }

  async readDocument(id: string): Promise<ReadResult> {
    return this.readDocumentSync(id);
  }

  readDocumentSync(id: string): ReadResult {
    this.reads.push(id);
    const f = this.files.get(id);
    if (f === undefined) return { error: 'no such document' };
    return typeof f === 'string' ? { text: f } : f;
  }

  relativePath(id: string): string {
    return id;
  }

  set(id: string, text: string): void {
    this.files.set(id, text);
  }

  delete(id: string): void {
    this.files.delete(id);
  }
}
