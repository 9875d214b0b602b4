import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { builtinLexicon } from '../../../server/src/engine/actors/lexicon';
import { analyzeDocument } from '../../../server/src/engine/analyzeDocument';
import { textsOfText } from '../../../server/src/engine/analysisAgain';
import { singleSpaced } from '../../../server/src/engine/actors/names';
import { claimQuote } from '../../../server/src/engine/corpus/claimQuote';
import { compactAnalysis } from '../../../server/src/engine/corpus/compactAnalysis';
import { PERSISTED_ANALYSES_FILE } from '../../../server/src/engine/corpus/persistedIndex';
import { LanguageService } from '../../../server/src/engine/languageService';
import { definingMention } from '../../../server/src/engine/queries';
import { findWorkerScript } from '../../../server/src/engine/worker/analysisPool';
import { InMemoryWorkspace, type Logger } from '../../../server/src/engine/workspace';

const SEEDS = path.resolve(__dirname, '../../../../seeds');
const seeds = readdirSync(SEEDS).map((f) => [`/corpus/${f}`, readFileSync(path.join(SEEDS, f), 'utf8')] as [string, string]);
const skip = !findWorkerScript() && 'dist/analysisWorker.js not built';

/** The seed articles three times over (the copies differ by path only). */
function corpus(): Map<string, string> {
  const files = new Map<string, string>();
  for (let copy = 0; copy < 3; copy++) for (const [id, text] of seeds) files.set(id.replace('/corpus/', `/corpus/${copy}/`), text);
  return files;
}

function warnings(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: () => {}, warn: (m) => lines.push(m) };
}

/** A service indexing on a worker with a storage folder (a file-backed store, as in the editor), and the same corpus indexed in memory. */
async function indexed(files = corpus()) {
  const storage = mkdtempSync(path.join(tmpdir(), 'corpus-lens-again-'));
  const workspace = new InMemoryWorkspace(new Map(files));
  const logger = warnings();
  const service = new LanguageService({ workspace, storagePath: storage, workers: 1, logger });
  await service.indexWorkspace();
  await service.persisted();
  const reference = new LanguageService({ workspace: new InMemoryWorkspace(new Map(files)), workers: 0 });
  await reference.indexWorkspace();
  return { storage, workspace, logger, service, reference, done: () => rmSync(storage, { recursive: true, force: true }) };
}

test('bulk indexing keeps no analysis line in the file store; a request has the document analysed again from its text, the same analysis', { skip }, async () => {
  const { storage, workspace, logger, service, reference, done } = await indexed();
  try {
    const paths = service.index.paths().sort();
    assert.equal(paths.length, 15);
    for (const p of paths) assert.ok(service.index.store.residentLocationOf(p), `${p}: its resident line is written (for the next start)`);
    // the worker's documents have no analysis line; the first of each batch went through the edit path here (see indexDocuments), which writes one
    const notStored = paths.filter((p) => service.index.store.locationOf(p) === undefined);
    assert.ok(notStored.length >= paths.length - 2, `${notStored.length} of ${paths.length} without an analysis line`);
    const analysesBytes = statSync(path.join(storage, PERSISTED_ANALYSES_FILE)).size;
    // quoting another document's claim (actor cards, a claim's other statements, workspace symbols) reads its text, analyses nothing
    const readsForQuotes = workspace.reads.length;
    for (const p of paths) {
      reference.index.get(p)!.claims.forEach((_, index) => assert.deepEqual(claimQuote(service.index, { path: p, index }), claimQuote(reference.index, { path: p, index }), `${p}#${index}`));
    }
    for (const actor of reference.index.actors.actors) assert.deepEqual(service.index.views.firstClaims(service.index.actors.byId.get(actor.id)!, 3), reference.index.views.firstClaims(actor, 3), actor.id);
    // the mention that spells an actor's full name (go to definition, workspace symbols): read from the texts too
    for (const actor of reference.index.actors.actors) assert.deepEqual(definingMention(service.index, service.index.actors.byId.get(actor.id)!), definingMention(reference.index, actor), actor.id);
    assert.deepEqual([...new Set(workspace.reads.slice(readsForQuotes))].sort(), notStored.filter((p) => reference.index.get(p)!.claims.length > 0 || reference.index.get(p)!.mentions.length > 0));
    assert.ok(notStored.every((p) => !service.index.store.has(p)), 'no analysis made to quote claims or find the defining mentions');
    const readsBefore = workspace.reads.length;
    for (const p of paths) assert.deepEqual(service.index.get(p), reference.index.get(p), p);
    assert.deepEqual(workspace.reads.slice(readsBefore).sort(), notStored, 'each document without an analysis line read once more, to be analysed again');
    // kept among the recently used: a second request reads nothing
    for (const p of paths) service.index.get(p);
    assert.equal(workspace.reads.length - readsBefore, notStored.length);
    assert.equal(statSync(path.join(storage, PERSISTED_ANALYSES_FILE)).size, analysesBytes, 'nothing written for an analysis made again');
    assert.deepEqual(logger.lines, []);
    // requests that read other documents in full: a claim's statements in other articles, diagnostics
    for (const p of paths) assert.deepEqual(service.findings(p), reference.findings(p), `${p}: findings`);
  } finally {
    done();
  }
});

