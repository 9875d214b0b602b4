import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { generateCorpus } from '../../../bench/generateCorpus';
import { runInSlices, runToEnd, type JoinSteps } from '../../../server/src/engine/joinSteps';
import { CorpusIndex } from '../../../server/src/engine/corpus/corpusIndex';
import { createLanguageService } from '../../../server/src/engine/languageService';
import { InMemoryWorkspace } from '../../../server/src/engine/workspace';
import type { DocumentAnalysis } from '../../../server/src/engine/types';
import { analyse, corpus, indexOf, lexicon, SEEDS } from './joinCorpus';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** An edit that adds a checkable claim (patched in provisionally). */
function edit(doc: DocumentAnalysis, n: number): DocumentAnalysis {
  const text = readFileSync(doc.path.startsWith('/seeds/') ? path.join(SEEDS, path.basename(doc.path)) : doc.path, 'utf8');
  return analyse(doc.path, `${text}\n\nThe ministry said on Monday that ${n},000 soldiers had been moved to the border.\n`);
}

function* counted(steps: number, log: string[]): JoinSteps<number> {
  for (let i = 0; i < steps; i++) {
    log.push(`step ${i}`);
    yield;
  }
  return steps;
}

test('steps run in slices give way to the event loop between slices, and can be abandoned', async () => {
  const log: string[] = [];
  const running = runInSlices(counted(3, log), { sliceMs: 0, stillWanted: () => true });
  let ticking = true;
  const tick = () => {
    if (!ticking) return;
    log.push('tick');
    setImmediate(tick);
  };
  setImmediate(tick);
  assert.equal(await running, 3);
  ticking = false;
  assert.deepEqual(
    log.filter((l) => l.startsWith('step')),
    ['step 0', 'step 1', 'step 2'],
  );
  assert.ok(log.slice(log.indexOf('step 0'), log.indexOf('step 2')).includes('tick'), `the event loop turned while the steps ran: ${log.join(', ')}`);
  let wanted = 2;
  assert.equal(await runInSlices(counted(5, []), { sliceMs: 0, stillWanted: () => wanted-- > 0 }), undefined);
  assert.equal(runToEnd(counted(4, [])), 4);
});

test('settling in slices serves the provisional claim graph until the exact join is made, which equals a fresh join', async () => {
  const docs = corpus();
  const index = indexOf(docs);
  void index.claims;
  index.set(edit(docs[1], 40));
  const provisional = index.claims;
  assert.equal(index.provisional, true);
  let done = false;
  const settling = index.settleInSlices(0).finally(() => (done = true));
  let served = 0;
  while (!done) {
    assert.equal(index.claims, provisional, 'the provisional graph is served while the join runs');
    assert.equal(index.provisional, true);
    served++;
    await turn();
  }
  assert.ok(served > 2, `requests were answered between slices (${served})`);
  assert.equal(await settling, true);
  assert.equal(index.provisional, false);
  assert.notEqual(index.claims, provisional);
  const fresh = indexOf(index.documents());
  assert.deepEqual(index.claims.clusters, fresh.claims.clusters);
  assert.deepEqual(index.claims.contradictions, fresh.claims.contradictions);
});

test('a change while settling in slices abandons that join; the change is patched in and a later settle is exact', async () => {
  const docs = corpus();
  const index = indexOf(docs);
  void index.claims;
  index.set(edit(docs[2], 12));
  const settling = index.settleInSlices(0);
  await turn();
  const changed = edit(docs[3], 70);
  index.set(changed);
  assert.equal(await settling, false);
  assert.equal(index.provisional, true);
  const added = changed.claims.findIndex((c) => c.text.includes('70,000'));
  assert.ok(added >= 0);
  assert.equal(index.claims.clusterOf({ path: changed.path, index: added }), undefined, 'a new claim is unlinked until the exact join');
  assert.ok(await index.settleInSlices(0));
  const fresh = indexOf(index.documents());
  assert.deepEqual(index.claims.clusters, fresh.claims.clusters);
  assert.deepEqual(index.claims.contradictions, fresh.claims.contradictions);
});

