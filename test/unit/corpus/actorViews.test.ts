import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ActorViews } from '../../../server/src/engine/corpus/actorViews';
import { LanguageService } from '../../../server/src/engine/languageService';
import { definingMention } from '../../../server/src/engine/queries';
import { provideReferences } from '../../../server/src/features/references';
import { positionAt } from '../../../server/src/engine/text/lines';
import { rangeOf } from '../../../server/src/engine/text/lines';
import { InMemoryWorkspace } from '../../../server/src/engine/workspace';

const SEEDS = path.resolve(__dirname, '../../../../seeds');

test('reference locations from the resident spans equal each mention\'s range in its analysis, in reading order, hard-wrapped names included', async () => {
  const files = new Map(readdirSync(SEEDS).map((f) => [`/corpus/${f}`, readFileSync(path.join(SEEDS, f), 'utf8')] as [string, string]));
  const service = new LanguageService({ workspace: new InMemoryWorkspace(files) });
  await service.indexWorkspace();
  const index = service.index;
  let multiLine = 0;
  for (const actor of index.actors.actors) {
    const refs = index.views.sortedMentions(actor);
    const expected = refs.map((r) => ({ uri: r.path, range: rangeOf(index.get(r.path)!.lineStarts, index.mention(r)!) }));
    assert.deepEqual(index.views.locations(actor), expected, actor.id);
    multiLine += expected.filter((l) => l.range.start.line !== l.range.end.line).length;
    if (refs.length > 1) assert.deepEqual(index.views.locations(actor, refs[1]), expected.filter((_, i) => i !== 1), 'the skipped mention is left out');
  }
  assert.ok(multiLine > 0, 'some mention runs over a line break (003 is hard-wrapped)');
});

test('the top documents of an actor are the first of all its documents sorted by mention count, then path', async () => {
  const files = new Map(readdirSync(SEEDS).map((f) => [`/corpus/${f}`, readFileSync(path.join(SEEDS, f), 'utf8')] as [string, string]));
  for (const [p, text] of [...files]) files.set(p.replace('.txt', '-b.txt'), text.slice(0, Math.floor(text.length / 2)));
  const service = new LanguageService({ workspace: new InMemoryWorkspace(files) });
  await service.indexWorkspace();
  const index = service.index;
  for (const actor of index.actors.actors) {
    const counts = new Map<string, number>();
    for (const r of index.views.sortedMentions(actor)) counts.set(r.path, (counts.get(r.path) ?? 0) + 1);
    const all = [...counts].map(([p, count]) => ({ path: p, count })).sort((a, b) => b.count - a.count || (a.path < b.path ? -1 : 1));
    for (const limit of [0, 1, 3, 20]) assert.deepEqual(index.views.documentsByCount(actor, limit), all.slice(0, limit), `${actor.id} top ${limit}`);
  }
});

test('the first claims of an actor are its sourced claims in reading order, then the others', async () => {
  const files = new Map(readdirSync(SEEDS).map((f) => [`/corpus/${f}`, readFileSync(path.join(SEEDS, f), 'utf8')] as [string, string]));
  const service = new LanguageService({ workspace: new InMemoryWorkspace(files) });
  await service.indexWorkspace();
  const index = service.index;
  let withSourced = 0;
  for (const actor of index.actors.actors) {
    const docs = [...new Set(index.views.sortedMentions(actor).map((r) => r.path))];
    const all = docs.flatMap((p) =>
      index.get(p)!.claims.flatMap((claim, i) => {
        const owner = (e: number) => index.actors.actorOf(p, e) === actor.id;
        const asSource = claim.sourceEntity !== undefined && owner(claim.sourceEntity);
        // what the card quotes of the claim: its position, attribution, source as written and text, as the analysis has them
        const { start, end, attribution, sourceText, text } = claim;
        const quote = sourceText === undefined ? { start, end, attribution, text } : { start, end, attribution, sourceText, text };
        return asSource || claim.entities.some(owner) ? [{ ref: { path: p, index: i }, asSource, claim: quote }] : [];
      }),
    );
    const expected = [...all.filter((c) => c.claim.attribution === 'sourced'), ...all.filter((c) => c.claim.attribution !== 'sourced')].slice(0, 3);
    assert.deepEqual(index.views.firstClaims(actor, 3), expected, actor.id);
    if (expected.some((c) => c.claim.attribution === 'sourced')) withSourced++;
  }
  assert.ok(withSourced > 3, 'several seed actors have sourced claims');
});

