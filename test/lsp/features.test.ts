/**
 * One protocol test per editor feature, on named positions in the seeds, with the exact ranges and
 * contents expected. Each fails when its feature is wrong.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, CodeLens, Diagnostic, DocumentHighlight, Hover, InlayHint, Location, Range, SymbolInformation } from 'vscode-languageserver-protocol';
import { positionOf, REPO, SEEDS, startSession, uriOf, type Session } from './lspSession';

const F001 = path.join(SEEDS, '001_2900e3e63f8ae14a.txt');
const F003 = path.join(SEEDS, '003_05eff9d5d1b361e9.txt');
const t001 = readFileSync(F001, 'utf8');
const t003 = readFileSync(F003, 'utf8');
const U001 = uriOf(F001);
const U003 = uriOf(F003);

const card = (h: Hover | null) => (h ? ((h.contents as { value: string }).value ?? '') : '');
const textOf = (uri: string, r: Range) => {
  const lines = readFileSync(new URL(uri), 'utf8').split('\n');
  if (r.start.line === r.end.line) return lines[r.start.line].slice(r.start.character, r.end.character);
  return [lines[r.start.line].slice(r.start.character), ...lines.slice(r.start.line + 1, r.end.line), lines[r.end.line].slice(0, r.end.character)].join('\n');
};

describe('editor features over the protocol, seed corpus', () => {
  let s: Session;
  const req = <T>(method: string, params: unknown) => s.connection.sendRequest<T>(method, params);
  const hover = (uri: string, position: { line: number; character: number }) => req<Hover | null>('textDocument/hover', { textDocument: { uri }, position });

  before(async () => {
    s = await startSession(SEEDS);
    await s.waitForIndex();
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: U003, languageId: 'corpus-article', version: 1, text: t003 } });
  });
  after(() => s.close());

  test('hover on "Putin" in the title of 003: exact range, canonical name, roles with their documents, counts, link', async () => {
    const h = await hover(U003, { line: 1, character: 6 });
    assert.deepEqual(h!.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 9 } });
    const c = card(h);
    assert.match(c, /^\*\*Vladimir Putin\*\* · person/);
    assert.match(c, /Russian President \([^)]*003[^)]*\)/);
    assert.match(c, /\*\*\d+ mentions in 5 documents\*\*/);
    assert.match(c, /Often with: .*Donald Trump/);
    assert.match(c, /\*\*\d+ mentions in 5 documents\*\*.* · \[show all\]\(command:corpusLens\.showMentions\?/);
    assert.doesNotMatch(c, /[{}]"/, 'no raw JSON');
  });

  test('hover on a name hard-wrapped over two lines ("United\\nStates") covers both lines', async () => {
    const at = positionOf(t003, 'United\nStates');
    const h = await hover(U003, { line: at.line + 1, character: 2 });
    assert.match(card(h), /^\*\*United States\*\* · state/);
    assert.equal(h!.range!.start.line, at.line);
    assert.equal(h!.range!.end.line, at.line + 1);
    assert.equal(textOf(U003, h!.range!), 'United\nStates');
  });

  test('hover on a metonym and on a descriptive reference says so', async () => {
    assert.match(card(await hover(U003, positionOf(t003, 'the Kremlin hardly', 0, 6))), /"Kremlin" stands for Russia here \(metonym\)/);
    const d = card(await hover(U003, positionOf(t003, 'the Russian president', 0, 6)));
    assert.match(d, /^\*\*Vladimir Putin\*\*/);
    assert.match(d, /descriptive reference, resolved by the engine \(confidence 0\.\d\d\)/);
  });

  test('hover on a relative date gives its value, coverage and anchor', async () => {
    const c = card(await hover(U003, positionOf(t003, 'last summer', 0, 2)));
    assert.match(c, /^\*\*last summer\*\* → `2024-SU` · date/);
    assert.match(c, /Covers 2024-06-01 to 2024-08-31/);
    assert.match(c, /Anchor: the document's date, 2025-06/);
  });

  test('definition on "Zelensky" in 003 goes to the first full-name mention, in the earlier dated article 001', async () => {
    const loc = await req<Location | null>('textDocument/definition', { textDocument: { uri: U003 }, position: positionOf(t003, 'When Zelensky', 0, 6) });
    assert.equal(loc!.uri, U001);
    assert.equal(textOf(U001, loc!.range), 'Volodymyr Zelenskyy');
    assert.deepEqual(loc!.range.start, positionOf(t001, 'Volodymyr Zelenskyy', 0, 0));
  });

  test('references on "Zelensky" list every mention in both articles, spellings included', async () => {
    const at = positionOf(t003, 'When Zelensky', 0, 6);
    const all = await req<Location[]>('textDocument/references', { textDocument: { uri: U003 }, position: at, context: { includeDeclaration: true } });
    const texts = all.map((l) => textOf(l.uri, l.range).replace(/\s+/g, ' '));
    assert.deepEqual(new Set(all.map((l) => l.uri)), new Set([U001, U003]));
    assert.ok(texts.includes('Volodymyr Zelenskyy') && texts.includes('Volodymyr Zelensky') && texts.includes('Zelensky'), texts.join(' | '));
    const without = await req<Location[]>('textDocument/references', { textDocument: { uri: U003 }, position: at, context: { includeDeclaration: false } });
    assert.equal(without.length, all.length - 1);
  });

  test('next / previous mention walk the actor across documents in reading order, wrapping around', async () => {
    const first = await req<Location | null>('corpusLens/adjacentMention', { uri: U003, position: positionOf(t003, 'When Zelensky', 0, 6), direction: 1 });
    assert.equal(first!.uri, U003);
    assert.equal(textOf(U003, first!.range), 'Zelensky');
    assert.ok(first!.range.start.line > positionOf(t003, 'When Zelensky').line, 'the next mention is further down');
    const back = await req<Location | null>('corpusLens/adjacentMention', { uri: U003, position: positionOf(t003, 'Volodymyr Zelensky', 0, 2), direction: -1 });
    assert.equal(back!.uri, U001, 'before the first mention in 003 comes the one in the earlier article 001');
    assert.equal(textOf(U001, back!.range), 'Volodymyr Zelenskyy');
  });

  test('show all mentions returns the actor name and every location', async () => {
    const r = await req<{ name: string; locations: Location[] }>('corpusLens/mentions', { uri: U003, position: { line: 1, character: 6 } });
    assert.equal(r.name, 'Vladimir Putin');
    assert.equal(new Set(r.locations.map((l) => l.uri)).size, 5);
  });

  test('export: the server writes the index to the file named, the same index the CLI exports; a target that is not a file is refused', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'corpus-lens-export-test-'));
    const file = path.join(folder, 'corpus-index.json');
    const r = await req<{ path: string; documents: number }>('corpusLens/exportIndex', { uri: pathToFileURL(file).href });
    assert.deepEqual(r, { path: file, documents: 5 });
    const cli = spawnSync(process.execPath, [path.join(REPO, 'dist/cli.js'), 'index', SEEDS, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.equal(cli.status, 0, cli.stderr);
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), JSON.parse(cli.stdout));
    assert.deepEqual(readdirSync(folder), ['corpus-index.json'], 'no partial file is left behind');
    await assert.rejects(req('corpusLens/exportIndex', { uri: 'untitled:corpus-index.json' }), /choose a file on this machine's disk/);
    rmSync(folder, { recursive: true, force: true });
  });

  test('document highlights mark every mention of Putin in 003 and nothing else', async () => {
    const hl = await req<DocumentHighlight[]>('textDocument/documentHighlight', { textDocument: { uri: U003 }, position: { line: 1, character: 6 } });
    assert.ok(hl.length >= 20, `${hl.length} highlights`);
    for (const h of hl) assert.match(textOf(U003, h.range).replace(/\s+/g, ' '), /^(Vladimir Putin|Putin|the Russian president|Russian President Vladimir Putin)$/i);
  });

  test('workspace symbols find an actor by an alias and claims by their words', async () => {
    const actors = await req<SymbolInformation[]>('workspace/symbol', { query: 'zelensky' });
    assert.equal(actors[0].name, 'Volodymyr Zelenskyy');
    const claims = await req<SymbolInformation[]>('workspace/symbol', { query: 'drone strike' });
    assert.ok(claims.some((c) => /drone strike on Odesa/.test(textOf(c.location.uri, c.location.range)) && c.containerName?.startsWith('claim')), claims.map((c) => c.name).join(' | '));
  });

  test('code lens: mention counts on the first mention of an actor in the document', async () => {
    const lenses = await req<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: U003 } });
    const putin = lenses.find((l) => l.command?.title.startsWith('Vladimir Putin:'));
    assert.match(putin!.command!.title, /^Vladimir Putin: \d+ mentions in 5 documents$/);
    assert.deepEqual(putin!.range.start, { line: 1, character: 4 });
    assert.equal(putin!.command!.command, 'corpusLens.showMentions');
  });

  test('inlay hints: the normalised value right after a relative date', async () => {
    const hints = await req<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: U003 }, range: { start: { line: 0, character: 0 }, end: { line: 300, character: 0 } } });
    const end = positionOf(t003, 'last summer', 0, 'last summer'.length);
    const hint = hints.find((h) => h.position.line === end.line && h.position.character === end.character);
    assert.equal(hint?.label, '→ 2024-SU');
  });

  test('semantic tokens: "Putin" in the title is a person token', async () => {
    const { data } = await req<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: U003 } });
    let line = 0;
    let char = 0;
    let found = false;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
      if (line === 1 && char === 4) found = data[i + 2] === 5 && data[i + 3] === 0;
    }
    assert.ok(found, 'a token of type person (0) at 1:4, length 5');
  });

  test('diagnostics carry codes; a quick fix suppresses on the line and the finding goes away after the edit', async () => {
    await s.waitForDiagnostics((all) => (all.get(U003)?.diagnostics.length ?? 0) > 0);
    const before = s.diagnostics.get(U003)!.diagnostics;
    const target = before.find((d) => d.code === 'unsourced-claim') as Diagnostic;
    assert.ok(target, 'an unsourced-claim finding in 003');
    const actions = await req<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: U003 }, range: target.range, context: { diagnostics: [target] } });
    const fix = actions.find((a) => a.title === 'Suppress "unsourced-claim" on this line')!;
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    assert.ok(actions.some((a) => a.title === 'Suppress "unsourced-claim" in this file'));
    const edit = fix.edit!.changes![U003][0];
    assert.equal(edit.range.start.line, target.range.start.line);
    assert.equal(edit.newText, ' <!-- corpus-lens-disable-line unsourced-claim -->');
    await s.connection.sendNotification('textDocument/didChange', { textDocument: { uri: U003, version: 2 }, contentChanges: [{ range: edit.range, text: edit.newText }] });
    await s.waitForDiagnostics((all) => !all.get(U003)!.diagnostics.some((d) => d.code === 'unsourced-claim' && d.range.start.line === target.range.start.line));
    const after = s.diagnostics.get(U003)!.diagnostics;
    assert.equal(after.filter((d) => d.code === 'unsourced-claim').length, before.filter((d) => d.code === 'unsourced-claim' && d.range.start.line !== target.range.start.line).length);
  });

  test('actor code actions write the workspace actor file: split an alias off; no merge of two people sharing a role word', async () => {
    const at = positionOf(t003, 'When Zelensky', 0, 6);
    const actions = await req<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: U003 }, range: { start: at, end: at }, context: { diagnostics: [] } });
    const split = actions.find((a) => a.title === '"Zelensky" is not Volodymyr Zelenskyy: split it off (writes .corpus-lens.json)');
    assert.ok(split, actions.map((a) => a.title).join(' | '));
    const changes = split!.edit!.documentChanges as unknown as [{ kind: string; uri: string }, { edits: { newText: string }[] }];
    assert.equal(changes[0].kind, 'create');
    assert.equal(changes[0].uri, uriOf(path.join(SEEDS, '.corpus-lens.json')));
    assert.deepEqual(JSON.parse(changes[1].edits[0].newText), { actors: { split: [['Volodymyr Zelenskyy', 'Zelensky']] } });
    const onPutin = await req<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: U003 }, range: { start: { line: 1, character: 6 }, end: { line: 1, character: 6 } }, context: { diagnostics: [] } });
    assert.ok(!onPutin.some((a) => /^Merge "Vladimir Putin" with "Donald Trump"/.test(a.title)), onPutin.map((a) => a.title).join(' | '));
  });

  test('editing an open document shifts its results to the new positions at once; other documents are untouched', async () => {
    const edited = `Angela Merkel met reporters.\n${t001}`;
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: U001, languageId: 'corpus-article', version: 1, text: t001 } });
    await s.connection.sendNotification('textDocument/didChange', { textDocument: { uri: U001, version: 2 }, contentChanges: [{ text: edited }] });
    const at = positionOf(edited, 'Putin rejects', 0, 1);
    const h = await hover(U001, at);
    assert.match(card(h), /^\*\*Vladimir Putin\*\*/);
    assert.equal(h!.range!.start.line, at.line);
    const merkel = await hover(U001, { line: 0, character: 2 });
    assert.match(card(merkel), /^\*\*Angela Merkel\*\* · person/);
    const refs = await req<Location[]>('textDocument/references', { textDocument: { uri: U001 }, position: at, context: { includeDeclaration: true } });
    for (const r of refs.filter((x) => x.uri === U003)) assert.match(textOf(U003, r.range), /Putin|Russian president/i);
    await s.connection.sendNotification('textDocument/didChange', { textDocument: { uri: U001, version: 3 }, contentChanges: [{ text: t001 }] });
  });
});

