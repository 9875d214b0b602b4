import type { DocumentAnalysis } from '../types';
import { claimActorFieldsFromBytes, type ClaimActorFields } from './claimActorFields';
import { shareStrings } from './compactAnalysis';
import { internTable, packValue, PackingTable, remapValue, unpackValue, type PackedValue } from './packedValues';
import { residentFieldsOf, shareEntityJson, withSharedArrays, type ResidentDocument } from './residentDocument';

/**
 * A resident part in a form that leaves its thread: as a worker sends it (its arrays moved, not
 * copied) and as the analyses file stores it (one line, see portableLine). Made so that the
 * receiving side does little: integers in typed arrays, claims and finding candidates packed with
 * the document's own table of strings and shapes (mapped to the receiving thread's table on
 * arrival: see remapValue), entities as their JSON (looked up among the shared entities, parsed
 * only when new), the rest as a small JSON head.
 */
export interface PortableResident {
  head: Head;
  entities: string[];
  /** The strings and object shapes that `claims` and `candidates` name by number. */
  strings: string[];
  shapes: string[][];
  mentions: Int32Array;
  lineStarts: Int32Array;
  statementKeys: Int32Array;
  claimActors: ClaimActorFields;
  claims: PackedValue;
  candidates: PackedValue;
}

export type Head = Pick<ResidentDocument, 'path' | 'hash' | 'date' | 'claimIdPrefix' | 'suppressions'>;

/** A document's resident part in portable form, from its analysis (on a worker thread). */
export function portableOfAnalysis(doc: DocumentAnalysis): PortableResident {
  const table = new PackingTable();
  return portable(residentFieldsOf(doc, table), table);
}

/** A resident part held by this thread in portable form (to store it: the edit path). */
export function portableOfResident(doc: ResidentDocument): PortableResident {
  const table = new PackingTable();
  return portable({ ...doc, claims: packValue(unpackValue(doc.claims), table), candidates: packValue(unpackValue(doc.candidates), table) }, table);
}

/** The portable form of resident fields whose claims and candidates are packed with `table`. */
function portable(r: Omit<ResidentDocument, 'entities'> & { entities: readonly object[] }, table: PackingTable): PortableResident {
  return {
    head: headOf(r),
    entities: r.entities.map((e) => JSON.stringify(e)),
    ...tableOf(table),
    mentions: r.mentions,
    lineStarts: r.lineStarts,
    statementKeys: r.statementKeys,
    claimActors: r.claimActors,
    claims: r.claims,
    candidates: r.candidates,
  };
}

const headOf = (r: Head): Head => ({ path: r.path, hash: r.hash, date: r.date, claimIdPrefix: r.claimIdPrefix, suppressions: r.suppressions });
/** The table's arrays, filled as values are packed with it. */
const tableOf = (table: PackingTable) => ({ strings: table.strings, shapes: table.shapes });

/** The resident part in this thread's terms: strings and shapes mapped to its table, entities and short strings shared. */
export function residentOfPortable(p: PortableResident): ResidentDocument {
  const { head } = p;
  if (typeof head?.path !== 'string' || typeof head.hash !== 'string') throw new Error('malformed resident document');
  const ids = internTable(p);
  return withSharedArrays({
    ...(shareStrings(head) as Head),
    entities: p.entities.map(shareEntityJson),
    mentions: p.mentions,
    lineStarts: p.lineStarts,
    statementKeys: p.statementKeys,
    claimActors: p.claimActors,
    claims: remapValue(p.claims, ids),
    candidates: remapValue(p.candidates, ids),
  });
}

/** The memory a portable resident part can hand over to another thread without a copy. */
export function transferablesOf(p: PortableResident): ArrayBuffer[] {
  const arrays = [p.mentions, p.lineStarts, p.statementKeys, p.claimActors, p.claims.bytes, p.candidates.bytes, p.claims.doubles, p.candidates.doubles];
  return arrays.flatMap((a) => (a ? [a.buffer as ArrayBuffer] : []));
}

/**
 * The portable form as one JSON line: the head and entities as they are, the tables, and each
 * typed array's bytes in base64 (no value is converted to JSON again: cheap to write on a worker
 * thread, cheap to read back at a warm start).
 */
export function portableLine(p: PortableResident): string {
  const b64 = (a: ArrayBufferView | undefined) => (a ? `"${Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64')}"` : 'null');
  return (
    `{"head":${JSON.stringify(p.head)},"entities":${JSON.stringify(p.entities)},"strings":${JSON.stringify(p.strings)},"shapes":${JSON.stringify(p.shapes)},` +
    `"mentions":${b64(p.mentions)},"lineStarts":${b64(p.lineStarts)},"statementKeys":${b64(p.statementKeys)},"claimActors":${b64(p.claimActors)},"claimActorBytes":${p.claimActors.BYTES_PER_ELEMENT},` +
    `"claims":${b64(p.claims.bytes)},"claimDoubles":${b64(p.claims.doubles)},"candidates":${b64(p.candidates.bytes)},"candidateDoubles":${b64(p.candidates.doubles)}}`
  );
}

interface LineJson {
  head: Head;
  entities: string[];
  strings: string[];
  shapes: string[][];
  mentions: string;
  lineStarts: string;
  statementKeys: string;
  claimActors: string;
  claimActorBytes: number;
  claims: string;
  claimDoubles: string | null;
  candidates: string;
  candidateDoubles: string | null;
}

/** Reads `portableLine`'s output; throws on anything malformed. */
export function portableFromLine(line: string): PortableResident {
  const raw = JSON.parse(line) as LineJson;
  const texts = [raw?.mentions, raw?.lineStarts, raw?.statementKeys, raw?.claimActors, raw?.claims, raw?.candidates];
  if (typeof raw?.head?.path !== 'string' || !texts.every((t) => typeof t === 'string') || ![raw.entities, raw.strings, raw.shapes].every(Array.isArray)) throw new Error('malformed resident document');
  return {
    head: raw.head,
    entities: raw.entities,
    strings: raw.strings,
    shapes: raw.shapes,
    mentions: new Int32Array(bytesOf(raw.mentions, 4)),
    lineStarts: new Int32Array(bytesOf(raw.lineStarts, 4)),
    statementKeys: new Int32Array(bytesOf(raw.statementKeys, 4)),
    claimActors: claimActorFieldsFromBytes(bytesOf(raw.claimActors, 1), raw.claimActorBytes),
    claims: packedOf(raw.claims, raw.claimDoubles),
    candidates: packedOf(raw.candidates, raw.candidateDoubles),
  };
}

const packedOf = (bytes: string, doubles: string | null): PackedValue => ({ bytes: new Uint8Array(bytesOf(bytes, 1)), doubles: doubles === null ? undefined : new Float64Array(bytesOf(doubles, 8)) });

/** Base64 text as its own ArrayBuffer (aligned for a typed array of `unit`-byte items). */
function bytesOf(base64: string, unit: number): ArrayBuffer {
  const decoded = Buffer.from(base64, 'base64');
  if (decoded.byteLength % unit !== 0) throw new Error('malformed resident document');
  return decoded.buffer.slice(decoded.byteOffset, decoded.byteOffset + decoded.byteLength) as ArrayBuffer;
}

/** A resident part as its stored line (see portableLine). */
export function residentLine(doc: ResidentDocument): string {
  return portableLine(portableOfResident(doc));
}

/** Reads a stored resident line into this thread's terms; throws on anything malformed. */
export function residentFromLine(line: string): ResidentDocument {
  return residentOfPortable(portableFromLine(line));
}
