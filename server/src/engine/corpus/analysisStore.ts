import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import type { DocumentAnalysis } from '../types';
import { shareStrings } from './compactAnalysis';

/** Where one analysis is in the analyses file: byte offset and length of its JSON line. */
export interface StoredAt {
  offset: number;
  length: number;
}

/**
 * The full per-document analyses, by path. The corpus index keeps only each document's resident
 * part in memory (corpus/residentDocument.ts); a request that needs one document in full (hover,
 * diagnostics, export) reads it here.
 */
export interface AnalysisStore {
  /** Stores an analysis in compact form (see compactAnalysis). */
  put(analysis: DocumentAnalysis): void;
  /** Stores an analysis given as its JSON text (from a worker thread: the text is written, not parsed). */
  putJson(path: string, json: string): void;
  /** Takes an analysis already in the analyses file (warm start). */
  adopt(path: string, at: StoredAt): void;
  /** The analysis; throws when its stored bytes are unreadable. */
  get(path: string): DocumentAnalysis | undefined;
  delete(path: string): void;
  /** Where the analysis is in the analyses file (file-backed stores only). */
  locationOf(path: string): StoredAt | undefined;
}

/** Every analysis as a compact object in the heap: for small workspaces and the CLI. */
export class MemoryAnalysisStore implements AnalysisStore {
  private readonly analyses = new Map<string, DocumentAnalysis>();

  put(analysis: DocumentAnalysis): void {
    this.analyses.set(analysis.path, analysis);
  }

  putJson(path: string, json: string): void {
    this.analyses.set(path, shareStrings(JSON.parse(json)) as DocumentAnalysis);
  }

  adopt(): void {
    throw new Error('a memory store has no analyses file');
  }

  get(path: string): DocumentAnalysis | undefined {
    return this.analyses.get(path);
  }

  delete(path: string): void {
    this.analyses.delete(path);
  }

  locationOf(): undefined {
    return undefined;
  }
}

export const ANALYSES_FORMAT = 'corpus-lens-analyses';
/**
 * Parsed analyses kept in memory: the documents a reader is working on and those just read. Few, so
 * that a pass over every document (diagnostics after indexing) leaves short-lived garbage only.
 */
const RECENT_ANALYSES = 32;

/**
 * Analyses in one append-only JSON Lines file (the persisted index's analyses file, written as
 * documents are analysed, so persisting the index writes only the small index file). A changed
 * document's new analysis is appended; the old bytes become garbage, dropped by `compact()`. The
 * most recently used analyses stay parsed (LRU); any other is read by offset and parsed on demand.
 */
export class FileAnalysisStore implements AnalysisStore {
  private readonly locations = new Map<string, StoredAt>();
  private readonly recent = new Map<string, DocumentAnalysis>();
  private fd: number;
  private size: number;
  private liveBytes = 0;

  private constructor(
    readonly file: string,
    public id: string,
    fd: number,
  ) {
    this.fd = fd;
    this.size = fstatSync(fd).size;
  }

  /** Opens the analyses file to add to it when its header names `reuseId`; otherwise starts a new, empty one. */
  static open(file: string, reuseId?: string): FileAnalysisStore {
    mkdirSync(path.dirname(file), { recursive: true });
    if (reuseId !== undefined && headerId(file) === reuseId) return new FileAnalysisStore(file, reuseId, openSync(file, 'a+'));
    const id = randomBytes(8).toString('hex');
    const fd = openSync(file, 'w+');
    writeSync(fd, `${JSON.stringify({ format: ANALYSES_FORMAT, id })}\n`);
    return new FileAnalysisStore(file, id, fd);
  }

  put(analysis: DocumentAnalysis): void {
    this.write(analysis.path, JSON.stringify(analysis));
    this.remember(analysis.path, analysis);
  }

  putJson(path: string, json: string): void {
    this.write(path, json);
    this.recent.delete(path);
  }

