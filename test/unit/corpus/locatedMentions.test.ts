import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { LanguageService } from '../../../server/src/engine/languageService';
import { rangeOf } from '../../../server/src/engine/text/lines';
import { InMemoryWorkspace } from '../../../server/src/engine/workspace';

const SEEDS = path.resolve(__dirname, '../../../../seeds');

/** The seeds, and the first half of each as another article: actors named in ten documents. */
function corpus(): Map<string, string> {
  const files = new Map(readdirSync(SEEDS).map((f) => [`/corpus/${f}`, readFileSync(path.join(SEEDS, f), 'utf8')] as [string, string]));
  for (const [p, text] of [...files]) files.set(p.replace('.txt', '-b.txt'), text.slice(0, Math.floor(text.length / 2)));
  return files;
}

/** Every actor's references, as the views list them, against each mention's range in its analysis (in reading order, with limits and a mention skipped). */
function checkLocations(service: LanguageService, when: string): void {
  const index = service.index;
  for (const actor of index.actors.actors) {
    const refs = index.views.sortedMentions(actor);
    const expected = refs.map((r) => ({ uri: r.path, range: rangeOf(index.get(r.path)!.lineStarts, index.mention(r)!) }));
    for (const limit of [Infinity, 1, 6, 7, 8, 30]) assert.deepEqual(index.views.locations(actor, undefined, limit), expected.slice(0, limit), `${actor.id} at most ${limit} ${when}`);
    for (const skipped of [1, 6, refs.length - 1].filter((i) => i > 0 && i < refs.length)) {
      assert.deepEqual(index.views.locations(actor, refs[skipped]), expected.filter((_, i) => i !== skipped), `${actor.id} without mention ${skipped} ${when}`);
    }
  }
}

test('views that keep mention places list the same references as reading the documents, after indexing and after edits that add, remove and move mentions', async () => {
  const files = corpus();
  const service = new LanguageService({ workspace: new InMemoryWorkspace(files) });
  // every view keeps places, of its first 7 mentions at most: references list kept places, then read documents
  Object.assign(service.index.views.keepPlaces, { from: 0, most: 7 });
  await service.indexWorkspace();
  const kept = service.index.actors.actors.map((a) => service.index.views.view(a).located);
  assert.ok(kept.every((l) => l !== undefined && l.mentions >= Math.min(7, 1)), 'every view keeps places after indexing');
  assert.ok(kept.some((l) => l!.documents > 1 && l!.mentions >= 7), 'some view keeps several documents, up to the limit');
  checkLocations(service, 'after indexing');

  const [first, second, third] = [...files.keys()];
  service.updateDocument(first, `${files.get(first)}\n\nVladimir Putin and Emmanuel Macron spoke again on Friday.\n`);
  checkLocations(service, 'after an edit adding mentions');
  service.updateDocument(second, files.get(second)!.slice(0, 400));
  checkLocations(service, 'after an edit removing most of a document');
  // a date in front matter puts the document first in reading order
  service.updateDocument(third, `---\ndate: 1990-01-05\n---\n${files.get(third)}`);
  assert.equal(service.index.views.sortedMentions(service.index.actors.actors.find((a) => a.name === 'Vladimir Putin')!)[0].path, third, 'the dated document comes first');
  checkLocations(service, 'after an edit moving a document first');
  service.updateDocument(third, files.get(third)!);
  service.updateDocument(first, files.get(first)!);
  checkLocations(service, 'after edits undoing the others');
  assert.equal(service.index.exactActors(), undefined, 'the joins are patched, not re-made');
});

test('views of actors named less often than the threshold keep no places and list the same references', async () => {
  const service = new LanguageService({ workspace: new InMemoryWorkspace(corpus()) });
  Object.assign(service.index.views.keepPlaces, { from: 12, most: 7 });
  await service.indexWorkspace();
  const counts = service.index.actors.actors.map((a) => [service.index.views.mentionCount(a), service.index.views.view(a).located] as const);
  assert.ok(counts.some(([n, l]) => n < 12 && l === undefined) && counts.some(([n, l]) => n >= 12 && l !== undefined), 'places are kept by how often an actor is named');
  checkLocations(service, 'after indexing');
});
