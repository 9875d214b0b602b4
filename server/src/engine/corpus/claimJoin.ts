/**
 * What the claim join reads of a resident document (the join itself: claimJoinJob.ts).
 */
import type { LinkDocument } from '../claims/claimSignature';
import type { JoinDocument, KeyFields } from '../claims/claimKeyIndex';
import { PackedCursor, type PackedValue } from './packedValues';
import { residentClaims, type ResidentDocument } from './residentDocument';

/** What the claim join reads of a resident part. */
export type JoinedResident = Pick<ResidentDocument, 'hash' | 'date' | 'claims' | 'statementKeys' | 'claimIdPrefix'>;

/** A resident part as the claim patch reads it (its claims unpacked: one document, after an edit). */
export function residentLinkDocument(doc: ResidentDocument): LinkDocument {
  return { hash: doc.hash, date: doc.date, claims: residentClaims(doc) };
}

/** A resident document as the claim join reads it: its claims unpacked on each read, or only their keys' fields read from the packed bytes. */
export function residentJoinDocument(doc: JoinedResident): JoinDocument {
  return { hash: doc.hash, date: doc.date, claimCount: doc.statementKeys.length / 2, readClaims: () => residentClaims(doc), forEachKeyClaim: (each) => forEachPackedKeyClaim(doc.claims, each) };
}

/** One claim's key fields as table numbers, refilled for each packed claim read (forEachPackedKeyClaim): the first pass of the join makes nothing per claim. */
const scratch = { entities: [] as number[], names: [] as number[], terms: [] as number[], units: [] as number[] };

/** Calls `each` with the key fields of each claim in a packed list of claims, read where they lie (strings as their table numbers); returns how many claims there are. */
function forEachPackedKeyClaim(claims: PackedValue, each: (claim: KeyFields<number>) => void): number {
  const cursor = new PackedCursor(claims);
  const count = cursor.array();
  for (let i = 0; i < count; i++) {
    scratch.entities.length = scratch.names.length = scratch.terms.length = scratch.units.length = 0;
    for (const key of cursor.object()) {
      if (key === 'entities') cursor.list(scratch.entities);
      else if (key === 'names') cursor.stringIds(scratch.names);
      else if (key === 'terms') cursor.stringIds(scratch.terms);
      else if (key === 'quantities') readUnits(cursor, scratch.units);
      else cursor.skip();
    }
    each(scratch);
  }
  return count;
}

/** Each quantity's unit as its table number (-1: none), the other fields stepped over. */
function readUnits(cursor: PackedCursor, into: number[]): void {
  for (let n = cursor.array(), q = 0; q < n; q++) {
    let unit = -1;
    for (const key of cursor.object()) {
      if (key === 'unit') unit = cursor.stringId();
      else cursor.skip();
    }
    into.push(unit);
  }
}
