import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, writevSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import type { DocumentAnalysis, Span } from '../types';
import { shareStrings } from './compactAnalysis';
import { residentFromLine, residentLine } from './portableResident';
import { KeptAnalyses } from './recentlyUsed';
import type { ResidentDocument } from './residentDocument';
import { storedAnalysisJson, withResidentClaimFields } from './storedAnalysis';

/** A document's analysis line and resident-part line, UTF-8 encoded (on a worker thread, so the main thread only writes them). */
export interface StoredLines {
  bytes: Uint8Array;
  /** Bytes of the analysis line (without its newline); 0 when there is none (the bytes are the resident line only). */
  analysisLength: number;
}

/**
 * The analysis line and the resident line, each followed by a newline, as one UTF-8 buffer of its
 * own; the resident line alone when no analysis JSON is given (a file-backed store keeps none of a
 * document indexed in bulk: see FileAnalysisStore).
 */
export function encodeLines(analysisJson: string | undefined, residentLine: string): StoredLines {
  if (analysisJson === undefined) {
    const bytes = utf8.encode(`${residentLine}\n`);
    return { bytes, analysisLength: 0 };
  }
  // each line encoded once into a reused buffer large enough for any UTF-8 encoding of them (3 bytes
  // a UTF-16 unit at most): no joined string, no second pass to count the analysis' bytes
  const most = 3 * (analysisJson.length + residentLine.length) + 2;
  if (scratch.length < most) {
    const larger = new Uint8Array(Math.max(most, 2 * scratch.length));
    if (larger.length > SCRATCH_KEPT) return encodeLinesInto(analysisJson, residentLine, larger);
    scratch = larger;
  }
  return encodeLinesInto(analysisJson, residentLine, scratch);
}

function encodeLinesInto(analysisJson: string, residentLine: string, buffer: Uint8Array): StoredLines {
  const analysisLength = utf8.encodeInto(analysisJson, buffer).written;
  buffer[analysisLength] = 10;
  const end = analysisLength + 1 + utf8.encodeInto(residentLine, buffer.subarray(analysisLength + 1)).written;
  buffer[end] = 10;
  // a copy in memory of its own (never a shared pool), so that it can be transferred to another thread
  return { bytes: buffer.slice(0, end + 1), analysisLength };
}

const utf8 = new TextEncoder();
/** The largest encoding buffer kept for the next document (a larger one is for one document only). */
const SCRATCH_KEPT = 8 << 20;
let scratch = new Uint8Array(1 << 16);

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
  /** Stores an analysis in compact form (see compactAnalysis), and its resident part for a warm start. */
  put(analysis: DocumentAnalysis, resident: ResidentDocument): void;
  /** Stores an analysis and its resident part given as their encoded lines (see encodeLines: from a worker thread, written as they are), and that resident part; or the resident line alone (`keepsBulkAnalyses` false). */
  putEncoded(path: string, lines: StoredLines, resident: ResidentDocument): void;
  /**
   * Whether documents indexed in bulk must come with their analysis line. A file-backed store needs
   * none: a request needing such a document in full has it analysed again from its text (`remember`),
   * which costs less than writing every analysis while indexing (two thirds of the bytes written).
   */
  readonly keepsBulkAnalyses: boolean;
  /** Keeps an analysis made again from the document's text among the recently used (nothing written). */
  remember(analysis: DocumentAnalysis): void;
  /** Whether `get` has the document's analysis (recently used or stored), with no read. */
  has(path: string): boolean;
  /** Keeps the analysis of a document open in the editor parsed until it is closed (a file-backed store keeps only a few others). */
  keepOpen(path: string, open: boolean): void;
  /** Takes an analysis and/or its resident part already in the analyses file (warm start). */
  adopt(path: string, at: StoredAt | undefined, residentAt?: StoredAt): void;
  /** The resident part stored with the analysis, when there is one; throws when its bytes are unreadable. */
  getResident(path: string): ResidentDocument | undefined;
  /** The analysis (its stored line completed with the document's resident part: see storedAnalysis), undefined when none is kept; throws when its stored bytes are unreadable. */
  get(path: string, resident: ResidentDocument | undefined): DocumentAnalysis | undefined;
  delete(path: string): void;
  /** Where the analysis is in the analyses file (file-backed stores only). */
  locationOf(path: string): StoredAt | undefined;
  residentLocationOf(path: string): StoredAt | undefined;
}

/**
 * What makes again an analysis the store cannot give (the language service's AnalysisAgain, from the
 * document's text): one it keeps none of, one whose stored bytes are unreadable, or only the texts of
 * the claims at the resident part's positions.
 */
