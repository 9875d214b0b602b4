import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ClaimGraph } from '../../../server/src/engine/claims/linkClaims';
import { ClaimJoinJob } from '../../../server/src/engine/corpus/claimJoinJob';
import { CorpusIndex } from '../../../server/src/engine/corpus/corpusIndex';
import { AnalysisPool, findWorkerScript } from '../../../server/src/engine/worker/analysisPool';
import { joinAfterIndexing } from '../../../server/src/engine/worker/joinAfterIndexing';
import { corpus, indexOf, lexicon } from './joinCorpus';

const script = findWorkerScript();
const skip = !script && 'dist/analysisWorker.js not built';

/** The graph as every request reads it: its lists, and its look-ups for every claim of the corpus. */
function asRead(graph: ClaimGraph, index: CorpusIndex) {
  const refs = [...index.documents()].flatMap((doc) => doc.claims.map((_, i) => ({ path: doc.path, index: i })));
  return {
    clusters: graph.clusters,
    contradictions: graph.contradictions,
    byClaim: refs.map((ref) => [graph.clusterOf(ref)?.id, graph.contradictionsOf(ref)]),
  };
}

test('the claim join made on a worker thread is the graph a join made here makes', { skip }, async () => {
  const index = indexOf(corpus());
  const here = index.claims;
  assert.ok(here.clusters.length > 0 && here.contradictions.length > 0, 'the corpus has same claims and contradictions');
  const pool = AnalysisPool.open(lexicon, { size: 1, script })!;
  try {
    const job = new ClaimJoinJob({ paths: index.paths(), resident: (p) => index.resident(p)!, actors: index.actors }, 0);
    let shippedBytes = 0;
    let [turns, turning] = [0, true];
    const turn = () => turning && (turns++, setImmediate(turn));
    turn();
    let [pieces, stringsFrom] = [0, 0];
    const there = await job.run(0, () => true, {
      // the string table sent ahead in small pieces, so that a small corpus has several
      sendTablePiece: (from, strings) => (pieces++, pool.sendTablePiece(from, strings)),
      tablePieceStrings: 256,
      join: (shipment, transfer) => {
        turning = false;
        assert.ok(turns > 2, `the shipment was made in slices of time, the event loop turning meanwhile (${turns} times)`);
        shippedBytes = shipment.claimLengths.reduce((a, b) => a + b, 0);
        stringsFrom = shipment.stringsFrom;
        assert.ok(shipment.claimBlocks.length > 0 && shipment.claimBlocks.every((b) => b instanceof SharedArrayBuffer), 'the packed claims are read where they lie');
        return pool.joinClaims(shipment, transfer);
      },
    });
    assert.ok(pieces > 1 && stringsFrom === 256 * pieces, `the string table went ahead in ${pieces} pieces; the shipment brought the strings from ${stringsFrom} on`);
    assert.ok(shippedBytes > 0);
    assert.deepEqual(asRead(there!, index), asRead(here, index));
    assert.ok(job.busyMs > 0, 'the time the join took on the worker is kept (the cost of the next join)');
  } finally {
    await pool.close();
  }
});

test('when the worker cannot join the claims, they are joined here, with a warning; the joins are exact and the views built', { skip }, async () => {
  // as bulk indexing leaves it: every document set, no join made
  const index = new CorpusIndex(lexicon);
  index.setBulk(true);
  for (const doc of corpus()) index.set(doc);
  index.setBulk(false);
  const pool = AnalysisPool.open(lexicon, { size: 1, script })!;
  await pool.close(); // its worker is gone
  const warnings: string[] = [];
  await joinAfterIndexing(index, pool, { info: () => {}, warn: (m) => warnings.push(m) });
  assert.match(warnings.join('\n'), /could not join the claims on a worker thread \(joining them here\)/);
  assert.equal(index.provisional, false);
  const fresh = indexOf(index.documents());
  assert.deepEqual(asRead(index.claims, index), asRead(fresh.claims, index));
  const named = index.actors.actors.find((a) => a.name === 'Vladimir Putin');
  assert.ok(named && index.views.view(named).parts.length > 0);
});