test('an edit patches the joins from the resident parts: the old version is not read again', { skip }, async () => {
  const { workspace, service, reference, done } = await indexed();
  try {
    const [p, text] = [...corpus()][0];
    void service.index.actors; // the joins, made: the edit patches them
    void reference.index.actors;
    const readsBefore = workspace.reads.length;
    const edited = `${text}\n\nEmmanuel Macron and Olaf Scholz spoke with Vladimir Putin on Friday.\n`;
    service.updateDocument(p, edited);
    reference.updateDocument(p, edited);
    assert.equal(workspace.reads.length, readsBefore, 'no document read to patch the joins');
    const names = (s: LanguageService) => s.index.actors.actors.map((a) => `${a.name}: ${a.mentions.length}`).sort();
    assert.deepEqual(names(service), names(reference));
    assert.ok(names(service).some((n) => n.startsWith('Olaf Scholz')), 'a name new to the corpus is an actor at once');
  } finally {
    done();
  }
});

test('a document changed on disk since it was indexed: an empty analysis stands in, the warning names it, and it is read again', { skip }, async () => {
  const { workspace, logger, service, done } = await indexed();
  try {
    const [p] = [...corpus()][1];
    const changed = 'Vladimir Putin met Joe Biden in Geneva on 16 June 2021, the Kremlin said.\n';
    workspace.set(p, changed);
    const standIn = service.index.get(p)!;
    assert.deepEqual([standIn.path, standIn.mentions.length, standIn.claims.length], [p, 0, 0]);
    assert.ok(logger.lines.some((l) => l.includes(p) && l.includes('changed since it was indexed')), logger.lines.join('\n'));
    await service.repaired();
    assert.deepEqual(service.index.get(p), compactAnalysis(analyzeDocument(p, changed, { lexicon: builtinLexicon() })));
    // a document removed meanwhile: the same stand-in, then it is skipped with the reason
    const [gone] = [...corpus()][2];
    workspace.delete(gone);
    assert.equal(service.index.get(gone)!.mentions.length, 0);
    await service.repaired();
    assert.equal(service.index.has(gone), false);
    assert.equal(service.skipped.get(gone), 'no such document');
  } finally {
    done();
  }
});

test('a warm start from an index saved without analysis lines analyses nothing, and answers from the texts', { skip }, async () => {
  const { storage, workspace, reference, done } = await indexed();
  try {
    const warm = new LanguageService({ workspace, storagePath: storage, workers: 1 });
    const report = await warm.indexWorkspace();
    assert.deepEqual([report.documents, report.analysed], [15, 0]);
    for (const p of reference.index.paths()) assert.deepEqual(warm.index.get(p), reference.index.get(p), p);
  } finally {
    done();
  }
});

