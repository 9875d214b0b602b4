import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, openSync, promises as fs, readFileSync, readSync } from 'node:fs';
import * as path from 'node:path';
import { contributionOf, type DocumentContribution } from '../actors/resolveActors';
import type { DocumentAnalysis } from '../types';
import { shareStrings } from './compactAnalysis';

/**
 * The index persisted in the extension's storage folder as two JSON Lines files (no native module,
 * readable by any tool):
 * - the index file: a header line, then one line per document `{"k": validity key, "c": what the
 *   actor join reads of it (DocumentContribution), "o": byte offset and "n": byte length of its
 *   analysis in the analyses file}` — about the size of the corpus;
 * - the analyses file: a header line naming the same `id` as the index file's header, then one
 *   analysis per line — about 13x the corpus.
 * A warm start reads only the index file and joins the actors from it; each analysis is read from
 * the analyses file when first used (see UnparsedDocument), so the index answers before any is parsed.
 * The header names the format version and the engine that made it; any mismatch makes the files
 * stale, and files that do not parse or do not belong together are deleted and rebuilt. A document's
 * analysis is reused only when its validity key (content hash + the options it was analysed with)
 * still matches.
 */
export const PERSISTED_FORMAT = 'corpus-lens-index';
export const PERSISTED_VERSION = 3;
export const PERSISTED_FILE = `corpus-index.v${PERSISTED_VERSION}.jsonl`;
export const PERSISTED_ANALYSES_FILE = `corpus-analyses.v${PERSISTED_VERSION}.jsonl`;
/** Files of earlier formats, removed when the index is next saved. */
const OLDER_FILES = ['corpus-index.v1.jsonl', 'corpus-index.v2.jsonl'];

export interface PersistedHeader {
  format: string;
  version: number;
  /** Fingerprint of the engine code: analyses from another engine are not reused. */
  engine: string;
  documents: number;
  /** Names the analyses file written with this index file. */
  id: string;
}

export interface PersistedEntry {
  key: string;
  analysis: DocumentAnalysis;
}

/** A document read back: its validity key and join contribution, its analysis read and parsed on demand. */
export interface LoadedEntry {
  key: string;
  contribution: DocumentContribution;
  /** Reads and parses the stored analysis (throws when it is missing or not a valid analysis). */
  parse(): DocumentAnalysis;
}

export type LoadResult = { entries: LoadedEntry[] } | { missing: true } | { stale: string } | { corrupt: string };

/** Fingerprint of the running engine: the bundle's own bytes (any code change invalidates the persisted index). */
export function engineFingerprint(bundle = __filename): string {
  const h = createHash('sha1');
  try {
    h.update(readFileSync(bundle));
  } catch {
    h.update('unknown-bundle');
  }
  return h.digest('hex');
}

/** A file written in ~1 MB appends. */
class ChunkedWriter {
  private chunk = '';
  bytes = 0;
  private constructor(private readonly handle: fs.FileHandle) {}

  static async open(file: string): Promise<ChunkedWriter> {
    return new ChunkedWriter(await fs.open(file, 'w'));
  }

  async line(text: string): Promise<void> {
    this.chunk += `${text}\n`;
    this.bytes += Buffer.byteLength(text) + 1;
    if (this.chunk.length > 1 << 20) await this.flush();
  }

  async flush(): Promise<void> {
    await this.handle.write(this.chunk);
    this.chunk = '';
  }

  async close(): Promise<void> {
    await this.flush().finally(() => this.handle.close());
  }
}

/**
 * Writes the index atomically (temporary files, then renames: the analyses file first, the index
 * file naming it last), so a crash never leaves a half-written file in use.
 */
