import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { engineFingerprint, loadPersistedIndex, PERSISTED_ANALYSES_FILE, PERSISTED_FILE, PERSISTED_VERSION, savePersistedIndex } from '../../../server/src/engine/corpus/persistedIndex';
import { LanguageService } from '../../../server/src/engine/languageService';
import { InMemoryWorkspace } from '../../../server/src/engine/workspace';

const SEEDS = path.resolve(__dirname, '../../../../seeds');
const seedFiles = () => new Map(readdirSync(SEEDS).map((f) => [`/corpus/${f}`, readFileSync(path.join(SEEDS, f), 'utf8')] as [string, string]));
/** Indexes, then waits for the index to be saved (indexing saves it after the index is ready). */
async function indexAndSave(service: LanguageService) {
  const report = await service.indexWorkspace();
  await service.persisted();
  return report;
}

const made: string[] = [];
const tmp = () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'corpus-lens-persist-'));
  made.push(folder);
  return folder;
};
after(() => {
  for (const folder of made) rmSync(folder, { recursive: true, force: true });
});

test('saving the index removes the files of every earlier format version', async () => {
  const storage = tmp();
  const older = [`corpus-index.v${PERSISTED_VERSION - 1}.jsonl`, `corpus-analyses.v${PERSISTED_VERSION - 1}.jsonl`, 'corpus-index.v1.jsonl'];
  for (const name of older) writeFileSync(path.join(storage, name), '{}\n');
  await indexAndSave(new LanguageService({ workspace: new InMemoryWorkspace(seedFiles()), storagePath: storage }));
  assert.deepEqual(older.filter((name) => existsSync(path.join(storage, name))), []);
  assert.ok(existsSync(path.join(storage, PERSISTED_FILE)));
});

test('warm start: a second service loads the persisted index and analyses nothing that did not change', async () => {
  const storage = tmp();
  const files = seedFiles();
  const first = new LanguageService({ workspace: new InMemoryWorkspace(new Map(files)), storagePath: storage });
  const cold = await indexAndSave(first);
  assert.equal(cold.analysed, files.size);

  const ws = new InMemoryWorkspace(new Map(files));
  const second = new LanguageService({ workspace: ws, storagePath: storage });
  assert.equal(await second.loadPersisted(), files.size);
  const [someId] = files.keys();
  assert.deepEqual(second.index.get(someId), JSON.parse(JSON.stringify(first.index.get(someId))), 'the loaded analysis equals the one persisted');
  ws.set(someId, `${files.get(someId)}\n\nA new closing paragraph, added later.\n`);
  const warm = await indexAndSave(second);
  assert.equal(warm.analysed, 1, 'only the edited document is analysed again');
  assert.equal(warm.documents, files.size);
});

test('a warm start with nothing changed runs the edit path once to compile it, and changes nothing: index, joins and files as loaded', async () => {
  const storage = tmp();
  const files = seedFiles();
  await indexAndSave(new LanguageService({ workspace: new InMemoryWorkspace(new Map(files)), storagePath: storage }));
  const filesBefore = readdirSync(storage).map((f) => [f, readFileSync(path.join(storage, f), 'utf8')]);
  const warm = new LanguageService({ workspace: new InMemoryWorkspace(new Map(files)), storagePath: storage });
  await warm.loadPersisted();
  const [version, joinVersion] = [warm.index.version, warm.index.joinVersion];
  const report = await indexAndSave(warm);
  assert.equal(report.analysed, 0);
  assert.deepEqual([warm.index.version, warm.index.joinVersion, warm.index.provisional], [version, joinVersion, false], 'the index is as loaded');
  assert.deepEqual(readdirSync(storage).map((f) => [f, readFileSync(path.join(storage, f), 'utf8')]), filesBefore, 'nothing written');
});