test('the defining mention is the first mention in reading order whose text holds the full name, else the first mention', async () => {
  const files = new Map(readdirSync(SEEDS).map((f) => [`/corpus/${f}`, readFileSync(path.join(SEEDS, f), 'utf8')] as [string, string]));
  files.set('/corpus/000-surname-first.txt', 'Zelensky met Putin in Kyiv.\n\nZelensky said the talks would go on.\n');
  const service = new LanguageService({ workspace: new InMemoryWorkspace(files) });
  await service.indexWorkspace();
  const index = service.index;
  const holdsFullName = (actorName: string, r: { path: string; index: number }) =>
    index.get(r.path)!.mentions[r.index].kind === 'name' && index.mention(r)!.text.replace(/\s+/g, ' ').toLowerCase().includes(actorName.toLowerCase());
  let skippedShort = 0;
  for (const actor of index.actors.actors) {
    const sorted = index.views.sortedMentions(actor);
    const expected = sorted.find((r) => holdsFullName(actor.name, r)) ?? sorted[0];
    assert.deepEqual(definingMention(index, actor), expected, actor.id);
    if (expected && sorted.indexOf(expected) > 0) skippedShort++;
  }
  assert.ok(skippedShort > 0, 'some actor is first named by a shorter form (the surname-first article)');
});

test('references stop at the limit with the first mentions in reading order, and say how many there are; 0 lists all', async () => {
  const files = new Map(readdirSync(SEEDS).map((f) => [`/corpus/${f}`, readFileSync(path.join(SEEDS, f), 'utf8')] as [string, string]));
  const service = new LanguageService({ workspace: new InMemoryWorkspace(files) });
  await service.indexWorkspace();
  const index = service.index;
  const actor = [...index.actors.actors].sort((a, b) => b.mentions.length - a.mentions.length)[0];
  const first = index.views.sortedMentions(actor)[0];
  const doc = index.get(first.path)!;
  const params = { textDocument: { uri: first.path }, position: positionAt(doc.lineStarts, index.mention(first)!.start), context: { includeDeclaration: true } };
  const all = provideReferences(service, params, 0, () => assert.fail('nothing is left out without a limit'));
  assert.equal(all.length, actor.mentions.length);
  const told: unknown[] = [];
  const some = provideReferences(service, params, 5, (...args) => told.push(args));
  assert.deepEqual(some, all.slice(0, 5));
  assert.deepEqual(told, [[5, all.length, `mentions of ${actor.name}`]]);
  told.length = 0;
  assert.deepEqual(provideReferences(service, params, all.length, (...args) => told.push(args)), all);
  assert.deepEqual(told, [], 'a list that fits is not reported as cut');
});

test('after indexing, each actor\'s views hold its mentions, its claims and the actors named in its sentences, counted from the analyses', async () => {
  const files = new Map(readdirSync(SEEDS).map((f) => [`/corpus/${f}`, readFileSync(path.join(SEEDS, f), 'utf8')] as [string, string]));
  const service = new LanguageService({ workspace: new InMemoryWorkspace(files) });
  await service.indexWorkspace();
  const index = service.index;
  const table = index.actors;
  let withCo = 0;
  for (const actor of table.actors) {
    const co = new Map<string, number>();
    let claims = 0;
    for (const p of index.paths()) {
      const doc = index.get(p)!;
      const owner = (e: number) => table.actorOf(p, e);
      const sentences = new Set(doc.mentions.filter((m) => owner(m.entity) === actor.id).map((m) => m.sentence));
      if (sentences.size === 0) continue;
      for (const m of doc.mentions) {
        const other = owner(m.entity);
        if (other && other !== actor.id && sentences.has(m.sentence)) co.set(other, (co.get(other) ?? 0) + 1);
      }
      claims += doc.claims.filter((c) => (c.sourceEntity !== undefined && owner(c.sourceEntity) === actor.id) || c.entities.some((e) => owner(e) === actor.id)).length;
    }
    const ranked = index.views.coMentionedByCount(actor);
    assert.deepEqual(new Map(ranked.filter(([, n]) => n > 0)), co, actor.id);
    const inOrder = [...co].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    assert.deepEqual(ranked, inOrder, `${actor.id}: most often first, ties by id`);
    for (const limit of [0, 1, 3]) {
      const tied = inOrder.filter(([, n], i) => i < limit || (limit > 0 && i >= limit && n === inOrder[limit - 1][1]));
      assert.deepEqual(index.views.coMentionedByCount(actor, limit), tied, `${actor.id}: the first ${limit} and those tied with the last`);
    }
    assert.equal(index.views.view(actor).claimCount, claims, actor.id);
    if (co.size) withCo++;
  }
  assert.ok(withCo > 10, 'many actors share sentences with others');
});