export interface AnalysisAgainSource {
  fromText(path: string): DocumentAnalysis;
  unreadable(path: string, error: Error): DocumentAnalysis;
  /** The texts at `spans` of the document's text, if it is still the one indexed (line breaks as spaces). */
  textsAt(path: string, spans: readonly Span[]): string[] | undefined;
}

/** Every analysis as a compact object in the heap: for small workspaces and the CLI. */
export class MemoryAnalysisStore implements AnalysisStore {
  private readonly analyses = new Map<string, DocumentAnalysis>();
  readonly keepsBulkAnalyses = true;

  put(analysis: DocumentAnalysis): void {
    this.analyses.set(analysis.path, analysis);
  }

  remember(analysis: DocumentAnalysis): void {
    this.put(analysis);
  }

  has(path: string): boolean {
    return this.analyses.has(path);
  }

  keepOpen(): void {}

  putEncoded(path: string, lines: StoredLines, resident: ResidentDocument): void {
    const json = Buffer.from(lines.bytes.buffer, lines.bytes.byteOffset, lines.analysisLength).toString('utf8');
    this.analyses.set(path, shareStrings(withResidentClaimFields(JSON.parse(json) as DocumentAnalysis, resident)) as DocumentAnalysis);
  }

  adopt(): void {
    throw new Error('a memory store has no analyses file');
  }

  getResident(): undefined {
    return undefined;
  }

