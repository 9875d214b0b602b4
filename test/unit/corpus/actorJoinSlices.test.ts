import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { actorJoinSteps, joinContributions, type ActorTable } from '../../../server/src/engine/actors/resolveActors';
import type { ClaimJoinJob } from '../../../server/src/engine/corpus/claimJoinJob';
import { CorpusIndex } from '../../../server/src/engine/corpus/corpusIndex';
import { joinAfterIndexing } from '../../../server/src/engine/worker/joinAfterIndexing';
import type { DocumentAnalysis } from '../../../server/src/engine/types';
import { analyse, corpus, indexOf, lexicon, SEEDS } from './joinCorpus';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** An edit that names a person no document names (a new actor, patched in provisionally). */
function naming(doc: DocumentAnalysis, name: string): DocumentAnalysis {
  const text = readFileSync(path.join(SEEDS, path.basename(doc.path)), 'utf8');
  return analyse(doc.path, `${text}\n\n${name}, a Polish diplomat, said on Monday that the talks would resume in Geneva.\n`);
}

/** The documents as bulk indexing leaves them: every one set, no join made. */
function bulkIndexed(docs: DocumentAnalysis[]): CorpusIndex {
  const index = new CorpusIndex(lexicon);
  index.setBulk(true);
  for (const d of docs) index.set(d);
  index.setBulk(false);
  return index;
}

/** What an actor join says, in a form that compares across two joins: every actor, and the actor of every document's entities. */
function joinOf(actors: ActorTable, paths: string[]) {
  return {
    actors: [...actors.actors].map((a) => `${a.id}|${a.name}|${a.kind}|${a.aliases.join(',')}|${a.mentions.length}`).sort(),
    owners: [...paths].sort().map((p) => `${p}: ${(actors.actorsOf(p) ?? []).join(',')}`),
  };
}

test('the actor join as steps pauses every few documents and ends with the join made at once', () => {
  const docs = corpus();
  const index = indexOf(docs);
  const steps = actorJoinSteps(index.paths().map((p) => index.contribution(p)!), lexicon);
  let pauses = 0;
  let step = steps.next();
  for (; !step.done; step = steps.next()) pauses++;
  assert.ok(pauses > docs.length / 16, `it paused ${pauses} times over ${docs.length} documents`);
  const atOnce = joinContributions(index.paths().map((p) => index.contribution(p)!), lexicon);
  assert.deepEqual(joinOf(step.value, index.paths()), joinOf(atOnce, index.paths()));
});

test('once edits pause, the actor join is made in slices: the patched join is served until the exact one replaces it, equal to a fresh join', async () => {
  const docs = corpus();
  const index = indexOf(docs);
  void index.claims;
  index.set(naming(docs[1], 'Marta Kowalczyk'));
  const patched = index.actors;
  assert.ok(patched.actors.some((a) => a.name === 'Marta Kowalczyk'), 'the new name is patched in at once');
  let turns = 0;
  let turnsWhenJoined: number | undefined;
  const settling = index.settleInSlices(0, undefined, () => {
    turnsWhenJoined = turns;
    assert.notEqual(index.actors, patched, 'told once the exact join is served');
  });
  while (turnsWhenJoined === undefined && turns < 100_000) {
    assert.equal(index.actors, patched, 'the patched join is served while the exact one is made');
    assert.equal(index.provisional, true);
    turns++;
    await turn();
  }
  assert.ok(turnsWhenJoined !== undefined && turnsWhenJoined > 10, `the event loop turned ${turnsWhenJoined} times while the actor join was made`);
  assert.equal(await settling, true);
  assert.equal(index.provisional, false);
  const fresh = indexOf(index.documents());
  assert.deepEqual(joinOf(index.actors, index.paths()), joinOf(fresh.actors, fresh.paths()));
  assert.ok(index.actors.actors.some((a) => a.name === 'Marta Kowalczyk'));
});

