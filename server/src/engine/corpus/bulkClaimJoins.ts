import type { EntityOwners } from '../actors/resolveActors';
import { linkClaims, type ClaimGraph } from '../claims/linkClaims';
import { CLAIM_JOIN_SLICE_MS, type ClaimJoinJob } from './claimJoinJob';

/**
 * The claim join served during bulk indexing: the last one made (partial: the documents indexed when
 * it started, as partial as the actor join served with it; at first an empty one), while the next
 * is made in slices of time, so that a request during indexing never waits for a claim join.
 */
export class BulkClaimJoins {
  private last: ClaimGraph | undefined;
  private running: ClaimJoinJob | undefined;

  /**
   * The last join made; unless one runs, `job` is started in slices, and `made` is told its graph
   * if bulk indexing still goes on when it ends (`stillBulk`).
   */
  served(actors: EntityOwners, job: () => ClaimJoinJob, stillBulk: () => boolean, made: (graph: ClaimGraph) => void): ClaimGraph {
    this.last ??= linkClaims(new Map(), actors); // none made yet: no claim links until the first is
    if (this.running) return this.last;
    const running = (this.running = job());
    const done = (graph: ClaimGraph | undefined) => {
      if (this.running === running) this.running = undefined;
      if (!graph || !stillBulk()) return;
      this.last = graph;
      made(graph);
    };
    // a failed partial join is dropped: the exact join after indexing meets the same error where it can be reported
    running.run(CLAIM_JOIN_SLICE_MS, () => this.running === running && stillBulk()).then(done, () => done(undefined));
    return this.last;
  }

  /** A join made at once during bulk indexing: served from now on. */
  set(graph: ClaimGraph): void {
    this.last = graph;
  }

  /** Bulk indexing ended: the last join made (undefined if none), and none is made any more. */
  end(): ClaimGraph | undefined {
    const last = this.last;
    [this.last, this.running] = [undefined, undefined];
    return last;
  }
}
