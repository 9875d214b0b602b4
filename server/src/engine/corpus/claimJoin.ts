/**
 * The claim join as the corpus index runs it: what it reads of a resident document, and the
 * exact join under way in slices of time (CorpusIndex.settleInSlices).
 */
import { KEY_FIELDS, type JoinDocument, type KeyClaim } from '../claims/claimKeyIndex';
import type { JoinSteps } from '../claims/joinSteps';
import type { ClaimGraph } from '../claims/linkClaims';
import { unpackFields } from './packedValues';
import { residentClaims, type ResidentDocument } from './residentDocument';

/** How long the claim join runs before giving way to the editor's requests (settleInSlices). */
export const CLAIM_JOIN_SLICE_MS = 10;

/** An exact claim join under way in slices (settleInSlices), made from the documents as they were at `generation`. */
export interface ClaimJoinJob {
  steps: JoinSteps<ClaimGraph>;
  generation: number;
  /** Time spent in it so far. */
  busyMs: number;
}

/** A resident document as the claim join reads it: its claims unpacked on each read, all or only their keys' fields. */
export function residentJoinDocument(doc: ResidentDocument): JoinDocument {
  return { hash: doc.hash, date: doc.date, claimCount: doc.statementKeys.length / 2, readClaims: () => residentClaims(doc), readKeyClaims: () => unpackFields(doc.claims, KEY_FIELDS) as KeyClaim[] };
}
