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