  adopt(path: string, at: StoredAt): void {
    this.forget(path);
    this.locations.set(path, at);
    this.liveBytes += at.length;
  }

  get(path: string): DocumentAnalysis | undefined {
    const hit = this.recent.get(path);
    if (hit) {
      this.remember(path, hit);
      return hit;
    }
    const at = this.locations.get(path);
    if (!at) return undefined;
    const bytes = Buffer.allocUnsafe(at.length);
    const read = readSync(this.fd, bytes, 0, at.length, at.offset);
    let analysis: DocumentAnalysis;
    try {
      analysis = JSON.parse(bytes.toString('utf8', 0, read)) as DocumentAnalysis;
    } catch {
      throw new Error(`the stored analysis of ${path} is unreadable`);
    }
    if (analysis?.path !== path || !Array.isArray(analysis.mentions) || !Array.isArray(analysis.claims)) throw new Error(`the stored analysis of ${path} is malformed`);
    // not shared (shareStrings): a read analysis lives briefly, and the shared tables would keep every short string of the corpus
    this.remember(path, analysis);
    return analysis;
  }

  delete(path: string): void {
    this.forget(path);
  }

  locationOf(path: string): StoredAt | undefined {
    return this.locations.get(path);
  }

  /** Whether more than half of the file is analyses replaced since (worth `compact()` before persisting). */
  get wasteful(): boolean {
    return this.size > 16 << 20 && this.size - this.liveBytes > this.liveBytes;
  }

  /** Rewrites the file with the current analyses only (a new id: an index file naming the old one no longer matches). */
  compact(): void {
    const tmp = `${this.file}.${process.pid}.tmp`;
    const id = randomBytes(8).toString('hex');
    const out = openSync(tmp, 'w+');
    let size = 0;
    const moved = new Map<string, StoredAt>();
    try {
      size += writeSync(out, `${JSON.stringify({ format: ANALYSES_FORMAT, id })}\n`);
      for (const [p, at] of this.locations) {
        const bytes = Buffer.allocUnsafe(at.length + 1);
        readSync(this.fd, bytes, 0, at.length, at.offset);
        bytes[at.length] = 10;
        moved.set(p, { offset: size, length: at.length });
        size += writeSync(out, bytes);
      }
    } catch (err) {
      closeSync(out);
      throw err;
    }
    closeSync(this.fd);
    renameSync(tmp, this.file);
    this.fd = out;
    this.size = size;
    this.id = id;
    for (const [p, at] of moved) this.locations.set(p, at);
  }

  close(): void {
    closeSync(this.fd);
  }

  private write(path: string, json: string): void {
    this.forget(path);
    const bytes = Buffer.from(`${json}\n`);
    writeSync(this.fd, bytes, 0, bytes.length, this.size);
    const at = { offset: this.size, length: bytes.length - 1 };
    this.size += bytes.length;
    this.locations.set(path, at);
    this.liveBytes += at.length;
  }

  private forget(path: string): void {
    const at = this.locations.get(path);
    if (at) this.liveBytes -= at.length;
    this.locations.delete(path);
    this.recent.delete(path);
  }

  private remember(path: string, analysis: DocumentAnalysis): void {
    this.recent.delete(path);
    this.recent.set(path, analysis);
    if (this.recent.size > RECENT_ANALYSES) this.recent.delete(this.recent.keys().next().value as string);
  }
}

/** The id in an analyses file's header line, if it is one. */
export function headerId(file: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const head = Buffer.alloc(256);
    const text = head.toString('utf8', 0, readSync(fd, head, 0, 256, 0));
    const nl = text.indexOf('\n');
    if (nl < 0) return undefined;
    const parsed = JSON.parse(text.slice(0, nl)) as { format?: string; id?: string };
    return parsed.format === ANALYSES_FORMAT ? parsed.id : undefined;
  } catch {
    return undefined;
  }
}
