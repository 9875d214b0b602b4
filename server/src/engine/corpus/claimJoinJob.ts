/**
 * The exact claim join as the corpus index runs it (CorpusIndex.settleInSlices): in slices of time
 * on this thread, or on another thread (claimJoinShipment.ts).
 */
import type { ActorTable } from '../actors/resolveActors';
import { claimGraphOf } from '../claims/claimGraph';
import { runInSlices, STEP_DOCUMENTS, type JoinSteps } from '../joinSteps';
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
  actors: Pick<ActorTable, 'actorOf' | 'actorsOf'>;
}

/** Another thread that makes the join (see claimJoinShipment.ts). */
export interface ClaimJoinElsewhere {
  /** Sends part of this thread's string table ahead of the shipment, while it is made (see shipClaimJoin). */
  sendTablePiece?: (from: number, strings: string[]) => void;
  /** Strings per piece sent ahead (TABLE_PIECE by default). */
  tablePieceStrings?: number;
  /** Runs the join there: undefined when it could not (the join is then made here). */
  join(shipment: ClaimJoinShipment, transfer: ArrayBuffer[]): Promise<JoinedClaims | undefined>;
}

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
  *steps(): JoinSteps<ClaimGraph> {
    const docs = new Map<string, ReturnType<typeof residentJoinDocument>>();
    for (const path of this.paths) {
      if (docs.size % STEP_DOCUMENTS === STEP_DOCUMENTS - 1) yield;
      docs.set(path, residentJoinDocument(this.input.resident(path)));
    }
    return yield* claimJoinSteps(docs, this.input.actors);
  }

  /**
   * Runs it `elsewhere` when given and able, else here in slices of `sliceMs` (see runInSlices):
   * undefined when abandoned (`stillWanted` false).
   */
  async run(sliceMs: number, stillWanted: () => boolean, elsewhere?: ClaimJoinElsewhere): Promise<ClaimGraph | undefined> {
    const slices = { sliceMs, stillWanted, onSlice: (ms: number) => (this.busyMs += ms) };
    const shipped = elsewhere && (await runInSlices(shipClaimJoin(this.paths, this.input.resident, this.input.actors, elsewhere), slices));
    if (elsewhere && !shipped) return undefined; // abandoned while it was made
    const joined = shipped && (await elsewhere.join(shipped.shipment, shipped.transfer));
    if (joined) {
      this.busyMs += joined.ms;
      return stillWanted() ? claimGraphOf(joined) : undefined;
    }
    return runInSlices(this.steps(), slices);
  }
}
