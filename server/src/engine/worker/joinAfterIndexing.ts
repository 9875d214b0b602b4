import type { ClaimJoinElsewhere } from '../corpus/claimJoinJob';
import type { CorpusIndex } from '../corpus/corpusIndex';
import type { Logger } from '../workspace';
import type { AnalysisPool } from './analysisPool';

/**
 * The exact joins once bulk indexing ends, and the actor views: the actor join here, then the claim
 * join on a worker of the pool (idle by then: see corpus/claimJoinShipment.ts) while this thread
 * builds the views, which read only the actor join. Without a pool, the claim join runs here in
 * slices of time between the views' steps. A claim join that fails on the worker is made here; one
 * that fails here too leaves the joins as settle() makes them, and the views are built again. The
 * pool is closed as soon as the claims are joined.
 */
export async function joinAfterIndexing(index: CorpusIndex, pool: AnalysisPool | undefined, logger: Logger): Promise<void> {
  const elsewhere: ClaimJoinElsewhere | undefined =
    pool &&
    ((shipment, transfer) =>
      pool.joinClaims(shipment, transfer).then(
        (joined) => (logger.info(`claims joined on a worker thread in ${Math.round(joined.ms)} ms`), joined),
        (err: Error) => (logger.warn(`could not join the claims on a worker thread (joining them here): ${err.message}`), undefined),
      ));
  let failed = false;
  // runs until the actor join is made and the claim join sent off (or its first slice is due)
  const settled = index
    .settleInSlices(undefined, elsewhere)
    .catch((err: Error) => {
      logger.warn(`could not join the claims: ${err.message}`);
      index.settle();
      failed = true;
    })
    .finally(() => pool?.close()); // the worker's memory is let go as soon as the claims are joined

  await index.views.prepareAll();
  await settled;
  if (failed) await index.views.prepareAll();
}