export async function savePersistedIndex(folder: string, engine: string, entries: Iterable<PersistedEntry>, count: number): Promise<void> {
  await fs.mkdir(folder, { recursive: true });
  const indexFile = path.join(folder, PERSISTED_FILE);
  const analysesFile = path.join(folder, PERSISTED_ANALYSES_FILE);
  const suffix = `.${process.pid}.tmp`;
  const id = randomBytes(8).toString('hex');
  const index = await ChunkedWriter.open(indexFile + suffix);
  const analyses = await ChunkedWriter.open(analysesFile + suffix);
  try {
    const header: PersistedHeader = { format: PERSISTED_FORMAT, version: PERSISTED_VERSION, engine, documents: count, id };
    await index.line(JSON.stringify(header));
    await analyses.line(JSON.stringify({ format: PERSISTED_FORMAT, id }));
    for (const e of entries) {
      const json = JSON.stringify(e.analysis);
      const offset = analyses.bytes;
      await analyses.line(json);
      await index.line(JSON.stringify({ k: e.key, c: contributionOf(e.analysis), o: offset, n: analyses.bytes - 1 - offset }));
    }
  } finally {
    await Promise.all([index.close(), analyses.close()]);
  }
  await fs.rename(analysesFile + suffix, analysesFile);
  await fs.rename(indexFile + suffix, indexFile);
  for (const older of OLDER_FILES) await fs.rm(path.join(folder, older), { force: true }).catch(() => undefined);
}

/** Reads the index file line by line (it may be larger than a string can hold); analyses are read later, on demand. */
export async function loadPersistedIndex(folder: string, engine: string): Promise<LoadResult> {
  const file = path.join(folder, PERSISTED_FILE);
  const analysesFile = path.join(folder, PERSISTED_ANALYSES_FILE);
  let header: PersistedHeader | undefined;
  const entries: LoadedEntry[] = [];
  const corrupt = async (reason: string): Promise<LoadResult> => {
    await Promise.all([file, analysesFile].map((f) => fs.rm(f, { force: true }).catch(() => undefined)));
    return { corrupt: reason };
  };
  try {
    for await (const line of readLines(file)) {
      if (!header) {
        header = JSON.parse(line) as PersistedHeader;
        if (header.format !== PERSISTED_FORMAT || header.version !== PERSISTED_VERSION) return { stale: `format ${header.format} v${header.version}` };
        if (header.engine !== engine) return { stale: 'made by another engine version' };
        continue;
      }
      entries.push(parseEntry(line, analysesFile));
    }
    if (header && analysesId(analysesFile) !== header.id) return await corrupt('the analyses file does not belong to the index file');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && !header) return { missing: true };
    return await corrupt((err as Error).message);
  }
  if (!header) return { missing: true };
  if (entries.length !== header.documents) return corrupt(`holds ${entries.length} of ${header.documents} documents (truncated)`);
  return { entries };
}

/** The id in the analyses file's header line. */
function analysesId(file: string): string | undefined {
  const head = readRange(file, 0, 256).toString('utf8');
  const nl = head.indexOf('\n');
  if (nl < 0) return undefined;
  const parsed = JSON.parse(head.slice(0, nl)) as { format?: string; id?: string };
  return parsed.format === PERSISTED_FORMAT ? parsed.id : undefined;
}

function parseEntry(line: string, analysesFile: string): LoadedEntry {
  const raw = JSON.parse(line) as { k?: unknown; c?: DocumentContribution; o?: unknown; n?: unknown };
  const c = raw.c;
  const { o: offset, n: length } = raw;
  const valid = typeof raw.k === 'string' && c && typeof c.path === 'string' && Array.isArray(c.entities) && Array.isArray(c.mentionEntities);
  if (!valid || !Number.isSafeInteger(offset) || !Number.isSafeInteger(length)) throw new Error('malformed entry');
  const parse = () => {
    const a = JSON.parse(readRange(analysesFile, offset as number, length as number).toString('utf8')) as DocumentAnalysis;
    if (a?.path !== c.path || !Array.isArray(a.mentions)) throw new Error(`malformed analysis of ${c.path}`);
    return shareStrings(a) as DocumentAnalysis;
  };
  return { key: raw.k as string, contribution: shareStrings(c) as DocumentContribution, parse };
}

/** Up to `length` bytes of a file from `offset` (fewer at its end). */
function readRange(file: string, offset: number, length: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(length);
    return buf.subarray(0, readSync(fd, buf, 0, length, offset));
  } finally {
    closeSync(fd);
  }
}

/** Lines of a UTF-8 file, split on byte 0x0A without building one big string. */
async function* readLines(file: string): AsyncGenerator<string> {
  let rest: Buffer | undefined;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const buf = rest ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(10, start); nl >= 0; nl = buf.indexOf(10, start)) {
      if (nl > start) yield buf.toString('utf8', start, nl);
      start = nl + 1;
    }
    rest = start < buf.length ? buf.subarray(start) : undefined;
  }
  if (rest && rest.length) yield rest.toString('utf8');
}
