import { createHash } from 'node:crypto';
import { createReadStream, promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { DocumentContribution } from '../actors/resolveActors';
import { headerId, type AnalysisStore, type StoredAt } from './analysisStore';
import type { ActorTable } from '../actors/resolveActors';
import type { Actor, LocalEntity } from '../types';
import { actorOfLine, restoreActorTable, snapshotOf, type ActorSnapshotDocument } from './actorSnapshot';
import { shareEntity } from './residentDocument';

/**
 * The index persisted in the extension's storage folder as two JSON Lines files (no native module,
 * readable by any tool):
 * - the analyses file (~13x the corpus): the file-backed analysis store itself
 *   (corpus/analysisStore.ts): a header naming its `id`, then each document's analysis and its
 *   resident part, appended as documents are analysed, so persisting never rewrites them;
 * - the index file: a header line `{format, version, engine, documents, id}` naming the analyses
 *   file it belongs to, then one line per document `{"k": validity key, "p": path, "d": month of its
 *   date, "e": its local entities as numbers, "m": the entity of each mention (with "e", what the
 *   actor join reads: DocumentContribution), "o": byte offset and "n": byte length of its analysis
 *   in the analyses file, "ro"/"rn" those of its resident part}`, each distinct entity written once
 *   before its first use as `{"E": number, "v": entity}` (the same state or organisation is named in
 *   thousands of articles) — a few times smaller than the corpus; written atomically (temporary
 *   file, rename). When the actor join is exact, its result is persisted too (actorSnapshot.ts:
 *   actor lines after the header, "a" and "i" on each document's line), so a warm start restores
 *   the actors without joining.
 * A warm start reads only the index file and joins the actors from it; each analysis is read from
 * the analyses file when first used (see UnparsedDocument), so the index answers before any is parsed.
 * The header names the format version and the engine that made it; any mismatch makes the files
 * stale, and files that do not parse or do not belong together are deleted and rebuilt. A document's
 * analysis is reused only when its validity key (content hash + the options it was analysed with)
 * still matches.
 */
export const PERSISTED_FORMAT = 'corpus-lens-index';
export const PERSISTED_VERSION = 9;
export const PERSISTED_FILE = `corpus-index.v${PERSISTED_VERSION}.jsonl`;
export const PERSISTED_ANALYSES_FILE = `corpus-analyses.v${PERSISTED_VERSION}.jsonl`;
/** Files of earlier formats (every version before this one), removed when the index is next saved: at 100k articles they hold gigabytes. */
const OLDER_FILES = Array.from({ length: PERSISTED_VERSION - 1 }, (_, i) => [`corpus-index.v${i + 1}.jsonl`, `corpus-analyses.v${i + 1}.jsonl`]).flat();

export interface PersistedHeader {
  format: string;
  version: number;
  /** Fingerprint of the engine code: analyses from another engine are not reused. */
  engine: string;
  documents: number;
  /** Names the analyses file this index file belongs to. */
  id: string;
  /** When the actor join's result is persisted too (actorSnapshot.ts): its actor count and the lexicon version it was joined with. */
  actors?: number;
  lexicon?: string;
}

/** One document as persisted: its validity key, what the actor join reads of it, and where its analysis is. */
/** The entry of each document whose analysis or resident part is stored and whose key is known (`contributionOf`: what it brings to the actor join). */
export function persistedEntries(paths: Iterable<string>, keys: ReadonlyMap<string, string>, store: AnalysisStore, contributionOf: (path: string) => DocumentContribution | undefined): PersistedEntry[] {
  const entries: PersistedEntry[] = [];
  for (const path of paths) {
    const key = keys.get(path);
    const at = store.locationOf(path);
    const residentAt = store.residentLocationOf(path);
    const contribution = contributionOf(path);
    if (key && (at || residentAt) && contribution) entries.push({ key, contribution, at, residentAt });
  }
  return entries;
}

export interface PersistedEntry {
  key: string;
  contribution: DocumentContribution;
  /** Where its analysis is in the analyses file; none for a document indexed in bulk (its analysis is made again from its text when needed). */
  at?: StoredAt;
  /** Where its resident part is in the analyses file (read instead of the analysis when first needed). */
  residentAt?: StoredAt;
  /** Its part of the persisted actor join, when there is one. */
  actors?: ActorSnapshotDocument;
}

/** The actor join to persist with the index: its table, exact for these documents, and the lexicon version it was made with. */
export interface PersistedActors {
  table: ActorTable;
  lexicon: string;
}

export type LoadResult = { entries: PersistedEntry[]; id: string; actors?: PersistedActors } | { missing: true } | { stale: string } | { corrupt: string };

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

/** Writes the index file atomically (a temporary file, then a rename), naming the analyses file `id`. */
export async function savePersistedIndex(folder: string, engine: string, id: string, entries: Iterable<PersistedEntry>, count: number, actors?: PersistedActors): Promise<void> {
  await fs.mkdir(folder, { recursive: true });
  const indexFile = path.join(folder, PERSISTED_FILE);
  const tmp = `${indexFile}.${process.pid}.tmp`;
  const index = await ChunkedWriter.open(tmp);
  try {
    const snapshot = actors && snapshotOf(actors.table);
    const header: PersistedHeader = { format: PERSISTED_FORMAT, version: PERSISTED_VERSION, engine, documents: count, id, actors: snapshot?.actorLines.length, lexicon: actors?.lexicon };
    await index.line(JSON.stringify(header));
    for (const line of snapshot?.actorLines ?? []) await index.line(line);
    const entityIds = new Map<LocalEntity, number>();
    const entityIdsByJson = new Map<string, number>();
    for (const e of entries) {
      const { path: p, month, entities, mentionEntities } = e.contribution;
      const ids: number[] = [];
      for (const entity of entities) {
        let id = entityIds.get(entity);
        if (id === undefined) {
          const json = JSON.stringify(entity);
          id = entityIdsByJson.get(json);
          if (id === undefined) {
            id = entityIdsByJson.size;
            entityIdsByJson.set(json, id);
            await index.line(`{"E":${id},"v":${json}}`);
          }
          entityIds.set(entity, id);
        }
        ids.push(id);
      }
      const part = snapshot?.documentPart(p, entities.length);
      const line = { k: e.key, p, d: month, e: ids, m: mentionEntities, o: e.at?.offset, n: e.at?.length, ro: e.residentAt?.offset, rn: e.residentAt?.length, a: part?.actors, i: part?.inferences.length ? part.inferences : undefined };
      await index.line(JSON.stringify(line));
    }
  } finally {
    await index.close();
  }
  await fs.rename(tmp, indexFile);
  for (const older of OLDER_FILES) await fs.rm(path.join(folder, older), { force: true }).catch(() => undefined);
}

/** Reads the index file line by line (it may be larger than a string can hold); analyses are read later, on demand. */
export async function loadPersistedIndex(folder: string, engine: string): Promise<LoadResult> {
  const file = path.join(folder, PERSISTED_FILE);
  const analysesFile = path.join(folder, PERSISTED_ANALYSES_FILE);
  let header: PersistedHeader | undefined;
  const entries: PersistedEntry[] = [];
  const entities: LocalEntity[] = [];
  const actors: Actor[] = [];
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
      if (line.startsWith('{"A":')) {
        const raw = JSON.parse(line) as { A: number; v: unknown };
        if (raw.A !== actors.length) throw new Error('malformed actor');
        actors.push(actorOfLine(raw.v));
        continue;
      }
      const entry = parseLine(line, entities);
      if (entry) entries.push(entry);
    }
    if (header && headerId(analysesFile) !== header.id) return await corrupt('the analyses file does not belong to the index file');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && !header) return { missing: true };
    return await corrupt((err as Error).message);
  }
  if (!header) return { missing: true };
  if (entries.length !== header.documents) return corrupt(`holds ${entries.length} of ${header.documents} documents (truncated)`);
  const joined = header.actors !== undefined && header.lexicon !== undefined && actors.length === header.actors && entries.every((e) => e.actors);
  if (!joined) return { entries, id: header.id };
  const table = restoreActorTable(
    actors,
    entries.map((e) => ({ path: e.contribution.path, part: e.actors!, mentionEntities: e.contribution.mentionEntities })),
  );
  return { entries, id: header.id, actors: { table, lexicon: header.lexicon! } };
}

