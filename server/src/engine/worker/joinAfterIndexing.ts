import type { ClaimJoinElsewhere } from '../corpus/claimJoinJob';
import type { CorpusIndex } from '../corpus/corpusIndex';
import type { Logger } from '../workspace';
import type { ActorLexicon } from '../actors/lexicon';
import { AnalysisPool } from './analysisPool';

/**
 * The exact joins once bulk indexing ends, and the actor views: the actor join here in slices of
 * time, then the claim join on a worker of the pool (idle by then: see corpus/claimJoinShipment.ts)
 * while this thread builds the views, which read only the actor join. Without a pool, the claim join
 * runs here in slices of time between the views' steps. A claim join that fails on the worker is
 * made here; one that fails here too leaves the joins as settle() makes them, and the views are
 * built again. The pool is closed as soon as the claims are joined.
 */
export async function joinAfterIndexing(index: CorpusIndex, pool: AnalysisPool | undefined, logger: Logger): Promise<void> {
  const elsewhere = pool && claimJoinOn(pool, logger);
  let views: Promise<void> | undefined;
  let failed = false;
  const viewsWith = () => (views = index.views.prepareAll());
  // a change while the actor join is made abandons it: it is made again at once (requests are
  // answered meanwhile from the last partial join, not from a join made there and then)
  for (let settled = false; !settled && !failed && !views && index.provisional; ) {
    settled = await index.settleInSlices(undefined, elsewhere, viewsWith).catch((err: Error) => {
      logger.warn(`could not join the claims: ${err.message}`);
      index.settle();
      return (failed = true);
    });
  }
  void pool?.close(); // the worker's memory is let go as soon as the claims are joined
  await views;
  // no views made for the joins served now (the claim join failed, or there was nothing to join)
  if (failed || !views) await index.views.prepareAll();
}

/** The claim join sent to a worker of `pool`; when it fails there, a warning, and it is made here. */
function claimJoinOn(pool: AnalysisPool, logger: Logger): ClaimJoinElsewhere {
  return {
    sendTablePiece: (from, strings) => pool.sendTablePiece(from, strings),
    join: (shipment, transfer) =>
      pool.joinClaims(shipment, transfer).then(
        (joined) => (logger.info(`claims joined on a worker thread in ${Math.round(joined.ms)} ms`), joined),
        (err: Error) => (logger.warn(`could not join the claims on a worker thread (joining them here): ${err.message}`), undefined),
      ),
  };
}

/**
 * The exact joins made again once edits pause (see CorpusIndex.settleInSlices): the actor join here
 * in slices of time; then, with `onWorker`, the claim join on a worker thread started for it (it
 * loads while the actor join is made, and is closed after), else in slices of time here. At 100k
 * documents each join takes seconds of this thread's time in slices; on a worker this thread only
 * ships its input and takes its result. The actor views' pass starts once the actor join is made
 * (beside the claim join). Resolves whether the joins were made (false: nothing to make, or they
 * could not be).
 */
export async function joinAgainAfterEdits(index: CorpusIndex, lexicon: ActorLexicon, logger: Logger, onWorker: boolean): Promise<boolean> {
  const pool = onWorker ? AnalysisPool.open(lexicon, { size: 1, analysisLines: false }) : undefined;
  try {
    return await index.settleInSlices(undefined, pool && claimJoinOn(pool, logger), () => void index.views.prepareAll());
  } catch (err) {
    logger.warn(`could not join the claims: ${(err as Error).message}`);
    return false;
  } finally {
    void pool?.close();
  }
}
