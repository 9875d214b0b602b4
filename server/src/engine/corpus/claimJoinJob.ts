/**
 * The exact claim join as the corpus index runs it (CorpusIndex.settleInSlices): in slices of time
 * on this thread, or on another thread (claimJoinShipment.ts).
 */
import type { EntityOwners } from '../actors/resolveActors';
import { claimGraphOf } from '../claims/claimGraph';
import { runInSlices, type JoinSteps } from '../joinSteps';
import { claimJoinSteps, type ClaimGraph } from '../claims/linkClaims';
import { residentJoinDocument } from './claimJoin';
import { shipClaimJoin, type ClaimJoinShipment, type JoinedClaims } from './claimJoinShipment';
import type { ResidentDocument } from './residentDocument';

/** How long the claim join runs before giving way to the editor's requests (settleInSlices). */
export const CLAIM_JOIN_SLICE_MS = 10;

/** What a claim join reads: the documents, their resident parts and the actor join. */
export interface ClaimJoinInput {
  paths: readonly string[];
  resident: (path: string) => ResidentDocument;
  actors: EntityOwners;
}

/** Runs the join on another thread (see claimJoinShipment.ts): undefined when it could not (the join is then made here). */
export type ClaimJoinElsewhere = (shipment: ClaimJoinShipment, transfer: ArrayBuffer[]) => Promise<JoinedClaims | undefined>;

/** A claim join of the documents as they were at `generation`, run in slices of time or on another thread. */
export class ClaimJoinJob {
  /** Time spent in it so far (on the thread that made it). */
  busyMs = 0;
  private readonly paths: readonly string[];

  constructor(
    private readonly input: ClaimJoinInput,
    readonly generation: number,
  ) {
    // in path order: cluster ids do not depend on the order documents were read
    this.paths = [...input.paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** The join as steps (see JoinSteps), every document as the claim join reads it (its claims unpacked when read, a few at a time). */
  steps(): JoinSteps<ClaimGraph> {
    const docs = new Map(this.paths.map((path) => [path, residentJoinDocument(this.input.resident(path))]));
    return claimJoinSteps(docs, this.input.actors);
  }

  /**
   * Runs it `elsewhere` when given and able, else here in slices of `sliceMs` (see runInSlices):
   * undefined when abandoned (`stillWanted` false).
   */
  async run(sliceMs: number, stillWanted: () => boolean, elsewhere?: ClaimJoinElsewhere): Promise<ClaimGraph | undefined> {
    const shipped = elsewhere && shipClaimJoin(this.paths, this.input.resident, this.input.actors);
    const joined = shipped && (await elsewhere(shipped.shipment, shipped.transfer));
    if (joined) {
      this.busyMs = joined.ms;
      return stillWanted() ? claimGraphOf(joined) : undefined;
    }
    return runInSlices(this.steps(), { sliceMs, stillWanted, onSlice: (ms) => (this.busyMs += ms) });
  }
}
