/**
 * The diagnostics publisher recomputes documents in slices that give way to the event loop (a whole
 * pass at 100k articles takes seconds), and still publishes every document's diagnostics, or the open
 * documents' only when the scope says so.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';
import { createLanguageService } from '../../../server/src/engine/languageService';
import { InMemoryWorkspace } from '../../../server/src/engine/workspace';
import { diagnosticsFor } from '../../../server/src/features/diagnostics';
import { AUTO_WORKSPACE_LIMIT, DiagnosticsPublisher, sendsWholeWorkspace } from '../../../server/src/features/publishDiagnostics';

const SEEDS = path.resolve(__dirname, '../../../../seeds');

test('a whole pass is published in slices (the event loop turns between them), every document once, and the status count follows', async () => {
  const files = new Map<string, string>(readdirSync(SEEDS).map((f) => [f, readFileSync(path.join(SEEDS, f), 'utf8')]));
  const service = createLanguageService({ workspace: new InMemoryWorkspace(files) });
  await service.indexWorkspace();
  const sent: PublishDiagnosticsParams[] = [];
  const connection = { sendDiagnostics: async (p: PublishDiagnosticsParams) => void sent.push(p) } as unknown as Connection;
  let finished: () => void = () => {};
  const done = new Promise<void>((resolve) => (finished = resolve));
  // slices of 0 ms: one document, then a turn of the event loop
  const publisher = new DiagnosticsPublisher(connection, service, () => finished(), 150, 0);
  publisher.publishAll();
  assert.equal(sent.length, 1, 'one document before the first turn of the event loop');
  await new Promise((resolve) => setImmediate(resolve));
  assert.ok(sent.length < service.index.paths().length, `the event loop turned before the pass ended (${sent.length} published)`);
  await done;
  assert.deepEqual(sent.map((p) => p.uri).sort(), [...service.index.paths()].sort());
  for (const p of sent) assert.deepEqual(p.diagnostics, diagnosticsFor(service, p.uri));
  const total = sent.reduce((n, p) => n + p.diagnostics.length, 0);
  assert.ok(total > 5);
  assert.equal(service.stats().findings, total);
});

const PORT_A = 'Port strike turns deadly\n\nThe dock strike in Rotterdam killed 40 people on Monday, police said. Unions blamed the port authority.\n';
const PORT_B = 'Calm returns to the port\n\nTwelve people died in the dock strike in Rotterdam on Monday, the city council said. Talks resume this week.\n';

test('when edits settle and the joins are made again, only the edited documents and those with contradictions are recomputed, and what is published matches a full recompute', async () => {
  const files = new Map<string, string>(readdirSync(SEEDS).map((f) => [f, readFileSync(path.join(SEEDS, f), 'utf8')]));
  files.set('port-a.txt', PORT_A).set('port-b.txt', PORT_B);
  const service = createLanguageService({ workspace: new InMemoryWorkspace(files) });
  await service.indexWorkspace();
  const latest = new Map<string, PublishDiagnosticsParams['diagnostics']>();
  const connection = { sendDiagnostics: async (p: PublishDiagnosticsParams) => void latest.set(p.uri, p.diagnostics) } as unknown as Connection;
  const recomputed: string[] = [];
  const note = service.noteFindingCount.bind(service);
  service.noteFindingCount = (id: string, n: number) => (recomputed.push(id), note(id, n));
  let finished: () => void = () => {};
  const pass = (start: () => void) => new Promise<void>((resolve) => ((finished = resolve), start()));
  const publisher = new DiagnosticsPublisher(connection, service, () => finished(), 0);
  const publishedMatchesFullRecompute = () => {
    for (const uri of service.index.paths()) assert.deepEqual(latest.get(uri) ?? [], diagnosticsFor(service, uri), uri);
  };
  const contradictionsOn = (uri: string) => (latest.get(uri) ?? []).filter((d) => d.code === 'contradiction').length;

  await pass(() => publisher.publishAll());
  assert.equal(recomputed.length, files.size, 'after indexing, every document');
  assert.ok(contradictionsOn('port-a.txt') > 0 && contradictionsOn('port-b.txt') > 0, 'the two port articles contradict each other');
  publishedMatchesFullRecompute();

  // an edit of a seed article that adds a statement about an actor, once the joins are made again
  const seed = [...files.keys()].sort()[0];
  recomputed.length = 0;
  service.updateDocument(seed, `${files.get(seed)}\nThe Kremlin said on Tuesday that NATO had moved 500 soldiers to Estonia.\n`);
  const joinsBefore = service.index.joinVersion;
  assert.ok(await service.index.settleInSlices(), 'the joins were made again');
  assert.notEqual(service.index.joinVersion, joinsBefore);
  await pass(() => publisher.schedule());
  assert.deepEqual([...new Set(recomputed)].sort(), [seed, 'port-a.txt', 'port-b.txt'].sort(), 'the edited article and the two with a contradiction, not the other seeds');
  publishedMatchesFullRecompute();

  // an edit that ends the contradiction: the other article loses its finding too
  recomputed.length = 0;
  service.updateDocument('port-b.txt', PORT_B.replace('Twelve people died', 'Forty people died'));
  await service.index.settleInSlices();
  await pass(() => publisher.schedule());
  assert.equal(contradictionsOn('port-a.txt'), 0);
  assert.equal(contradictionsOn('port-b.txt'), 0);
  assert.ok(!recomputed.some((uri) => files.has(uri) && !uri.startsWith('port-')), 'no seed article recomputed');
  publishedMatchesFullRecompute();

  // a file that appears and cannot be read: its warning is published with the next pass, no re-join needed
  (files as Map<string, string | { error: string }>).set('scan.txt', { error: 'is not text (binary content)' });
  await service.refreshDocument('scan.txt');
  await pass(() => publisher.schedule());
  assert.deepEqual(latest.get('scan.txt')?.map((d) => d.code), ['file-skipped']);
});

test('with the open documents only in scope, only theirs are sent; opening and closing one sends and clears it; every finding is still counted', async () => {
  assert.ok(sendsWholeWorkspace('auto', AUTO_WORKSPACE_LIMIT) && !sendsWholeWorkspace('auto', AUTO_WORKSPACE_LIMIT + 1), 'auto: the whole corpus up to the limit');
  assert.ok(sendsWholeWorkspace('workspace', 10 ** 6) && !sendsWholeWorkspace('openDocuments', 1));
  const files = new Map<string, string>(readdirSync(SEEDS).map((f) => [f, readFileSync(path.join(SEEDS, f), 'utf8')]));
  const service = createLanguageService({ workspace: new InMemoryWorkspace(files) });
  await service.indexWorkspace();
  const everyFinding = [...files.keys()].reduce((n, uri) => n + diagnosticsFor(service, uri).length, 0);
  // the seed articles with findings first
  const seeds = [...files.keys()].sort((a, b) => Number(diagnosticsFor(service, a).length === 0) - Number(diagnosticsFor(service, b).length === 0) || (a < b ? -1 : 1));
  assert.ok(diagnosticsFor(service, seeds[1]).length > 0, 'two seed articles with findings');
  const sent: PublishDiagnosticsParams[] = [];
  const connection = { sendDiagnostics: async (p: PublishDiagnosticsParams) => void sent.push(p) } as unknown as Connection;
  let finished: () => void = () => {};
  const pass = (start: () => void) => new Promise<void>((resolve) => ((finished = resolve), start()));
  const publisher = new DiagnosticsPublisher(connection, service, () => finished(), 0);
  const open = new Set([seeds[0]]);
  publisher.setScope('openDocuments', (uri) => open.has(uri));

  await pass(() => publisher.publishAll());
  assert.equal(publisher.sendsWholeWorkspace, false);
  assert.deepEqual(sent.map((p) => p.uri), [seeds[0]]);
  assert.deepEqual(sent[0].diagnostics, diagnosticsFor(service, seeds[0]));
  assert.ok(sent[0].diagnostics.length > 0 && sent[0].diagnostics.length < everyFinding);
  assert.equal(service.stats().findings, everyFinding, 'the status bar counts every document, sent or not');

  sent.length = 0;
  open.add(seeds[1]);
  publisher.documentOpenedOrClosed(seeds[1]);
  open.delete(seeds[0]);
  publisher.documentOpenedOrClosed(seeds[0]);
  await pass(() => {});
  const last = new Map(sent.map((p) => [p.uri, p.diagnostics]));
  assert.deepEqual([...last.keys()].sort(), [seeds[0], seeds[1]]);
  assert.deepEqual(last.get(seeds[0]), [], 'the closed document is cleared');
  assert.deepEqual(last.get(seeds[1]), diagnosticsFor(service, seeds[1]), 'the opened one is sent');

  sent.length = 0;
  publisher.setScope('workspace', (uri) => open.has(uri));
  await pass(() => publisher.publishAll());
  assert.equal(publisher.sendsWholeWorkspace, true);
  assert.deepEqual(sent.map((p) => p.uri).sort(), [...files.keys()].filter((uri) => uri !== seeds[1]).sort(), 'the whole corpus (the open document was sent already, unchanged)');
  for (const p of sent) assert.deepEqual(p.diagnostics, diagnosticsFor(service, p.uri));
});