test("a claim's or a mention's text read from its document's text is the analysis' own: hard-wrapped lines, CRLF, blanked markup", () => {
  const lexicon = builtinLexicon();
  const variants = seeds.flatMap(([id, text]) => [
    [id, text],
    [`${id}.crlf`, text.replace(/\r?\n/g, '\r\n')],
    [`${id}.marked`, `---\ndate: 2025-03-01\n---\n${text.replace(/\n\n/, '\n\n<!-- corpus-lens-disable-next-line -->\n')}`],
  ]);
  let claims = 0;
  for (const [id, text] of variants) {
    const analysis = analyzeDocument(id, text, { lexicon });
    claims += analysis.claims.length;
    assert.deepEqual(textsOfText(text, analysis.claims), analysis.claims.map((c) => c.text), id);
    assert.deepEqual(textsOfText(text, analysis.mentions).map(singleSpaced), analysis.mentions.map((m) => m.text), id);
  }
  assert.ok(claims > 3 * 40, `${claims} claims compared`);
});

test('opening a document analyses the text the editor gives (no read), and an open document stays analysed until it is closed', { skip }, async () => {
  const files = new Map<string, string>();
  for (let copy = 0; copy < 10; copy++) for (const [id, text] of seeds) files.set(id.replace('/corpus/', `/corpus/${copy}/`), text);
  const { workspace, service, reference, done } = await indexed(files);
  try {
    const paths = service.index.paths().filter((p) => !service.index.store.has(p)).sort();
    assert.ok(paths.length > 40, `${paths.length} documents without an analysis line`);
    const readsBefore = workspace.reads.length;
    // more open documents than analyses kept for the others (32)
    for (const p of paths) {
      assert.deepEqual(service.updateDocument(p, files.get(p)!), reference.index.get(p));
      service.index.store.keepOpen(p, true);
    }
    for (const p of paths) assert.deepEqual(service.index.get(p), reference.index.get(p));
    assert.equal(workspace.reads.length, readsBefore, 'opening gives the text; open documents stay analysed');
    // closed, they are analyses like any other: only the most recently used stay
    for (const p of paths) service.index.store.keepOpen(p, false);
    for (const p of paths) service.index.get(p);
    assert.ok(workspace.reads.length > readsBefore, 'closed documents are analysed again once they are no longer among the recently used');
  } finally {
    done();
  }
});

test('quoting claims of a document changed on disk reads it once and warns once, until it is read again', { skip }, async () => {
  const { workspace, logger, service, done } = await indexed();
  try {
    const [p] = [...corpus()][3];
    const claims = service.index.resident(p)!.statementKeys.length / 2;
    assert.ok(claims > 1);
    workspace.set(p, 'Vladimir Putin met Joe Biden in Geneva on 16 June 2021.\n');
    const readsBefore = workspace.reads.length;
    for (let index = 0; index < claims; index++) assert.equal(service.index.claimText({ path: p, index }), undefined);
    assert.equal(workspace.reads.length - readsBefore, 1, 'read once while it waits to be read again');
    assert.equal(logger.lines.filter((l) => l.includes(p)).length, 1, logger.lines.join('\n'));
    await service.repaired();
    assert.equal(service.index.claimText({ path: p, index: 0 }), service.index.get(p)!.claims[0].text);
  } finally {
    done();
  }
});

test("an actor whose name as the table holds it is never written so: its defining mention is its first, found reading at most 64 documents' texts", { skip }, async () => {
  const files = new Map<string, string>();
  for (let i = 0; i < 100; i++) files.set(`/corpus/brasilia-${String(i).padStart(3, '0')}.txt`, `Talks in Brasília\n\nOfficials met in Brasília on Monday, the ministry said. Talks resume in Brasília next week.\n`);
  const { workspace, service, done } = await indexed(files);
  try {
    const actor = service.index.actors.actors.find((a) => a.name === 'Brasilia');
    assert.ok(actor, `the capital is an actor: ${service.index.actors.actors.map((a) => a.name).join(', ')}`);
    const reads = workspace.reads.length;
    const defining = definingMention(service.index, actor);
    assert.deepEqual(defining, service.index.views.sortedMentions(actor)[0], 'no mention spells "Brasilia": the first stands');
    const read = new Set(workspace.reads.slice(reads)).size;
    assert.ok(read > 0 && read <= 64, `${read} documents read`);
  } finally {
    done();
  }
});
