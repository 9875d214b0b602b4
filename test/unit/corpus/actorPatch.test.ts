import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { builtinLexicon } from '../../../server/src/engine/actors/lexicon';
import { joinContributions, contributionOf } from '../../../server/src/engine/actors/resolveActors';
import { analyzeDocument } from '../../../server/src/engine/analyzeDocument';
import { ListByPath, PatchedActorTable } from '../../../server/src/engine/corpus/actorPatch';

const SEEDS = path.resolve(__dirname, '../../../../seeds');
const lexicon = builtinLexicon();

test('a list by path removes one document\'s items and keeps every other item, whatever the order of additions', () => {
  let seed = 7;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const list = new ListByPath<{ path: string; n: number }>(
    () => [],
    () => [],
  );
  const reference: { path: string; n: number }[] = [];
  for (let step = 0; step < 2000; step++) {
    const p = `d${rand(12)}`;
    if (rand(4) === 0) {
      list.removePath(p);
      reference.splice(0, reference.length, ...reference.filter((x) => x.path !== p));
    } else {
      const item = { path: p, n: step };
      list.add(item);
      reference.push(item);
    }
    if (step % 97 === 0) assert.deepEqual([...list.items].sort((a, b) => a.n - b.n), reference, `step ${step}`);
  }
  for (const p of new Set(reference.map((x) => x.path))) list.removePath(p);
  assert.deepEqual(list.items, []);
  // over a base list, read only when the whole list is (isEmpty reads its paths alone)
  const base = [{ path: 'd0', n: 0 }, { path: 'd0', n: 1 }, { path: 'd1', n: 2 }];
  let reads = 0;
  const over = new ListByPath<{ path: string; n: number }>(
    () => (reads++, base),
    () => base.map((x) => x.path),
  );
  over.removePath('d0');
  assert.equal(over.isEmpty(), false);
  over.add({ path: 'd2', n: 3 });
  over.removePath('d1');
  assert.equal(over.isEmpty(), false);
  assert.equal(reads, 0, 'the base list is not read by removals, additions and isEmpty');
  assert.deepEqual(over.items, [{ path: 'd2', n: 3 }]);
  over.removePath('d2');
  assert.equal(over.isEmpty(), true);
});

test('patching documents one after another lists each actor\'s mentions of the patched documents exactly, and leaves the base table as it was', () => {
  const texts = readdirSync(SEEDS).map((f) => ({ path: `/corpus/${f}`, text: readFileSync(path.join(SEEDS, f), 'utf8') }));
  const docs = texts.map((t) => analyzeDocument(t.path, t.text, { lexicon }));
  const base = joinContributions(docs.map(contributionOf), lexicon);
  const baseMentions = new Map(base.actors.map((a) => [a.id, [...a.mentions]]));
  const patched = new PatchedActorTable(base);
  const edited = docs.map((d, i) => analyzeDocument(d.path, `${texts[i].text}\n\nVladimir Putin and Emmanuel Macron spoke again on Friday.\n`, { lexicon }));
  const current = new Map(docs.map((d) => [d.path, contributionOf(d)]));
  // each document edited, then the first ones edited again and one removed
  for (const [i, doc] of [...edited.entries(), [0, docs[0]] as const, [1, edited[1]] as const]) {
    patched.apply(doc.path, current.get(doc.path), contributionOf(doc));
    current.set(doc.path, contributionOf(doc));
    void i;
  }
  patched.apply(docs[2].path, current.get(docs[2].path), undefined);
  current.delete(docs[2].path);
  for (const actor of patched.actors) {
    const listed = actor.mentions.map((r) => `${r.path}#${r.index}`).sort();
    assert.equal(new Set(listed).size, listed.length, `${actor.id}: no mention listed twice`);
    for (const r of actor.mentions) assert.equal(patched.actorOf(r.path, current.get(r.path)!.mentionEntities[r.index]), actor.id);
  }
  let expected = 0;
  for (const doc of current.values()) expected += doc.mentionEntities.filter((entity) => patched.actorOf(doc.path, entity)).length;
  assert.equal(patched.actors.reduce((n, a) => n + a.mentions.length, 0), expected, 'every mention that maps to an actor is listed');
  assert.ok(patched.byId.get('emmanuel-macron') ?? patched.actors.find((a) => a.name === 'Emmanuel Macron'), 'a name new to the corpus becomes an actor');
  // a document's actors at once (what the views read) are its entities' actors one by one, patched or not, in both tables
  for (const [table, docsOf] of [[patched, [...current.values()]], [base, docs.map(contributionOf)]] as const) {
    for (const doc of docsOf) assert.deepEqual(doc.entities.map((_, e) => table.actorsOf(doc.path)?.[e]), doc.entities.map((_, e) => table.actorOf(doc.path, e)), doc.path);
  }
  assert.equal(patched.actorsOf(docs[2].path), undefined, 'a removed document has none');
  for (const a of base.actors) assert.deepEqual(a.mentions, baseMentions.get(a.id), `base actor ${a.id} untouched`);
});