describe('contradictions across documents over the protocol', () => {
  let s: Session;
  let dir: string;
  before(async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-contra-'));
    writeFileSync(path.join(dir, 'a.txt'), 'Port strike turns deadly\n\nThe dock strike in Rotterdam killed 40 people on Monday, police said. Unions blamed the port authority.\n');
    writeFileSync(path.join(dir, 'b.txt'), 'Calm returns to the port\n\nTwelve people died in the dock strike in Rotterdam on Monday, the city council said. Talks resume this week.\n');
    s = await startSession(dir, { include: ['*.txt'] });
    await s.waitForIndex();
  });
  after(async () => {
    await s.close();
    (await import('node:fs')).rmSync(dir, { recursive: true, force: true });
  });

  test('a contradiction is published on both documents with related information pointing at the other statement', async () => {
    const ua = uriOf(path.join(dir, 'a.txt'));
    const ub = uriOf(path.join(dir, 'b.txt'));
    await s.waitForDiagnostics((all) => [ua, ub].every((u) => all.get(u)?.diagnostics.some((d) => d.code === 'contradiction')));
    const onA = s.diagnostics.get(ua)!.diagnostics.find((d) => d.code === 'contradiction')!;
    assert.match(onA.message as string, /^Contradicts a statement in b\.txt: the figures disagree/);
    assert.equal(onA.relatedInformation![0].location.uri, ub);
    assert.equal(textOf(ub, onA.relatedInformation![0].location.range), 'Twelve people died in the dock strike in Rotterdam on Monday, the city council said.');
    const actions = await s.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: ua }, range: onA.range, context: { diagnostics: [onA] } });
    const jump = actions.find((a) => a.title === 'Go to the conflicting statement in b.txt');
    assert.deepEqual(jump?.command?.arguments, [ub, onA.relatedInformation![0].location.range]);
  });
});
