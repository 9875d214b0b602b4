/**
 * The exact claim join made on another thread: a worker of the analysis pool, idle once the
 * documents are analysed, joins the claims while this thread builds the actor views (at 100k
 * documents each takes seconds). What the join reads of every resident part travels in a few
 * arrays: where the packed claims lie in shared memory (read there, not copied), a copy of this
 * thread's table of strings and shapes that names them, and the actor of each local entity (the
 * actor join, made here first). The worker sends back the clusters and contradictions, from which
 * this thread makes the graph's look-ups (claimGraphOf): the same graph as a join made here (tested).
 */
import { EntityActors } from '../actors/entityActors';
import type { ActorTable } from '../actors/resolveActors';
import type { ClaimGraphParts } from '../claims/claimGraph';
import { runToEnd, STEP_DOCUMENTS, type JoinSteps } from '../joinSteps';
import { claimJoinSteps } from '../claims/linkClaims';
import type { DocumentDate } from '../types';
import { residentJoinDocument, type JoinedResident } from './claimJoin';
import { readingWithTable, threadTableContents } from './packedValues';
import { inSharedMemory } from './sharedBytes';
import type { ResidentDocument } from './residentDocument';

export interface ClaimJoinShipment {
  /** The documents in the join's order (by path). */
  paths: string[];
  hashes: string[];
  /** Each document's date, by its number in `dates` (-1: none): one object per date the join tells apart (it reads a date's value and range only), not one per document. */
  dateOf: Int32Array;
  dates: DocumentDate[];
  claimIdPrefixes: (string | null)[];
  claimCounts: Int32Array;
  /** The blocks of shared memory the packed claims lie in (sharedBytes.ts: read there, not copied); document d's are claimBlocks[claimBlock[d]] from claimStarts[d], claimLengths[d] bytes. */
  claimBlocks: SharedArrayBuffer[];
  claimBlock: Int32Array;
  claimStarts: Float64Array;
  claimLengths: Int32Array;
  /** The packed claims' side arrays of non-integer numbers, in the same way. */
  doubles: Float64Array;
  doubleStarts: Int32Array;
  /** Two integers per claim (ResidentDocument.statementKeys), documents one after the other. */
  statementKeys: Int32Array;
  /** Per document, per local entity: the number of its actor in `actorIds`, or -1; document d's from entityStarts[d]. */
  entityActors: Int32Array;
  entityStarts: Int32Array;
  actorIds: string[];
  /** This thread's table of strings and shapes, which the packed claims name by number: the strings from `stringsFrom` on (the others were sent ahead: see shipClaimJoin). */
  strings: readonly string[];
  stringsFrom: number;
  shapes: readonly (readonly string[])[];
}

/** Strings of this thread's table sent ahead of a shipment in one piece (at 100k documents the table holds ~1.2M: one copy of all of them holds a thread ~0.4 s). */
const TABLE_PIECE = 65536;

/** What the worker sends back: the graph's parts and the time the join took there. */
export interface JoinedClaims extends ClaimGraphParts {
  ms: number;
}

/**
 * The shipment for the join of these documents (in the join's order), and the arrays that can move
 * to the worker without a copy; as steps (see JoinSteps) pausing every few documents, since at 100k
 * documents it takes a second (each local entity's actor looked up). With `ahead.sendTablePiece`,
 * this thread's string table goes ahead in pieces, one per step, and the shipment brings the rest.
 */
