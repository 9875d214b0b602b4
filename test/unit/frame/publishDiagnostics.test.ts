/**
 * The diagnostics publisher recomputes documents in slices that give way to the event loop (a whole
 * pass at 100k articles takes seconds), and still publishes every document's diagnostics.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';
import { createLanguageService } from '../../../server/src/engine/languageService';
import { InMemoryWorkspace } from '../../../server/src/engine/workspace';
import { diagnosticsFor } from '../../../server/src/features/diagnostics';
import { DiagnosticsPublisher } from '../../../server/src/features/publishDiagnostics';

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
