import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ActorViews } from '../../../server/src/engine/corpus/actorViews';
import { CARRY_OVER_MOST_DOCUMENTS, documentsToMakeAgain, sameOwners } from '../../../server/src/engine/corpus/viewsCarryOver';
import type { CorpusIndex } from '../../../server/src/engine/corpus/corpusIndex';
import { PassSlices } from '../../../server/src/engine/joinSteps';
import { LanguageService } from '../../../server/src/engine/languageService';
import { InMemoryWorkspace } from '../../../server/src/engine/workspace';

const SEEDS = path.resolve(__dirname, '../../../../seeds');
const seeds = () => new Map(readdirSync(SEEDS).map((f) => [`/corpus/${f}`, readFileSync(path.join(SEEDS, f), 'utf8')] as [string, string]));

/** Everything a request reads of an actor's view. */
function facts(views: ActorViews, index: CorpusIndex, id: string) {
  const actor = index.actors.byId.get(id)!;
  return {
    mentions: views.sortedMentions(actor),
    count: views.mentionCount(actor),
    top: views.documentsByCount(actor, 3),
    co: views.coMentionedByCount(actor),
    claims: views.firstClaims(actor, 3),
    locations: views.locations(actor),
  };
}

/** Counts the document parts the views make (one per document named, for a pass over the corpus). */
function countParts(views: ActorViews): { made: number } {
  const counter = { made: 0 };
  const internals = views as unknown as { partsOf: (...a: unknown[]) => unknown };
  const partsOf = internals.partsOf.bind(views);
  internals.partsOf = (...a: unknown[]) => (counter.made++, partsOf(...a));
  return counter;
}

test('when edits settle, the views are kept for the new actor join, documents whose entities join other actors are made again, and every view equals one made from scratch', async () => {
  const files = seeds();
  // an article naming Kallas by surname only: it joins "Kaja Kallas" once another article names her in full
  const note = '/corpus/zz-note.txt';
  files.set(note, 'Kallas said on Monday that the talks were over. Kallas also met Putin in Minsk.\n');
  const service = new LanguageService({ workspace: new InMemoryWorkspace(files) });
  await service.indexWorkspace();
  const { index } = service;
  assert.deepEqual(index.actors.actorsOf(note), ['kallas', 'vladimir-putin', 'minsk']);
  const putin = index.actors.byId.get('vladimir-putin')!;
  const putinBefore = index.views.sortedMentions(putin).length;
  const parts = countParts(index.views);
  const [first] = [...files.keys()].sort();
  service.updateDocument(first, `${files.get(first)}\n\nKaja Kallas, the prime minister of Estonia, said Vladimir Putin would not be invited.\n`);
  assert.equal(index.views.sortedMentions(putin).length, putinBefore + 1, 'the edit is caught up with by the provisional join\'s view');
  void index.actors;
  assert.ok(await index.settleInSlices());
  assert.deepEqual(index.actors.actorsOf(note), ['kaja-kallas', 'vladimir-putin', 'minsk'], 'the exact join gives the unedited note\'s entity another actor');
  parts.made = 0;
  const pass = index.views.prepareAll(1);
  await new Promise((resolve) => setImmediate(resolve));
  const meanwhile = index.views.sortedMentions(putin).length; // (a request while the documents are compared)
  await pass;
  assert.equal(parts.made, 0, 'no pass over the corpus: no document part made while the views were carried over');
  assert.equal(meanwhile, putinBefore + 1);
  const kallas = facts(index.views, index, 'kaja-kallas');
  assert.deepEqual(new Set(kallas.mentions.map((m) => m.path)), new Set([first, note]), 'the note, which was not edited, is in the view of Kaja Kallas');
  assert.equal(index.actors.byId.get('kallas'), undefined);
  const fromScratch = new ActorViews(index);
  for (const actor of index.actors.actors) assert.deepEqual(facts(index.views, index, actor.id), facts(fromScratch, index, actor.id), actor.id);
});

test('a document edited since the views were made has its parts made again for the new join, even when its entities join the same actors', async () => {
  const files = seeds();
  const service = new LanguageService({ workspace: new InMemoryWorkspace(files) });
  await service.indexWorkspace();
  const { index } = service;
  const putin = () => index.actors.byId.get('vladimir-putin')!;
  const parts = countParts(index.views);
  const [first] = [...files.keys()].sort();
  const owners = index.actors.actorsOf(first);
  // one more mention of an actor the document names already: the same entities, joining the same actors
  service.updateDocument(first, `${files.get(first)}\n\nPutin did not answer.\n`);
  index.views.sortedMentions(putin()); // (caught up with the edit under the provisionally patched join)
  void index.actors;
  assert.ok(await index.settleInSlices());
  assert.deepEqual(index.actors.actorsOf(first), owners);
  await index.views.prepareAll(1);
  parts.made = 0;
  const mentions = index.views.sortedMentions(putin());
  assert.equal(parts.made, 1, 'the edited document\'s part made again for the exact join');
  assert.deepEqual(mentions, new ActorViews(index).sortedMentions(putin()));
});