test('a change while the actor join is made in slices abandons it; the change is patched in, and a later settle is exact', async () => {
  const docs = corpus();
  const index = indexOf(docs);
  void index.claims;
  index.set(naming(docs[1], 'Marta Kowalczyk'));
  let joined = false;
  const settling = index.settleInSlices(0, undefined, () => (joined = true));
  await turn();
  await turn();
  index.set(naming(docs[2], 'Tomasz Wierzbicki'));
  assert.equal(await settling, false, 'abandoned');
  assert.equal(joined, false, 'the actor join was not served');
  assert.equal(index.provisional, true);
  assert.ok(index.actors.actors.some((a) => a.name === 'Tomasz Wierzbicki'), 'the change is patched into the join served');
  assert.ok(await index.settleInSlices(0));
  const fresh = indexOf(index.documents());
  assert.deepEqual(joinOf(index.actors, index.paths()), joinOf(fresh.actors, fresh.paths()));
  assert.deepEqual(index.claims.clusters, fresh.claims.clusters);
});

test('after bulk indexing with no join made yet, empty joins are served while the first is made in slices; a change meanwhile drops them', async () => {
  const docs = corpus();
  const index = bulkIndexed(docs);
  let joined = false;
  const settling = index.settleInSlices(0, undefined, () => (joined = true));
  await turn();
  assert.equal(joined, false);
  assert.equal(index.actors.actors.length, 0, 'no actors until the first join is made, not a join made there and then');
  assert.equal(index.claims.clusters.length, 0);
  assert.ok(await settling);
  const fresh = indexOf(docs);
  assert.deepEqual(joinOf(index.actors, index.paths()), joinOf(fresh.actors, fresh.paths()));
  assert.deepEqual(index.claims.clusters, fresh.claims.clusters);

  const changed = bulkIndexed(docs);
  const abandoned = changed.settleInSlices(0);
  await turn();
  changed.set(naming(docs[1], 'Marta Kowalczyk'));
  assert.equal(await abandoned, false);
  const after = indexOf(changed.documents());
  assert.deepEqual(joinOf(changed.actors, changed.paths()), joinOf(after.actors, after.paths()), 'the next request makes the exact join');
  assert.equal(changed.provisional, false);
});

test('a change while the joins are made at the end of indexing makes them again at once: no request meanwhile makes a join there and then', async () => {
  const docs = corpus();
  const index = bulkIndexed(docs);
  // every claim join made is counted, and those run in slices of time (a join made on request is not)
  const jobs = { made: 0, run: 0 };
  const internals = index as unknown as { claimJoinJob: (actors: ActorTable) => ClaimJoinJob };
  const claimJoinJob = internals.claimJoinJob.bind(index);
  internals.claimJoinJob = (actors) => {
    const job = claimJoinJob(actors);
    const run = job.run.bind(job);
    job.run = (...args) => (jobs.run++, run(...args));
    return (jobs.made++, job);
  };
  let done = false;
  const joining = joinAfterIndexing(index, undefined, { info: () => {}, warn: () => {} }).then(() => (done = true));
  const served = new Set<ActorTable>();
  let turns = 0;
  while (!done && turns < 100_000) {
    served.add(index.actors);
    void index.claims;
    if (++turns === 1) index.set(naming(docs[1], 'Marta Kowalczyk'));
    await turn();
  }
  await joining;
  assert.equal(index.provisional, false);
  const joined = [...served].filter((t) => t.actors.length > 0);
  assert.deepEqual(joined, [index.actors], 'the only join served is the one made in slices');
  assert.deepEqual(jobs, { made: 1, run: 1 }, 'the claims were joined once, in slices');
  const fresh = indexOf(index.documents());
  assert.deepEqual(joinOf(index.actors, index.paths()), joinOf(fresh.actors, fresh.paths()));
  assert.ok(index.actors.actors.some((a) => a.name === 'Marta Kowalczyk'));
  assert.deepEqual(index.claims.clusters, fresh.claims.clusters);
});

test('joins asked for at the end of two indexings at once are made one after the other (neither abandons the other), and end exact', async () => {
  const docs = corpus();
  const index = bulkIndexed(docs);
  const logger = { info: () => {}, warn: () => {} };
  const both = Promise.all([joinAfterIndexing(index, undefined, logger), joinAfterIndexing(index, undefined, logger)]);
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('the two never ended')), 20_000).unref());
  await Promise.race([both, timeout]);
  assert.equal(index.provisional, false);
  const fresh = indexOf(index.documents());
  assert.deepEqual(joinOf(index.actors, index.paths()), joinOf(fresh.actors, fresh.paths()));
  assert.deepEqual(index.claims.clusters, fresh.claims.clusters);
});