  residentLocationOf(): undefined {
    return undefined;
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
 * Parsed analyses kept in memory besides those of the open documents: those just read. Few, so
 * that a pass over every document (diagnostics after indexing) leaves short-lived garbage only.
 */
const RECENT_ANALYSES = 32;
/** Encoded lines are written in batches of about this many bytes (one system call each: ~30 documents). */
const WRITE_BATCH_BYTES = 1 << 20;

/**
 * Analyses in one append-only JSON Lines file (the persisted index's analyses file, written as
 * documents are analysed, so persisting the index writes only the small index file). A changed
 * document's new analysis is appended; the old bytes become garbage, dropped by `compact()`. The
 * most recently used analyses stay parsed (LRU); any other is read by offset and parsed on demand.
 */
export class FileAnalysisStore implements AnalysisStore {
  private readonly locations = new Map<string, StoredAt>();
  private readonly residentLocations = new Map<string, StoredAt>();
  private readonly recent = new KeptAnalyses(RECENT_ANALYSES);
  private fd: number;
  /** Bytes in the file, those waiting to be written included. */
  private size: number;
  private liveBytes = 0;
  /** Lines not written yet (a read or a persist writes them first), and where they go. */
  private unwritten: Uint8Array[] = [];
  private unwrittenAt = 0;
  private unwrittenBytes = 0;

  private constructor(
    readonly file: string,
    public id: string,
    fd: number,
    readonly keepsBulkAnalyses: boolean,
  ) {
    this.fd = fd;
    this.size = fstatSync(fd).size;
  }

  /**
   * Opens the analyses file to add to it when its header names `reuseId`; otherwise starts a new,
   * empty one. `keepsBulkAnalyses`: see AnalysisStore (the editor's store keeps none; the CLI's does).
   */
  static open(file: string, reuseId?: string, keepsBulkAnalyses = false): FileAnalysisStore {
    mkdirSync(path.dirname(file), { recursive: true });
    if (reuseId !== undefined && headerId(file) === reuseId) return new FileAnalysisStore(file, reuseId, openSync(file, 'a+'), keepsBulkAnalyses);
    const id = randomBytes(8).toString('hex');
    const fd = openSync(file, 'w+');
    writeSync(fd, `${JSON.stringify({ format: ANALYSES_FORMAT, id })}\n`);
    return new FileAnalysisStore(file, id, fd, keepsBulkAnalyses);
  }

  put(analysis: DocumentAnalysis, resident: ResidentDocument): void {
    this.putEncoded(analysis.path, encodeLines(storedAnalysisJson(analysis), residentLine(resident)));
    this.recent.set(analysis.path, analysis);
  }

  putEncoded(path: string, lines: StoredLines): void {
    this.forget(path);
    const { bytes, analysisLength } = lines;
    if (this.unwritten.length === 0) this.unwrittenAt = this.size;
    this.unwritten.push(bytes);
    this.unwrittenBytes += bytes.length;
    if (this.unwrittenBytes >= WRITE_BATCH_BYTES) this.flush();
    const residentStart = analysisLength > 0 ? analysisLength + 1 : 0;
    const residentAt = { offset: this.size + residentStart, length: bytes.length - residentStart - 1 };
    if (analysisLength > 0) {
      this.locations.set(path, { offset: this.size, length: analysisLength });
      this.liveBytes += analysisLength;
    }
    this.size += bytes.length;
    this.liveBytes += residentAt.length;
    this.residentLocations.set(path, residentAt);
  }

  remember(analysis: DocumentAnalysis): void {
    this.recent.set(analysis.path, analysis);
  }

  has(path: string): boolean {
    return this.locations.has(path) || this.recent.has(path);
  }

  keepOpen(path: string, open: boolean): void {
    this.recent.keepOpen(path, open);
  }

  adopt(path: string, at: StoredAt | undefined, residentAt?: StoredAt): void {
    this.forget(path);
    if (at) {
      this.locations.set(path, at);
      this.liveBytes += at.length;
    }
    if (residentAt) {
      this.residentLocations.set(path, residentAt);
      this.liveBytes += residentAt.length;
    }
  }

  getResident(path: string): ResidentDocument | undefined {
    const at = this.residentLocations.get(path);
    if (!at) return undefined;
    const resident = residentFromLine(this.read(at));
    if (resident.path !== path) throw new Error(`the stored resident part of ${path} is malformed`);
    return resident;
  }

  residentLocationOf(path: string): StoredAt | undefined {
    return this.residentLocations.get(path);
  }

  get(path: string, resident: ResidentDocument | undefined): DocumentAnalysis | undefined {
    const hit = this.recent.get(path);
    if (hit) return hit;
    const at = this.locations.get(path);
    if (!at) return undefined;
    let analysis: DocumentAnalysis;
    try {
      analysis = JSON.parse(this.read(at)) as DocumentAnalysis;
    } catch {
      throw new Error(`the stored analysis of ${path} is unreadable`);
    }
    if (analysis?.path !== path || !Array.isArray(analysis.mentions) || !Array.isArray(analysis.claims)) throw new Error(`the stored analysis of ${path} is malformed`);
    if (!resident) throw new Error(`the stored analysis of ${path} cannot be read without its resident part`);
    try {
      withResidentClaimFields(analysis, resident);
    } catch (err) {
      throw new Error(`the stored analysis of ${path} does not match its resident part: ${(err as Error).message}`);
    }
    // not shared (shareStrings): a read analysis lives briefly, and the shared tables would keep every short string of the corpus
    this.recent.set(path, analysis);
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

  /** Writes the lines still waiting (before the file is read, compacted or named by a persisted index). */
  flush(): void {
    let at = this.unwrittenAt;
    for (let first = 0; first < this.unwritten.length; first += IOV_MAX) {
      const batch = this.unwritten.slice(first, first + IOV_MAX);
      const bytes = batch.reduce((n, b) => n + b.length, 0);
      const written = writevSync(this.fd, batch, at);
      // a short write (rare for a file) is finished from one buffer
      if (written < bytes) writeFully(this.fd, Buffer.concat(batch).subarray(written), at + written);
      at += bytes;
    }
    this.unwritten = [];
    this.unwrittenBytes = 0;
  }

  private read(at: StoredAt): string {
    if (this.unwritten.length > 0 && at.offset + at.length > this.unwrittenAt) this.flush();
    const bytes = Buffer.allocUnsafe(at.length);
    return bytes.toString('utf8', 0, readSync(this.fd, bytes, 0, at.length, at.offset));
  }

  /** Rewrites the file with the current analyses only (a new id: an index file naming the old one no longer matches). */
  compact(): void {
    this.flush();
    const tmp = `${this.file}.${process.pid}.tmp`;
    const id = randomBytes(8).toString('hex');
    const out = openSync(tmp, 'w+');
    let size = 0;
    const copy = (at: StoredAt): StoredAt => {
      const bytes = Buffer.allocUnsafe(at.length + 1);
      readSync(this.fd, bytes, 0, at.length, at.offset);
      bytes[at.length] = 10;
      const moved = { offset: size, length: at.length };
      size += writeSync(out, bytes);
      return moved;
    };
    const moved = new Map<string, StoredAt>();
    const movedResidents = new Map<string, StoredAt>();
    try {
      size += writeSync(out, `${JSON.stringify({ format: ANALYSES_FORMAT, id })}\n`);
      for (const p of new Set([...this.locations.keys(), ...this.residentLocations.keys()])) {
        const at = this.locations.get(p);
        if (at) moved.set(p, copy(at));
        const residentAt = this.residentLocations.get(p);
        if (residentAt) movedResidents.set(p, copy(residentAt));
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
    for (const [p, at] of movedResidents) this.residentLocations.set(p, at);
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }


  private forget(path: string): void {
    for (const locations of [this.locations, this.residentLocations]) {
      const at = locations.get(path);
      if (at) this.liveBytes -= at.length;
      locations.delete(path);
    }
    this.recent.delete(path);
  }
}

/** Buffers one writev call takes at most (POSIX's IOV_MAX on Linux). */
const IOV_MAX = 1024;

function writeFully(fd: number, bytes: Uint8Array, at: number): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, at + done);
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