/** A document's entry, or undefined for an entity definition line (added to `entities`). */
function parseLine(line: string, entities: LocalEntity[]): PersistedEntry | undefined {
  const raw = JSON.parse(line) as { E?: unknown; v?: LocalEntity; k?: unknown; p?: unknown; d?: unknown; e?: unknown; m?: unknown; o?: unknown; n?: unknown; ro?: unknown; rn?: unknown; a?: unknown; i?: unknown };
  if (raw.E !== undefined) {
    if (raw.E !== entities.length || typeof raw.v?.name !== 'string') throw new Error('malformed entity');
    entities.push(shareEntity(raw.v));
    return undefined;
  }
  const { o: offset, n: length } = raw;
  const ids = raw.e;
  const valid = typeof raw.k === 'string' && typeof raw.p === 'string' && (raw.d === null || typeof raw.d === 'number') && Array.isArray(ids) && Array.isArray(raw.m);
  const at = Number.isSafeInteger(offset) && Number.isSafeInteger(length) ? { offset: offset as number, length: length as number } : undefined;
  const residentAt = Number.isSafeInteger(raw.ro) && Number.isSafeInteger(raw.rn) ? { offset: raw.ro as number, length: raw.rn as number } : undefined;
  if (!valid || (!at && !residentAt)) throw new Error('malformed entry');
  const docEntities = (ids as unknown[]).map((i) => (typeof i === 'number' ? entities[i] : undefined));
  if (docEntities.some((e) => e === undefined)) throw new Error('malformed entry: unknown entity');
  const contribution: DocumentContribution = { path: raw.p as string, month: raw.d as number | null, entities: docEntities as LocalEntity[], mentionEntities: raw.m as number[] };
  const actors = Array.isArray(raw.a) && raw.a.length === docEntities.length ? { actors: raw.a as number[], inferences: Array.isArray(raw.i) ? (raw.i as [number, number, string][]) : [] } : undefined;
  return { key: raw.k as string, contribution, at, residentAt, actors };
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