test('during bulk indexing the last claim join is served while the documents indexed since are joined in slices', async () => {
  const docs = corpus();
  const index = new CorpusIndex(lexicon);
  index.setBulk(true);
  const half = docs.length >> 1;
  for (const d of docs.slice(0, half)) index.set(d);
  const empty = index.claims;
  assert.equal(empty.clusters.length, 0, 'no join made yet: an empty one is served at once, and the first is made in slices');
  let firstTurns = 0;
  while (index.claims === empty && firstTurns < 10_000) {
    await turn();
    firstTurns++;
  }
  const first = index.claims;
  assert.notEqual(first, empty, `the first join is served once made (${firstTurns} turns)`);
  assert.deepEqual(first.clusters, indexOf(docs.slice(0, half)).claims.clusters, 'the first join covers the documents indexed when it started');
  assert.ok(first.clusters.length > 0);
  assert.equal(first, index.claims);
  for (const d of docs.slice(half)) index.set(d);
  await new Promise((resolve) => setTimeout(resolve, 5 * index.joinCostMs + 20)); // the stale joins are old enough to be redone
  assert.equal(index.claims, first, 'the partial join is served at once');
  let turns = 0;
  while (index.claims === first && turns < 10_000) {
    await turn();
    turns++;
  }
  const rejoined = index.claims;
  assert.notEqual(rejoined, first, `the re-join is served once made (${turns} turns)`);
  const whole = indexOf(docs);
  assert.deepEqual(rejoined.clusters, whole.claims.clusters, 'the re-join covers every document indexed when it started');
  index.setBulk(false);
  index.settle();
  assert.deepEqual(index.claims.clusters, whole.claims.clusters);
  assert.deepEqual(index.claims.contradictions, whole.claims.contradictions);
});

for (const onWorker of [false, true]) {
  test(`when edits pause, the language service re-joins (the claim join ${onWorker ? 'on a worker thread started for it' : 'in slices'}) and then tells its listeners: the joins are exact`, async () => {
    const files = new Map<string, string | { error: string }>(readdirSync(SEEDS).map((f) => [`seeds/${f}`, readFileSync(path.join(SEEDS, f), 'utf8')]));
    const logged: string[] = [];
    const service = createLanguageService({ workspace: new InMemoryWorkspace(files), logger: { info: (m: string) => logged.push(m), warn: (m: string) => logged.push(m) } });
    service.settleDelayMs = 0;
    service.rejoinOnWorkerFromDocuments = onWorker ? 0 : Infinity;
    await service.indexWorkspace();
    void service.index.claims;
    const [id, text] = [...files][1] as [string, string];
    const settled = new Promise<void>((resolve) => service.onJoinsSettled(resolve));
    service.updateDocument(id, `${text}\n\nThe ministry said on Monday that 40,000 soldiers had been moved to the border.\n`);
    assert.equal(service.index.provisional, true);
    const keepAlive = setInterval(() => {}, 1000); // the settle timer does not keep a process alive
    await settled.finally(() => clearInterval(keepAlive));
    assert.equal(service.index.provisional, false);
    assert.equal(logged.some((m) => m.startsWith('claims joined on a worker thread')), onWorker, logged.join('\n'));
    const fresh = indexOf(service.index.documents());
    assert.deepEqual(service.index.claims.clusters, fresh.claims.clusters);
    assert.deepEqual(service.index.claims.contradictions, fresh.claims.contradictions);
  });
}

for (const [askedWhileIndexing, workers] of [[true, 0], [false, 0], [true, 1]] as const) {
  const where = workers ? 'on a worker thread' : 'in slices';
  test(`indexing resolves with the exact joins made (the claim join ${where}), equal to a fresh join, ${askedWhileIndexing ? 'with' : 'without'} claims asked for while indexing`, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-slices-'));
    try {
      const files = new Map<string, string | { error: string }>(readdirSync(SEEDS).map((f) => [`seeds/${f}`, readFileSync(path.join(SEEDS, f), 'utf8')]));
      for (const file of generateCorpus(dir, 100).files) files.set(file, readFileSync(file, 'utf8'));
      const logged: string[] = [];
      const logger = { info: (m: string) => logged.push(m), warn: (m: string) => logged.push(m) };
      const service = createLanguageService({ workspace: new InMemoryWorkspace(files), workers, logger });
      const served: number[] = [];
      await service.indexWorkspace((done, total) => {
        // as the server's diagnostics may: answered at once from the last join made (at first none)
        if (askedWhileIndexing && done < total) served.push(service.index.claims.clusters.length);
      });
      if (askedWhileIndexing) assert.equal(served[0], 0, 'the first request while indexing gets an empty claim graph, not a join made there and then');
      assert.equal(service.index.provisional, false, 'the joins are exact once indexing resolves');
      assert.equal(logged.some((m) => m.startsWith('claims joined on a worker thread')), workers > 0, logged.join('\n'));
      const fresh = indexOf(service.index.documents());
      assert.ok(fresh.claims.clusters.length > 0);
      assert.deepEqual(service.index.claims.clusters, fresh.claims.clusters);
      assert.deepEqual(service.index.claims.contradictions, fresh.claims.contradictions);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
