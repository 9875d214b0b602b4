import { createHash } from 'node:crypto';
import { createReadStream, promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { contributionOf, type DocumentContribution } from '../actors/resolveActors';
import type { DocumentAnalysis } from '../types';
import { shareStrings } from './compactAnalysis';

/**
 * The index persisted in the extension's storage folder, as JSON Lines (no native module, readable
 * by any tool): a header line, then one line per document `{"k": validity key, "c": what the actor
 * join reads of it (DocumentContribution), "a": analysis}`. A warm start parses only `k` and `c` of
 * each line; the analysis stays as bytes until first used (see UnparsedDocument), so the index
 * answers before every analysis is parsed.
 * The header names the format version and the engine and lexicon that made it; any mismatch makes
 * the whole file stale, and a file that does not parse is deleted and rebuilt. A document's line is
 * reused only when its validity key (content hash + the options it was analysed with) still matches.
 */
export const PERSISTED_FORMAT = 'corpus-lens-index';
export const PERSISTED_VERSION = 2;
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

/** A document read back: its validity key and join contribution, its analysis parsed on demand. */
export interface LoadedEntry {
  key: string;
  contribution: DocumentContribution;
  /** Parses the stored analysis (throws when those bytes are not a valid analysis). */
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
      chunk += `${JSON.stringify({ k: e.key, c: contributionOf(e.analysis), a: e.analysis })}\n`;
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
  const entries: LoadedEntry[] = [];
  try {
    for await (const line of readLines(file)) {
      if (!header) {
        header = JSON.parse(line.toString('utf8')) as PersistedHeader;
        if (header.format !== PERSISTED_FORMAT || header.version !== PERSISTED_VERSION) return { stale: `format ${header.format} v${header.version}` };
        if (header.engine !== engine) return { stale: 'made by another engine version' };
        continue;
      }
      entries.push(parseEntry(line));
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

const ANALYSIS_FIELD = Buffer.from(',"a":');

/** Reads a document's line up to its analysis; the analysis bytes are kept for `parse`. */
function parseEntry(line: Buffer): LoadedEntry {
  const at = topLevelField(line, ANALYSIS_FIELD);
  if (at < 0 || line[line.length - 1] !== 0x7d) throw new Error('malformed entry');
  const head = JSON.parse(`${line.toString('utf8', 0, at)}}`) as { k?: unknown; c?: DocumentContribution };
  const c = head.c;
  if (typeof head.k !== 'string' || !c || typeof c.path !== 'string' || !Array.isArray(c.entities) || !Array.isArray(c.mentionEntities)) throw new Error('malformed entry');
  const bytes = line.subarray(at + ANALYSIS_FIELD.length, line.length - 1);
  const parse = () => {
    const a = JSON.parse(bytes.toString('utf8')) as DocumentAnalysis;
    if (a?.path !== c.path || !Array.isArray(a.mentions)) throw new Error(`malformed analysis of ${c.path}`);
    return shareStrings(a) as DocumentAnalysis;
  };
  return { key: head.k, contribution: shareStrings(c) as DocumentContribution, parse };
}

/** Offset of `field` (`,"name":`) in a JSON object's text at its top level (outside strings and nested values), or -1. */
function topLevelField(json: Buffer, field: Buffer): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const b = json[i];
    if (inString) {
      if (b === 0x5c) i++;
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) inString = true;
    else if (b === 0x7b || b === 0x5b) depth++;
    else if (b === 0x7d || b === 0x5d) depth--;
    else if (b === 0x2c && depth === 1 && json.compare(field, 0, field.length, i, i + field.length) === 0) return i;
  }
  return -1;
}

/** Lines of a UTF-8 file as bytes, split on byte 0x0A without building one big string. */
async function* readLines(file: string): AsyncGenerator<Buffer> {
  let rest: Buffer | undefined;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const buf = rest ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(10, start); nl >= 0; nl = buf.indexOf(10, start)) {
      if (nl > start) yield buf.subarray(start, nl);
      start = nl + 1;
    }
    rest = start < buf.length ? buf.subarray(start) : undefined;
  }
  if (rest && rest.length) yield rest;
}