test('an actor\'s mention count kept by its view equals its mentions, after indexing and after edits that patch the joins', async () => {
  const files = new Map(readdirSync(SEEDS).map((f) => [`/corpus/${f}`, readFileSync(path.join(SEEDS, f), 'utf8')] as [string, string]));
  const service = new LanguageService({ workspace: new InMemoryWorkspace(files) });
  await service.indexWorkspace();
  const check = (when: string) => {
    for (const actor of service.index.actors.actors) assert.equal(service.index.views.mentionCount(actor), actor.mentions.length, `${actor.id} ${when}`);
  };
  check('after indexing');
  const [first, second] = [...files.keys()];
  service.updateDocument(first, `${files.get(first)}\n\nVladimir Putin and Emmanuel Macron spoke again on Friday.\n`);
  check('after an edit adding mentions');
  service.updateDocument(second, files.get(second)!.slice(0, 400));
  service.updateDocument(first, files.get(first)!);
  check('after an edit removing most of a document and one undoing the first');
  assert.equal(service.index.exactActors(), undefined, 'the joins are patched, not re-made');
});

test('while the views are made again after the joins, the previous join\'s views answer (caught up with edits), and the pass\'s views replace them', async () => {
  const files = new Map(readdirSync(SEEDS).map((f) => [`/corpus/${f}`, readFileSync(path.join(SEEDS, f), 'utf8')] as [string, string]));
  const service = new LanguageService({ workspace: new InMemoryWorkspace(files) });
  await service.indexWorkspace();
  const { index } = service;
  const views = index.views as unknown as { build: (...a: unknown[]) => unknown };
  let built = 0;
  const build = views.build.bind(views);
  views.build = (...a: unknown[]) => (built++, build(...a));
  const mentionsOf = (id: string) => index.views.sortedMentions(index.actors.byId.get(id)!).map((r) => `${r.path}#${r.index}`);
  const top = [...index.actors.actors].sort((a, b) => b.mentions.length - a.mentions.length)[0].id;
  // an edit that adds a name, once the joins are made again: a new actor join, its views not made yet
  const [first] = files.keys();
  service.updateDocument(first, `${files.get(first)}\nVladimir Putin spoke to reporters on Friday.\n`);
  void index.actors;
  assert.ok(await index.settleInSlices());
  const pass = index.views.prepareAll(1);
  const meanwhile = mentionsOf(top);
  assert.equal(built, 0, 'no view made on request while the pass runs');
  await pass;
  assert.deepEqual(mentionsOf(top), meanwhile, 'the pass\'s view lists the same mentions (the edit was caught up with)');
  assert.ok(meanwhile.some((m) => m.startsWith(`${first}#`)));
  assert.equal(built, 0);
  // with no pass running, a new join's views are made on request
  service.updateDocument(first, files.get(first)!);
  void index.actors;
  assert.ok(await index.settleInSlices());
  mentionsOf(top);
  assert.equal(built, 1, 'made on request when no pass runs');
});

test('a views pass during which documents are edited, or views are asked for, ends with every view equal to one made from scratch', async () => {
  const files = new Map(readdirSync(SEEDS).map((f) => [`/corpus/${f}`, readFileSync(path.join(SEEDS, f), 'utf8')] as [string, string]));
  const service = new LanguageService({ workspace: new InMemoryWorkspace(files) });
  await service.indexWorkspace();
  const { index } = service;
  const paths = [...files.keys()].sort();
  const top = [...index.actors.actors].sort((a, b) => b.mentions.length - a.mentions.length)[0];
  // a pass with no earlier views: a request during it makes its view whole; edits land before and after their documents are passed
  const views = new ActorViews(index);
  const pass = views.prepareAll(1);
  await new Promise((resolve) => setImmediate(resolve));
  views.sortedMentions(top);
  service.updateDocument(paths[0], `${files.get(paths[0])}\nVladimir Putin and Joe Biden spoke again on Friday.\n`);
  await new Promise((resolve) => setImmediate(resolve));
  service.updateDocument(paths[paths.length - 1], `Emmanuel Macron met Vladimir Putin in Paris.\n\n${files.get(paths[paths.length - 1])}`);
  await pass;
  const fromScratch = new ActorViews(index);
  const facts = (v: ActorViews, id: string) => {
    const actor = index.actors.byId.get(id)!;
    return { mentions: v.sortedMentions(actor), count: v.mentionCount(actor), top: v.documentsByCount(actor, 3), co: v.coMentionedByCount(actor), locations: v.locations(actor) };
  };
  for (const actor of index.actors.actors) assert.deepEqual(facts(views, actor.id), facts(fromScratch, actor.id), actor.id);
});