test('the index answers before it is saved; saves asked for meanwhile run one after another, each with the index as it is then', async () => {
  const storage = tmp();
  const files = seedFiles();
  const warnings: string[] = [];
  const cold = new LanguageService({ workspace: new InMemoryWorkspace(new Map(files)), storagePath: storage, logger: { info: () => {}, warn: (m) => warnings.push(m) } });
  await cold.indexWorkspace();
  assert.equal(cold.isPartial, false, 'the index is ready');
  // more saves while the first may still be writing, one before an edit and one after (they share a temporary file: run together they would break it)
  const saves = [cold.persistIndex()];
  const [first] = files.keys();
  cold.updateDocument(first, `${files.get(first)}\n\nMr. Zelensky met Chancellor Merz in Berlin on Monday.\n`);
  saves.push(cold.persistIndex());
  await Promise.all([...saves, cold.persisted()]);
  assert.deepEqual(warnings, []);
  assert.deepEqual(readdirSync(storage).filter((f) => f.endsWith('.tmp')), [], 'no temporary file is left');
  const warm = new LanguageService({ workspace: new InMemoryWorkspace(new Map(files)), storagePath: storage });
  assert.equal(await warm.loadPersisted(), files.size);
  assert.deepEqual(warm.index.get(first), JSON.parse(JSON.stringify(cold.index.get(first))), 'the edited document, as the last save had it');
});

test('a corrupt persisted index is deleted and rebuilt; a stale one is ignored', async () => {
  const storage = tmp();
  const files = seedFiles();
  await indexAndSave(new LanguageService({ workspace: new InMemoryWorkspace(new Map(files)), storagePath: storage }));
  const file = path.join(storage, PERSISTED_FILE);
  const lines = readFileSync(file, 'utf8').split('\n');
  writeFileSync(file, `${lines[0]}\n${lines[1].slice(0, 40)}\n`);
  const again = new LanguageService({ workspace: new InMemoryWorkspace(new Map(files)), storagePath: storage });
  assert.equal(await again.loadPersisted(), 0);
  assert.equal((await indexAndSave(again)).analysed, files.size);
  assert.ok('stale' in (await loadPersistedIndex(storage, 'another-engine')));
});

test('a truncated file (fewer entries than its header says) is not trusted', async () => {
  const storage = tmp();
  await savePersistedIndex(storage, 'e', 'some-id', [], 3);
  const loaded = await loadPersistedIndex(storage, 'e');
  assert.ok('corrupt' in loaded);
});

test('warm start joins actors before any analysis is parsed, exactly as a cold start does', async () => {
  const storage = tmp();
  const files = seedFiles();
  const cold = new LanguageService({ workspace: new InMemoryWorkspace(new Map(files)), storagePath: storage });
  await indexAndSave(cold);
  const warm = new LanguageService({ workspace: new InMemoryWorkspace(new Map(files)), storagePath: storage });
  await warm.loadPersisted();
  const summary = (s: LanguageService) => s.index.actors.actors.map((a) => ({ id: a.id, name: a.name, aliases: a.aliases, mentions: a.mentions.length }));
  assert.deepEqual(summary(warm), summary(cold));
  assert.deepEqual(warm.index.claims.clusters, cold.index.claims.clusters);
  assert.deepEqual([...warm.index.documents()].map((d) => d.path), [...cold.index.documents()].map((d) => d.path));
});

test('an analysis whose stored bytes are unreadable is analysed again, the others are kept', async () => {
  const storage = tmp();
  const files = seedFiles();
  const cold = new LanguageService({ workspace: new InMemoryWorkspace(new Map(files)), storagePath: storage });
  await indexAndSave(cold);
  const indexLines = readFileSync(path.join(storage, PERSISTED_FILE), 'utf8').split('\n').filter(Boolean).slice(1);
  const damaged = (indexLines.map((l) => JSON.parse(l) as { p?: string }).find((l) => l.p) as { p: string }).p;
  const file = path.join(storage, PERSISTED_ANALYSES_FILE);
  const lines = readFileSync(file, 'utf8').split('\n');
  assert.ok(lines[1].startsWith('{"path":'), 'the first analysis is on the line after the header');
  lines[1] = lines[1].replace('{"path":', '{"PATH":');
  writeFileSync(file, lines.join('\n'));
  const again = new LanguageService({ workspace: new InMemoryWorkspace(new Map(files)), storagePath: storage });
  assert.equal(await again.loadPersisted(), files.size);
  assert.equal((await indexAndSave(again)).analysed, 0, 'the stored analyses were all current by their keys');
  assert.equal(again.index.size, files.size);
  // the damage shows when the analysis is first read (its resident part was read instead during the warm start)
  assert.equal(again.index.get(damaged)!.claims.length, 0, 'an unreadable analysis stands as an empty one meanwhile');
  await again.repaired();
  assert.deepEqual(again.index.get(damaged), JSON.parse(JSON.stringify(cold.index.get(damaged))), 'the damaged one was analysed again');
  for (const p of files.keys()) assert.deepEqual(again.index.get(p), JSON.parse(JSON.stringify(cold.index.get(p))));
});

