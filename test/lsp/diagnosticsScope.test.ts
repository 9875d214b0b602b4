/**
 * `corpusLens.diagnostics.scope` over the protocol: with the open documents only in scope, the
 * server sends an article's diagnostics when it is opened and clears them when it is closed, sends
 * none for the articles not open, and sends every article's once the setting says the workspace.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SEEDS, startSession, uriOf, type Session } from './lspSession';

const S003 = path.join(SEEDS, '003_05eff9d5d1b361e9.txt');
const seedUris = readdirSync(SEEDS).map((f) => uriOf(path.join(SEEDS, f)));

describe('language server, diagnostics of the open documents only', () => {
  let s: Session;
  const settings = { diagnostics: { scope: 'openDocuments' } };
  before(async () => {
    s = await startSession(SEEDS, settings);
    await s.waitForIndex();
  });
  after(() => s.close());

  test('an article opened gets its diagnostics, and loses them when closed; the others get none', async () => {
    const uri = uriOf(S003);
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'corpus-article', version: 1, text: readFileSync(S003, 'utf8') } });
    await s.waitForDiagnostics((all) => (all.get(uri)?.diagnostics.length ?? 0) > 0);
    await s.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await s.waitForDiagnostics((all) => all.get(uri)?.diagnostics.length === 0);
    for (const other of seedUris.filter((u) => u !== uri)) assert.deepEqual(s.diagnostics.get(other)?.diagnostics ?? [], [], other);
    const status = await s.connection.sendRequest<{ findings: number; diagnosticsSent: string }>('corpusLens/status');
    assert.equal(status.diagnosticsSent, 'openDocuments', 'the status says whose diagnostics are sent');
    assert.ok(status.findings > 0, "every article's findings are counted");
  });

  test('once the setting says the workspace, every article gets its diagnostics, open or not', async () => {
    settings.diagnostics.scope = 'workspace';
    await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await s.waitForDiagnostics((all) => seedUris.every((u) => all.has(u)) && (all.get(uriOf(S003))?.diagnostics.length ?? 0) > 0);
    const status = await s.connection.sendRequest<{ diagnosticsSent: string }>('corpusLens/status');
    assert.equal(status.diagnosticsSent, 'workspace');
  });
});
