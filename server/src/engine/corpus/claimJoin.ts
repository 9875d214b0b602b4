/**
 * The claim join as the corpus index runs it: what it reads of a resident document, and the
 * exact join under way in slices of time (CorpusIndex.settleInSlices).
 */
import type { LinkDocument } from '../claims/claimSignature';
import type { JoinDocument, KeyClaim } from '../claims/claimKeyIndex';
import { runInSlices, type JoinSteps } from '../claims/joinSteps';
import type { ClaimGraph } from '../claims/linkClaims';
import { PackedCursor, type PackedValue } from './packedValues';
import { residentClaims, type ResidentDocument } from './residentDocument';

/** How long the claim join runs before giving way to the editor's requests (settleInSlices). */
export const CLAIM_JOIN_SLICE_MS = 10;

/** A claim join of the documents as they were at `generation`, run in slices of time. */
export class ClaimJoinJob {
  /** Time spent in it so far. */
  busyMs = 0;

  constructor(
    readonly steps: JoinSteps<ClaimGraph>,
    readonly generation: number,
  ) {}

  /** Runs it in slices of `sliceMs` (see runInSlices): undefined when abandoned. */
  run(sliceMs: number, stillWanted: () => boolean): Promise<ClaimGraph | undefined> {
    return runInSlices(this.steps, { sliceMs, stillWanted, onSlice: (ms) => (this.busyMs += ms) });
  }
}

/**
 * Every document as the claim join reads it, in path order (cluster ids do not depend on the order
 * documents were read); its claims are unpacked when the join reads them, a few at a time.
 */
export function joinDocuments(paths: readonly string[], resident: (path: string) => ResidentDocument): Map<string, JoinDocument> {
  const sorted = [...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return new Map(sorted.map((path) => [path, residentJoinDocument(resident(path))]));
}

/** A resident part as the claim patch reads it (its claims unpacked: one document, after an edit). */
export function residentLinkDocument(doc: ResidentDocument): LinkDocument {
  return { hash: doc.hash, date: doc.date, claims: residentClaims(doc) };
}

/** A resident document as the claim join reads it: its claims unpacked on each read, or only their keys' fields read from the packed bytes. */
export function residentJoinDocument(doc: ResidentDocument): JoinDocument {
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
