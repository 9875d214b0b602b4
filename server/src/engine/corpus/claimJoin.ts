/**
 * The claim join as the corpus index runs it: what it reads of a resident document, and the
 * exact join under way in slices of time (CorpusIndex.settleInSlices).
 */
import { KEY_FIELDS, type JoinDocument, type KeyClaim } from '../claims/claimKeyIndex';
import { runInSlices, type JoinSteps } from '../claims/joinSteps';
import type { ClaimGraph } from '../claims/linkClaims';
import { unpackFields } from './packedValues';
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

/** A resident document as the claim join reads it: its claims unpacked on each read, all or only their keys' fields. */
export function residentJoinDocument(doc: ResidentDocument): JoinDocument {
  return { hash: doc.hash, date: doc.date, claimCount: doc.statementKeys.length / 2, readClaims: () => residentClaims(doc), readKeyClaims: () => unpackFields(doc.claims, KEY_FIELDS) as KeyClaim[] };
}
