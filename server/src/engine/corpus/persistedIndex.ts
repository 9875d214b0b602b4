import { createHash } from 'node:crypto';
import { createReadStream, promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { DocumentAnalysis } from '../types';
import { shareStrings } from './compactAnalysis';

/**
 * The index persisted in the extension's storage folder, as JSON Lines (no native module, readable
 * by any tool): a header line, then one line per document `{"k": validity key, "a": analysis}`.
 * The header names the format version and the engine and lexicon that made it; any mismatch makes
 * the whole file stale, and a file that does not parse is deleted and rebuilt. A document's line is
 * reused only when its validity key (content hash + the options it was analysed with) still matches.
 */
export const PERSISTED_FORMAT = 'corpus-lens-index';
export const PERSISTED_VERSION = 1;
export const PERSISTED_FILE = `corpus-index.v${PERSISTED_VERSION}.jsonl`;

export interface PersistedHeader {
  format: string;
  version: number;
  /** Fingerprint of the engine code: analyses from another engine are not reused. */
  engine: string;
  documents: number;
}

export interface PersistedEntry {
  key: string;
  analysis: DocumentAnalysis;
}

export type LoadResult = { entries: PersistedEntry[] } | { missing: true } | { stale: string } | { corrupt: string };

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

/** Writes the index atomically (temporary file, then rename), so a crash never leaves half a file behind. */
export async function savePersistedIndex(folder: string, engine: string, entries: Iterable<PersistedEntry>, count: number): Promise<void> {
  await fs.mkdir(folder, { recursive: true });
  const file = path.join(folder, PERSISTED_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  const handle = await fs.open(tmp, 'w');
  try {
    const header: PersistedHeader = { format: PERSISTED_FORMAT, version: PERSISTED_VERSION, engine, documents: count };
    let chunk = `${JSON.stringify(header)}\n`;
    for (const e of entries) {
      chunk += `${JSON.stringify({ k: e.key, a: e.analysis })}\n`;
      if (chunk.length > 1 << 20) {
        await handle.write(chunk);
        chunk = '';
      }
    }
    await handle.write(chunk);
  } finally {
    await handle.close();
  }
  await fs.rename(tmp, file);
}

/** Reads the persisted index line by line (the file may be larger than a string can hold). */
export async function loadPersistedIndex(folder: string, engine: string): Promise<LoadResult> {
  const file = path.join(folder, PERSISTED_FILE);
  let header: PersistedHeader | undefined;
  const entries: PersistedEntry[] = [];
  try {
    for await (const line of readLines(file)) {
      if (!header) {
        header = JSON.parse(line) as PersistedHeader;
        if (header.format !== PERSISTED_FORMAT || header.version !== PERSISTED_VERSION) return { stale: `format ${header.format} v${header.version}` };
        if (header.engine !== engine) return { stale: 'made by another engine version' };
        continue;
      }
      const raw = JSON.parse(line) as { k?: unknown; a?: DocumentAnalysis };
      if (typeof raw.k !== 'string' || !raw.a || typeof raw.a.path !== 'string' || !Array.isArray(raw.a.mentions)) throw new Error('malformed entry');
      entries.push({ key: raw.k, analysis: shareStrings(raw.a) as DocumentAnalysis });
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true };
    await fs.rm(file, { force: true }).catch(() => undefined);
    return { corrupt: (err as Error).message };
  }
  if (!header) return { missing: true };
  if (entries.length !== header.documents) {
    await fs.rm(file, { force: true }).catch(() => undefined);
    return { corrupt: `holds ${entries.length} of ${header.documents} documents (truncated)` };
  }
  return { entries };
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