test('an analyses file that does not belong to the index file is not trusted', async () => {
  const storage = tmp();
  await savePersistedIndex(storage, 'e', 'some-id', [], 0);
  writeFileSync(path.join(storage, PERSISTED_ANALYSES_FILE), '{"format":"corpus-lens-analyses","id":"another"}\n');
  assert.ok('corrupt' in (await loadPersistedIndex(storage, 'e')));
  assert.ok('missing' in (await loadPersistedIndex(storage, 'e')), 'both files were deleted');
});

test('a resident part whose stored bytes are unreadable is made from the analysis instead', async () => {
  const storage = tmp();
  const files = seedFiles();
  const cold = new LanguageService({ workspace: new InMemoryWorkspace(new Map(files)), storagePath: storage });
  await indexAndSave(cold);
  const file = path.join(storage, PERSISTED_ANALYSES_FILE);
  const lines = readFileSync(file, 'utf8').split('\n');
  const residentLine = lines.findIndex((l, i) => i > 0 && l.includes('"statementKeys"'));
  lines[residentLine] = lines[residentLine].replace('{"path":', '{"PATH":');
  writeFileSync(file, lines.join('\n'));
  const again = new LanguageService({ workspace: new InMemoryWorkspace(new Map(files)), storagePath: storage });
  await again.loadPersisted();
  assert.equal((await indexAndSave(again)).analysed, 0);
  assert.deepEqual(again.index.claims.clusters, cold.index.claims.clusters);
  assert.deepEqual(again.findings([...files.keys()][0]), cold.findings([...files.keys()][0]));
});

test('the index file writes each distinct entity once, and reads back the contributions the actor join had', async () => {
  const storage = tmp();
  const files = seedFiles();
  for (const [p, text] of [...files]) files.set(p.replace('.txt', '-copy.txt'), text);
  const cold = new LanguageService({ workspace: new InMemoryWorkspace(new Map(files)), storagePath: storage });
  await indexAndSave(cold);
  const lines = readFileSync(path.join(storage, PERSISTED_FILE), 'utf8').split('\n').filter(Boolean).slice(1);
  const definitions = lines.filter((l) => l.startsWith('{"E":')).length;
  const loaded = await loadPersistedIndex(storage, engineFingerprint());
  assert.ok('entries' in loaded);
  const uses = loaded.entries.reduce((n, e) => n + e.contribution.entities.length, 0);
  assert.ok(definitions <= uses / 2, `each copy's entities are written once (${definitions} definitions for ${uses} uses)`);
  for (const e of loaded.entries) assert.deepEqual(e.contribution, JSON.parse(JSON.stringify(cold.index.contribution(e.contribution.path))));
});

test('a warm start restores the persisted actor join as it was: actors with their mentions, each entity\'s actor and inference', async () => {
  const storage = tmp();
  const files = seedFiles();
  const cold = new LanguageService({ workspace: new InMemoryWorkspace(new Map(files)), storagePath: storage });
  await indexAndSave(cold);
  const loaded = await loadPersistedIndex(storage, engineFingerprint());
  assert.ok('entries' in loaded && loaded.actors, 'the join was persisted');
  const warm = new LanguageService({ workspace: new InMemoryWorkspace(new Map(files)), storagePath: storage });
  await warm.loadPersisted();
  const a = cold.index.actors;
  const b = warm.index.actors;
  assert.deepEqual(b.actors, a.actors);
  for (const p of files.keys()) {
    const entities = cold.index.contribution(p)!.entities.length;
    for (let e = 0; e < entities; e++) {
      assert.equal(b.actorOf(p, e), a.actorOf(p, e));
      assert.deepEqual(b.inference(p, e), a.inference(p, e));
    }
  }
  // an edit after the warm start patches the restored join as it would a fresh one
  const [first] = files.keys();
  warm.updateDocument(first, `${files.get(first)}\n\nMr. Zelensky met Chancellor Merz in Berlin on Monday.\n`);
  assert.ok(warm.index.actors.actors.length >= a.actors.length);
});
