import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { builtinLexicon } from '../../../server/src/engine/actors/lexicon';
import { analyzeDocument } from '../../../server/src/engine/analyzeDocument';
import { CorpusIndex } from '../../../server/src/engine/corpus/corpusIndex';
import { actorSummary, sortedMentions } from '../../../server/src/engine/queries';
import type { Actor, DocumentAnalysis } from '../../../server/src/engine/types';

const SEEDS = path.resolve(__dirname, '../../../../seeds');
const lexicon = builtinLexicon();
const texts = new Map(readdirSync(SEEDS).map((f) => [`/corpus/${f}`, readFileSync(path.join(SEEDS, f), 'utf8')] as [string, string]));
const analyse = (p: string, text: string) => analyzeDocument(p, text, { lexicon });

function indexOf(docs: DocumentAnalysis[]): CorpusIndex {
  const index = new CorpusIndex(lexicon);
  for (const d of docs) index.set(d);
  return index;
}

/** What the features read of an actor, in a form that compares across two indexes. */
function actorFacts(index: CorpusIndex, actor: Actor) {
  const s = actorSummary(index, actor, { documents: 5, coMentioned: 50, claims: 1000 });
  return {
    mentions: sortedMentions(index, actor).map((r) => `${r.path}#${r.index}`),
    documents: s.documentCount,
    top: s.topDocuments,
    co: s.coMentioned.map((c) => `${c.actor.id}:${c.count}`).sort(),
    claims: s.claimCount,
  };
}

function mostMentioned(index: CorpusIndex): Actor {
  return [...index.actors.actors].sort((a, b) => b.mentions.length - a.mentions.length)[0];
}

test('an edit that does not change what the joins read keeps them exact, and the views follow the new positions', () => {
  const docs = [...texts].map(([p, t]) => analyse(p, t));
  const index = indexOf(docs);
  const actor = mostMentioned(index);
  const before = actorFacts(index, actor);
  const [p, t] = [...texts][1];
  index.set(analyse(p, `\n\n${t}`)); // shifts every offset, changes nothing the joins read
  assert.equal(index.provisional, false);
  assert.deepEqual(actorFacts(index, index.actors.byId.get(actor.id)!), before);
});

test('edits are patched in provisionally; after settle() the joins equal a fresh join of the same documents', () => {
  const docs = [...texts].map(([p, t]) => analyse(p, t));
  const index = indexOf(docs);
  const actor = mostMentioned(index);
  void actorFacts(index, actor); // builds the view that the edits must update
  const [p, t] = [...texts][2];
  const edited = analyse(p, `${t}\n\n${actor.name} said on Monday that 40,000 soldiers had been moved to the border, according to officials.\n`);
  index.set(edited);
  assert.equal(index.provisional, true);
  const patched = index.actors.byId.get(actor.id)!;
  assert.ok(sortedMentions(index, patched).some((r) => r.path === p && edited.mentions[r.index].start > t.length), 'the new mention is already found');
  index.delete([...texts][3][0]);
  assert.ok(!sortedMentions(index, index.actors.byId.get(actor.id)!).some((r) => r.path === [...texts][3][0]), 'a removed document leaves the views');
  assert.ok(index.settle());
  const fresh = indexOf([...index.documents()]);
  assert.deepEqual(actorFacts(index, index.actors.byId.get(actor.id)!), actorFacts(fresh, fresh.actors.byId.get(actor.id)!));
  assert.deepEqual(index.claims.clusters.length, fresh.claims.clusters.length);
});

test('claims that survive an edit keep their clusters and contradictions under their new index', () => {
  const docs = [...texts].map(([p, t]) => analyse(p, t));
  const index = indexOf(docs);
  const linked = docs.flatMap((d) => d.claims.map((_, i) => ({ path: d.path, index: i }))).find((r) => index.claims.clusterOf(r) || index.claims.contradictionsOf(r).length);
  if (!linked) return; // nothing linked in the seeds with this claims engine: nothing to keep
  const text = texts.get(linked.path)!;
  const edited = analyse(linked.path, `An opening paragraph that says nothing checkable.\n\n${text}`);
  index.set(edited);
  const claim = index.get(linked.path)!.claims.findIndex((c) => c.text === docs.find((d) => d.path === linked.path)!.claims[linked.index].text);
  const ref = { path: linked.path, index: claim };
  assert.ok(claim >= 0);
  assert.ok(index.claims.clusterOf(ref) || index.claims.contradictionsOf(ref).length, 'still linked after the edit');
});

test('views prepared in one pass over the corpus equal views built actor by actor', async () => {
  const docs = [...texts].map(([p, t]) => analyse(p, t));
  const lazy = indexOf(docs);
  const prepared = indexOf(docs);
  await prepared.views.prepareAll(2);
  for (const actor of lazy.actors.actors) assert.deepEqual(actorFacts(prepared, prepared.actors.byId.get(actor.id)!), actorFacts(lazy, actor));
});
