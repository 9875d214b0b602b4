/**
 * What the claim join reads of a resident document (the join itself: claimJoinJob.ts).
 */
import type { LinkDocument } from '../claims/claimSignature';
import type { JoinDocument, KeyClaim } from '../claims/claimKeyIndex';
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

/** One claim's key fields, refilled for each packed claim read (forEachPackedKeyClaim): the first pass of the join makes nothing per claim. */
const scratch = { entities: [] as number[], names: [] as string[], terms: [] as string[], quantities: [] as { unit: string }[] };
const units: { unit: string }[] = [];

/** Calls `each` with the key fields of each claim in a packed list of claims, read where they lie; returns how many claims there are. */
function forEachPackedKeyClaim(claims: PackedValue, each: (claim: KeyClaim) => void): number {
  const cursor = new PackedCursor(claims);
  const count = cursor.array();
  for (let i = 0; i < count; i++) {
    scratch.entities.length = scratch.names.length = scratch.terms.length = scratch.quantities.length = 0;
    for (const key of cursor.object()) {
      if (key === 'entities') cursor.list(scratch.entities);
      else if (key === 'names') cursor.list(scratch.names);
      else if (key === 'terms') cursor.list(scratch.terms);
      else if (key === 'quantities') readUnits(cursor, scratch.quantities);
      else cursor.skip();
    }
    each(scratch);
  }
  return count;
}

/** Each quantity's unit (the other fields stepped over), in objects kept from one claim to the next. */
function readUnits(cursor: PackedCursor, into: { unit: string }[]): void {
  for (let n = cursor.array(), q = 0; q < n; q++) {
    const quantity = (units[q] ??= { unit: '' });
    quantity.unit = '';
    for (const key of cursor.object()) {
      if (key === 'unit') quantity.unit = cursor.value() as string;
      else cursor.skip();
    }
    into.push(quantity);
  }
}