export function* shipClaimJoin(
  paths: readonly string[],
  resident: (path: string) => ResidentDocument,
  owners: Pick<ActorTable, 'actorsOf'>,
  ahead: { sendTablePiece?: (from: number, strings: string[]) => void; tablePieceStrings?: number } = {},
): JoinSteps<{ shipment: ClaimJoinShipment; transfer: ArrayBuffer[] }> {
  const table = threadTableContents();
  const piece = ahead.tablePieceStrings ?? TABLE_PIECE;
  let sent = 0;
  for (; ahead.sendTablePiece && sent + piece <= table.strings.length; sent += piece) {
    ahead.sendTablePiece(sent, table.strings.slice(sent, sent + piece));
    yield;
  }
  const docs: ResidentDocument[] = [];
  let doubles = 0;
  let keys = 0;
  let entities = 0;
  for (const path of paths) {
    if (docs.length % STEP_DOCUMENTS === STEP_DOCUMENTS - 1) yield;
    const doc = resident(path);
    docs.push(doc);
    doubles += doc.claims.doubles?.length ?? 0;
    keys += doc.statementKeys.length;
    entities += doc.entities.length;
  }
  const s: ClaimJoinShipment = {
    paths: [...paths],
    hashes: new Array<string>(docs.length),
    dateOf: new Int32Array(docs.length),
    dates: [],
    claimIdPrefixes: new Array<string | null>(docs.length),
    claimCounts: new Int32Array(docs.length),
    claimBlocks: [],
    claimBlock: new Int32Array(docs.length),
    claimStarts: new Float64Array(docs.length),
    claimLengths: new Int32Array(docs.length),
    doubles: new Float64Array(doubles),
    doubleStarts: new Int32Array(docs.length + 1),
    statementKeys: new Int32Array(keys),
    entityActors: new Int32Array(entities),
    entityStarts: new Int32Array(docs.length + 1),
    actorIds: [],
    strings: table.strings,
    stringsFrom: 0,
    shapes: table.shapes,
  };
  const actorNumbers = new Map<string, number>();
  const dateNumbers = new Map<string, number>();
  const blockNumbers = new Map<SharedArrayBuffer, number>();
  let [doubleAt, keyAt, entityAt] = [0, 0, 0];
  for (let d = 0; d < docs.length; d++) {
    if (d % STEP_DOCUMENTS === STEP_DOCUMENTS - 1) yield;
    const { path, claims, statementKeys, entities, hash, date, claimIdPrefix } = docs[d];
    [s.hashes[d], s.claimIdPrefixes[d]] = [hash, claimIdPrefix];
    const dateKey = date ? `${date.value}|${date.from}|${date.to}` : null;
    let n = dateKey === null ? -1 : dateNumbers.get(dateKey);
    if (n === undefined) dateNumbers.set(dateKey!, (n = s.dates.push(date!) - 1));
    s.dateOf[d] = n;
    s.claimCounts[d] = statementKeys.length / 2;
    const bytes = inSharedMemory(claims.bytes);
    const block = bytes.buffer as SharedArrayBuffer;
    let b = blockNumbers.get(block);
    if (b === undefined) blockNumbers.set(block, (b = s.claimBlocks.push(block) - 1));
    [s.claimBlock[d], s.claimStarts[d], s.claimLengths[d]] = [b, bytes.byteOffset, bytes.length];
    if (claims.doubles) s.doubles.set(claims.doubles, doubleAt);
    s.doubleStarts[d + 1] = doubleAt += claims.doubles?.length ?? 0;
    s.statementKeys.set(statementKeys, keyAt);
    keyAt += statementKeys.length;
    const ids = owners.actorsOf(path); // (one look-up per document, not per entity)
    for (let e = 0; e < entities.length; e++) {
      const id = ids?.[e];
      let n = id === undefined ? -1 : actorNumbers.get(id);
      if (n === undefined) actorNumbers.set(id!, (n = s.actorIds.push(id!) - 1));
      s.entityActors[entityAt++] = n;
    }
    s.entityStarts[d + 1] = entityAt;
  }
  // the strings not sent ahead (the table may have grown since: it only grows)
  if (sent > 0) [s.strings, s.stringsFrom] = [table.strings.slice(sent), sent];
  const arrays = [s.dateOf, s.claimCounts, s.claimBlock, s.claimStarts, s.claimLengths, s.doubles, s.doubleStarts, s.statementKeys, s.entityActors, s.entityStarts];
  return { shipment: s, transfer: arrays.map((a) => a.buffer as ArrayBuffer) };
}

/** The claim join of a shipment (on the worker): the same steps as on the calling thread, over the shipped arrays. */
export function joinShipment(s: ClaimJoinShipment): JoinedClaims {
  const started = performance.now();
  const docs = new Map<string, ReturnType<typeof residentJoinDocument>>();
  const owners = new EntityActors();
  let keyAt = 0;
  s.paths.forEach((path, d) => {
    const keys = 2 * s.claimCounts[d];
    const doubles = s.doubleStarts[d] < s.doubleStarts[d + 1] ? s.doubles.subarray(s.doubleStarts[d], s.doubleStarts[d + 1]) : undefined;
    const doc: JoinedResident = {
      hash: s.hashes[d],
      date: s.dateOf[d] < 0 ? null : s.dates[s.dateOf[d]],
      claimIdPrefix: s.claimIdPrefixes[d],
      claims: { bytes: new Uint8Array(s.claimBlocks[s.claimBlock[d]], s.claimStarts[d], s.claimLengths[d]), doubles },
      statementKeys: s.statementKeys.subarray(keyAt, keyAt + keys),
    };
    keyAt += keys;
    docs.set(path, residentJoinDocument(doc));
    for (let at = s.entityStarts[d]; at < s.entityStarts[d + 1]; at++) if (s.entityActors[at] >= 0) owners.set(path, at - s.entityStarts[d], s.actorIds[s.entityActors[at]]);
  });
  const graph = readingWithTable(s, () => runToEnd(claimJoinSteps(docs, { actorOf: (path, e) => owners.get(path, e) })));
  return { clusters: graph.clusters, contradictions: graph.contradictions, ms: performance.now() - started };
}