test(`past ${CARRY_OVER_MOST_DOCUMENTS} documents changed, the views are made again by a pass over the corpus, and equal views made from scratch`, async () => {
  const files = new Map<string, string>();
  for (let copy = 0; copy < 5; copy++) for (const [p, text] of seeds()) files.set(p.replace('.txt', `-${copy}.txt`), text);
  const service = new LanguageService({ workspace: new InMemoryWorkspace(files) });
  await service.indexWorkspace();
  const { index } = service;
  const parts = countParts(index.views);
  const edited = [...files.keys()].sort().slice(0, CARRY_OVER_MOST_DOCUMENTS + 1);
  for (const p of edited) service.updateDocument(p, `${files.get(p)}\nEmmanuel Macron met Vladimir Putin in Paris on Friday.\n`);
  void index.actors;
  assert.ok(await index.settleInSlices());
  parts.made = 0;
  await index.views.prepareAll(1);
  assert.equal(parts.made, files.size, 'one pass: a part made per document');
  const fromScratch = new ActorViews(index);
  for (const actor of index.actors.actors) assert.deepEqual(facts(index.views, index, actor.id), facts(fromScratch, index, actor.id), actor.id);
});

test('after rounds of random edits (views read between them), each settle ending with views kept or made again, every view equals one made from scratch', async () => {
  const files = seeds();
  // the GUM news articles, when the shared data is beside the project (as in linkClaims.test.ts)
  const gum = path.resolve(__dirname, '../../../../../shared/data/gum-news/articles');
  if (existsSync(gum)) for (const f of readdirSync(gum)) files.set(`/corpus/gum-${f}`, readFileSync(path.join(gum, f), 'utf8'));
  const edited = [...files.keys()].sort();
  // articles never edited, naming people by surname beside Putin: which actors they join changes with the others' edits
  files.set('/corpus/zz-note-1.txt', 'Kallas told Putin on Monday that the talks were over.\n');
  files.set('/corpus/zz-note-2.txt', 'Scholz and Putin spoke by phone. Kallas was not told.\n');
  const service = new LanguageService({ workspace: new InMemoryWorkspace(files) });
  await service.indexWorkspace();
  const { index } = service;
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
  // names whose join depends on other documents: a surname alone joins the full name once an article writes it
  const sentences = ['Kaja Kallas met Vladimir Putin in Minsk on Friday.', 'Kallas told Putin the talks were over.', 'Putin did not answer Scholz.', 'Olaf Scholz spoke to Emmanuel Macron in Berlin.', 'Scholz said 40 soldiers were hurt.', 'Macron left.'];
  const ROUNDS = 30;
  const current = new Map(files);
  let carried = 0;
  const parts = countParts(index.views);
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) {
      const p = pick(edited);
      const r = rand();
      current.set(p, r < 0.2 ? files.get(p)! : r < 0.4 ? files.get(p)!.slice(0, 600) : `${current.get(p)}\n${pick(sentences)}\n`);
      service.updateDocument(p, current.get(p)!);
      if (rand() < 0.5) index.views.sortedMentions(pick(index.actors.actors));
    }
    void index.actors;
    if (!(await index.settleInSlices())) continue;
    parts.made = 0;
    await index.views.prepareAll(1);
    if (parts.made < index.size) carried++;
    const fromScratch = new ActorViews(index);
    for (const actor of index.actors.actors) assert.deepEqual(facts(index.views, index, actor.id), facts(fromScratch, index, actor.id), `round ${round}: ${actor.id}`);
  }
  assert.ok(carried >= ROUNDS / 2, `views kept in ${carried} of ${ROUNDS} rounds`);
});

test('the documents to make again: those changed, and those whose entities join other actors; none past the most', async () => {
  const before = new Map<string, (string | undefined)[]>([
    ['/a', ['x', 'y']],
    ['/b', ['x']],
    ['/c', ['z', undefined]],
    ['/d', ['y']],
  ]);
  const after = new Map<string, (string | undefined)[]>([...before, ['/b', ['w']], ['/c', ['z']]]);
  const table = (m: Map<string, (string | undefined)[]>) => ({ actorsOf: (p: string) => m.get(p) });
  const run = (changed: string[], most?: number) => documentsToMakeAgain([...before.keys()], table(before), table(after), new Set(changed), new PassSlices(1, 10), () => true, most);
  assert.deepEqual(await run(['/d']), ['/d', '/b'], 'an entity of /b joins another actor; /c only drops a trailing entity with none');
  assert.equal(await run(['/d'], 1), undefined, 'more than the most');
  assert.equal(await documentsToMakeAgain(['/a', '/b'], table(before), table(after), new Set(), new PassSlices(1, 10), () => false), undefined, 'a newer join came');
  assert.ok(sameOwners(undefined, []));
  assert.ok(!sameOwners(['x'], undefined));
});
