/**
 * The editor gives the server a storage folder; the second start answers from the persisted index.
 * Every feature must answer the same after a warm start as after a cold one.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import type { CodeLens, Hover } from 'vscode-languageserver-protocol';
import { SEEDS, startSession, uriOf, type Session } from './lspSession';

const U003 = uriOf(path.join(SEEDS, '003_05eff9d5d1b361e9.txt'));
const storage = mkdtempSync(path.join(tmpdir(), 'corpus-lens-storage-'));
after(() => rmSync(storage, { recursive: true, force: true }));

async function answers(s: Session) {
  await s.waitForIndex();
  await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: U003, languageId: 'corpus-article', version: 1, text: readFileSync(new URL(U003), 'utf8') } });
  const hover = await s.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: U003 }, position: { line: 1, character: 6 } });
  const lenses = await s.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: U003 } });
  const tokens = await s.connection.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: U003 } });
  const status = await s.connection.sendRequest<{ documents: number; actors: number; findings: number }>('corpusLens/status');
  return { hover: (hover?.contents as { value: string }).value, lenses: lenses.map((l) => l.command?.title), tokens: tokens.data.length, status };
}

test('a warm start from the persisted index answers exactly as the cold start did', async () => {
  const cold = await startSession(SEEDS, {}, { storagePath: storage });
  const first = await answers(cold);
  await cold.close();
  const warm = await startSession(SEEDS, {}, { storagePath: storage });
  const second = await answers(warm);
  await warm.close();
  assert.ok(first.lenses.some((t) => t?.startsWith('Vladimir Putin:')), first.lenses.join(' | '));
  assert.ok(first.tokens > 100);
  assert.deepEqual(second, first);
});
