import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { createLanguageService } from '../../../server/src/engine/languageService';
import { InMemoryWorkspace } from '../../../server/src/engine/workspace';

const SEEDS = path.resolve(__dirname, '../../../../seeds');
const seedFiles = () => new Map<string, string | { error: string }>(readdirSync(SEEDS).map((f) => [`seeds/${f}`, readFileSync(path.join(SEEDS, f), 'utf8')]));

test('indexes an in-memory workspace; a bad document is skipped with its reason and the rest kept', async () => {
  const files = seedFiles();
  files.set('seeds/broken.txt', { error: 'looks binary (it holds NUL bytes), not text' });
  const warnings: string[] = [];
  const service = createLanguageService({ workspace: new InMemoryWorkspace(files), logger: { info: () => {}, warn: (m) => warnings.push(m) } });
  const report = await service.indexWorkspace();
  assert.equal(report.documents, 5);
  assert.deepEqual(report.skipped, [{ id: 'seeds/broken.txt', reason: 'looks binary (it holds NUL bytes), not text' }]);
  assert.ok(warnings.some((w) => w.startsWith('seeds/broken.txt: skipped: looks binary')));
  assert.equal(service.state, 'ready');
});

test('editing one document re-analyses that document only, without reading the workspace again', async () => {
  const workspace = new InMemoryWorkspace(seedFiles());
  const service = createLanguageService({ workspace });
  await service.indexWorkspace();
  const before = new Map(service.index.paths().map((p) => [p, service.index.get(p)!]));
  workspace.reads.length = 0;
  const edited = 'seeds/000_2f961fad0641e483.txt';
  service.updateDocument(edited, `${before.get(edited)!.path}\nA new line.`);
  assert.equal(workspace.reads.length, 0, 'no document read from the workspace');
  for (const [p, analysis] of before) {
    if (p === edited) assert.notEqual(service.index.get(p), analysis);
    else assert.equal(service.index.get(p), analysis, `${p} was not re-analysed`);
  }
});

test('an empty document is indexed with a problem noted, and removing a document drops it', async () => {
  const workspace = new InMemoryWorkspace(new Map([['a.txt', ''], ['b.txt', 'Officials said the port was shelled.']]));
  const service = createLanguageService({ workspace });
  await service.indexWorkspace();
  assert.deepEqual(service.index.get('a.txt')!.problems, ['the file is empty']);
  service.removeDocument('b.txt');
  assert.deepEqual(service.index.paths(), ['a.txt']);
});

test('the workspace file sets severities; "off" removes a rule', async () => {
  const service = createLanguageService({ workspace: new InMemoryWorkspace(seedFiles()) });
  const problems = await service.setWorkspaceFile(JSON.stringify({ diagnostics: { severity: { 'unsourced-claim': 'off', 'vague-attribution': 'off', contradiction: 'off' } } }));
  assert.deepEqual(problems, []);
  await service.indexWorkspace();
  assert.equal(service.stats().findings, 0);
});

test('the actors section of the workspace file reaches the engine: added actors, descriptions, ignored names', async () => {
  const service = createLanguageService({ workspace: new InMemoryWorkspace(seedFiles()) });
  const problems = await service.setWorkspaceFile(
    JSON.stringify({ actors: { add: [{ name: 'Steve Witkoff', kind: 'person', aliases: ['Witkoff'], description: 'US special envoy' }], ignore: ['Bloomberg'] } }),
  );
  assert.deepEqual(problems, []);
  await service.indexWorkspace();
  const witkoff = service.index.actors.actors.find((a) => a.name === 'Steve Witkoff');
  assert.equal(witkoff?.description, 'US special envoy');
  assert.equal(witkoff?.kind, 'person');
  assert.ok(!service.index.actors.actors.some((a) => a.name === 'Bloomberg'), 'an ignored name is no actor');
  const before = service.index.actors.actors.length;
  assert.deepEqual(await service.setWorkspaceFile(JSON.stringify({ actors: { add: 'nope' } })), ['.corpus-lens.json: actors.add must be a list']);
  await service.indexWorkspace();
  assert.ok(service.index.actors.actors.some((a) => a.name === 'Bloomberg'), 'back to the built-in lexicon');
  assert.notEqual(service.index.actors.actors.length, 0);
  void before;
});
