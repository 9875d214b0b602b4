import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, copyFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Hover, Location } from 'vscode-languageserver-protocol';
import { positionOf, SEEDS, startSession, uriOf, type Session } from './lspSession';

const S003 = path.join(SEEDS, '003_05eff9d5d1b361e9.txt');
const S001 = path.join(SEEDS, '001_2900e3e63f8ae14a.txt');
const text003 = readFileSync(S003, 'utf8');
const seedUris = readdirSync(SEEDS).map((f) => uriOf(path.join(SEEDS, f)));

function hoverText(h: Hover | null): string {
  if (!h) return '';
  const c = h.contents as { value?: string } | string;
  return typeof c === 'string' ? c : (c.value ?? '');
}

describe('language server over stdio, seed corpus', () => {
  let s: Session;
  before(async () => {
    s = await startSession(SEEDS);
    await s.waitForIndex();
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(S003), languageId: 'corpus-article', version: 1, text: text003 } });
  });
  after(() => s.close());

  test('indexes every corpus document, not only open ones, and publishes diagnostics for each', async () => {
    const status = await s.connection.sendRequest<{ documents: number; state: string }>('corpusLens/status');
    assert.equal(status.state, 'ready');
    assert.equal(status.documents, 5);
    await s.waitForDiagnostics((all) => seedUris.every((u) => all.has(u)));
  });

  test('hover on "Putin" in 003 shows the actor card with mentions in all five documents', async () => {
    const h = await s.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(S003) }, position: positionOf(text003, 'Putin', 0) });
    const card = hoverText(h);
    assert.match(card, /\*\*Vladimir Putin\*\* · person/);
    assert.match(card, /in 5 documents/);
    assert.match(card, /command:corpusLens\.showMentions/);
  });

  test('hover on a name split over two lines ("Ukrainian President\\nVolodymyr Zelensky") covers both lines', async () => {
    const h = await s.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(S003) }, position: positionOf(text003, 'Volodymyr Zelensky', 0, 2) });
    assert.match(hoverText(h), /Zelensky/);
    assert.ok(h?.range, 'hover has a range');
    assert.ok(h!.range!.end.line >= h!.range!.start.line);
  });

  test('definition on "Putin" goes to a full-name mention "Vladimir Putin"', async () => {
    const loc = await s.connection.sendRequest<Location | null>('textDocument/definition', { textDocument: { uri: uriOf(S003) }, position: positionOf(text003, 'Putin', 3) });
    assert.ok(loc, 'a definition');
    const target = readFileSync(new URL(loc!.uri), 'utf8');
    const lines = target.split('\n');
    const slice = lines.slice(loc!.range.start.line, loc!.range.end.line + 1).join('\n');
    assert.match(slice, /Vladimir\s+Putin/);
  });

  test('references on "Putin" list mentions in every seed document', async () => {
    const locs = await s.connection.sendRequest<Location[]>('textDocument/references', {
      textDocument: { uri: uriOf(S003) },
      position: positionOf(text003, 'Putin', 2),
      context: { includeDeclaration: true },
    });
    const docs = new Set(locs.map((l) => l.uri));
    assert.equal(docs.size, 5, `references in ${[...docs].join(', ')}`);
    assert.ok(locs.length >= 40, `${locs.length} references`);
  });

  test('the outline of 001 starts with its unpunctuated headline as the title', async () => {
    const symbols = await s.connection.sendRequest<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri: uriOf(S001) } });
    assert.match(symbols[0].name, /^U\.S\.-Russia tensions escalate as Putin rejects Ukraine ceasefire/);
  });

  test('semantic tokens are well formed and include people', async () => {
    const legend = ['person', 'state', 'organization', 'place', 'group', 'actor', 'date', 'claim'];
    const tokens = await s.connection.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: uriOf(S003) } });
    assert.equal(tokens.data.length % 5, 0);
    const types = new Set<string>();
    for (let i = 0; i < tokens.data.length; i += 5) {
      assert.ok(tokens.data[i + 2] > 0, 'positive length');
      types.add(legend[tokens.data[i + 3]]);
    }
    assert.ok(types.has('person'), `token types: ${[...types].join(', ')}`);
  });
});

describe('language server, bad input', () => {
  let s: Session;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-bad-'));
    for (const f of readdirSync(SEEDS)) copyFileSync(path.join(SEEDS, f), path.join(dir, f));
    writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x10]));
    writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 au lait, said Jos\xe9.', 'latin1'));
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'huge.txt'), 'word '.repeat(300_000));
    s = await startSession(dir, { include: ['**/*.txt'], maxFileSize: 1_000_000 });
  });
  after(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('skips binary, non-UTF-8 and oversized files with a reason naming each, and indexes the rest', async () => {
    const status = await s.waitForIndex();
    const reasons = new Map(status.skipped.map((k) => [k.path, k.reason]));
    assert.match(reasons.get('binary.txt') ?? '', /binary/);
    assert.match(reasons.get('latin1.txt') ?? '', /not valid UTF-8/);
    assert.match(reasons.get('huge.txt') ?? '', /over the size limit/);
    assert.equal(status.documents, 6, 'the five seeds and the empty file');
  });

  test('a skipped file carries a diagnostic saying why; the server still answers', async () => {
    const uri = uriOf(path.join(dir, 'binary.txt'));
    await s.waitForDiagnostics((all) => (all.get(uri)?.diagnostics.length ?? 0) > 0);
    assert.match(s.diagnostics.get(uri)!.diagnostics[0].message as string, /Not indexed: this file looks binary/);
    const status = await s.connection.sendRequest<{ state: string }>('corpusLens/status');
    assert.equal(status.state, 'ready');
  });
});
