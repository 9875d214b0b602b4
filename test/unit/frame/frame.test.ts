import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseEngineConfig } from '../../../server/src/engine/config';
import { globToRegExp } from '../../../server/src/engine/glob';
import { extractMarkup, isSuppressed } from '../../../server/src/engine/metadata';
import { parseWorkspaceFile } from '../../../server/src/engine/workspaceFile';
import { decodeText } from '../../../server/src/node/readDocument';
import { readSettings } from '../../../server/src/settings';

test('globs: **, *, braces, bare names match in any folder', () => {
  assert.ok(globToRegExp('seeds/**/*.txt').test('seeds/003.txt'));
  assert.ok(globToRegExp('seeds/**/*.txt').test('seeds/a/b/003.txt'));
  assert.ok(!globToRegExp('seeds/**/*.txt').test('other/003.txt'));
  assert.ok(globToRegExp('**/*.{txt,md}').test('x/y.md'));
  assert.ok(globToRegExp('*.txt').test('deep/er/notes.txt'));
  assert.ok(globToRegExp('**/node_modules/**').test('a/node_modules/b/c.txt'));
  assert.ok(!globToRegExp('drafts/*.md').test('drafts/x/y.md'));
});

test('markup: front matter gives the date and title and is blanked with offsets kept', () => {
  const text = '---\ndate: 2025-06-15\ntitle: "A Title"\n---\nPutin spoke.';
  const m = extractMarkup(text);
  assert.equal(m.metadata.date, '2025-06-15');
  assert.equal(m.metadata.title, 'A Title');
  assert.equal(m.text.length, text.length);
  assert.equal(m.text.indexOf('Putin'), text.indexOf('Putin'));
  assert.ok(!m.text.includes('date:'));
});

test('markup: suppression markers for a line, the next non-blank line and the file', () => {
  const text = 'First line. <!-- corpus-lens-disable-line unsourced-claim -->\n<!-- corpus-lens-disable-next-line -->\n\nThird line.\n<!-- corpus-lens-disable-file vague-attribution -->';
  const m = extractMarkup(text);
  assert.ok(isSuppressed(m.suppressions, 0, 'unsourced-claim'));
  assert.ok(!isSuppressed(m.suppressions, 0, 'contradiction'));
  assert.ok(isSuppressed(m.suppressions, 3, 'contradiction'), 'no code: every rule, on the next non-blank line');
  assert.ok(isSuppressed(m.suppressions, 7, 'vague-attribution'));
  assert.ok(!m.text.includes('corpus-lens'), 'markers are not article text');
});

test('decoding: UTF-8 with BOM, UTF-16 with BOM; binary and Latin-1 refused with the reason', () => {
  assert.deepEqual(decodeText(Buffer.from('\ufeffPutin’s', 'utf8')), { text: 'Putin’s' }, 'the BOM is dropped, as editors do');
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Kyiv', 'utf16le')]);
  assert.deepEqual(decodeText(utf16), { text: 'Kyiv' });
  assert.match((decodeText(Buffer.from([1, 2, 0, 3])) as { error: string }).error, /binary/);
  assert.match((decodeText(Buffer.from('Jos\xe9', 'latin1')) as { error: string }).error, /not valid UTF-8 \(first bad byte at offset 3\)/);
});

test('settings: severities validated, bad values reported and defaulted; folders become globs', () => {
  const s = readSettings({ folders: ['articles/'], diagnostics: { severity: { 'unsourced-claim': 'off', contradiction: 'loud' as never } }, include: 'x' as never });
  assert.ok(s.selection.include.includes('articles/**/*.txt'));
  assert.ok(s.selection.include.includes('seeds/**/*.txt'), 'a malformed include falls back to the default');
  assert.equal(s.engine.severity['unsourced-claim'], 'off');
  assert.equal(s.engine.severity.contradiction, undefined);
  assert.equal(s.problems.length, 2, s.problems.join('; '));
  assert.match(s.problems.join('\n'), /contradiction.*loud/);
});

test('settings: the references limit defaults to VS Code\'s search limit, takes 0 for no limit, and reports a bad value', () => {
  assert.equal(readSettings({}).maxReferences, 20_000);
  assert.equal(readSettings({ references: { maxResults: 0 } }).maxReferences, 0);
  const bad = readSettings({ references: { maxResults: -5 } });
  assert.equal(bad.maxReferences, 20_000);
  assert.match(bad.problems.join('\n'), /corpusLens\.references\.maxResults/);
});

test('settings: the scope of diagnostics defaults to auto, takes the open documents only, and reports a bad value', () => {
  assert.equal(readSettings({}).diagnosticsScope, 'auto');
  assert.equal(readSettings({ diagnostics: { scope: 'openDocuments' } }).diagnosticsScope, 'openDocuments');
  const bad = readSettings({ diagnostics: { scope: 'open' } });
  assert.equal(bad.diagnosticsScope, 'auto');
  assert.match(bad.problems.join('\n'), /corpusLens\.diagnostics\.scope must be one of "auto", "workspace", "openDocuments"/);
});

test('workspace file: malformed JSON and wrong shapes are reported by name, valid parts kept', () => {
  assert.match(parseWorkspaceFile('{ nope').problems[0], /\.corpus-lens\.json: not valid JSON/);
  const wf = parseWorkspaceFile(JSON.stringify({ documents: { './seeds/a.txt': { date: '2025-06' }, 'b.txt': { date: 5 } }, extra: 1 }));
  assert.deepEqual(wf.documentDates, { 'seeds/a.txt': '2025-06' });
  assert.equal(wf.problems.length, 2);
  const { config, problems } = parseEngineConfig({ severity: { 'vague-attribution': 'error' }, ignoreFiles: ['drafts/**'], contradictionConfidence: 2 });
  assert.equal(config.severity['vague-attribution'], 'error');
  assert.deepEqual(config.ignoreFiles, ['drafts/**']);
  assert.match(problems[0], /contradictionConfidence/);
});

test('.gitignore patterns become excludes: names at any depth, anchored paths, folders; negations skipped', async (t) => {
  const { gitignoreLineToGlobs } = await import('../../../server/src/node/gitignore');
  assert.deepEqual(gitignoreLineToGlobs('drafts/'), ['**/drafts/**'], 'a trailing slash alone does not anchor');
  assert.deepEqual(gitignoreLineToGlobs('docs/drafts/'), ['docs/drafts/**'], 'a slash inside anchors to the folder');
  assert.deepEqual(gitignoreLineToGlobs('*.bak.txt'), ['**/*.bak.txt', '**/*.bak.txt/**']);
  assert.deepEqual(gitignoreLineToGlobs('/scratch'), ['scratch', 'scratch/**']);
  assert.deepEqual(gitignoreLineToGlobs('# comment'), []);
  assert.deepEqual(gitignoreLineToGlobs('!keep.txt'), []);
  const { mkdtempSync, mkdirSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const { FsWorkspace, DEFAULT_SELECTION } = await import('../../../server/src/node/fsWorkspace');
  const root = mkdtempSync(path.join(tmpdir(), 'corpus-lens-gitignore-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(path.join(root, 'articles', 'drafts'), { recursive: true });
  writeFileSync(path.join(root, 'articles', 'a.txt'), 'Kept.');
  writeFileSync(path.join(root, 'articles', 'drafts', 'b.txt'), 'Ignored draft.');
  writeFileSync(path.join(root, 'articles', 'c.bak.txt'), 'Ignored backup.');
  writeFileSync(path.join(root, '.gitignore'), 'drafts/\n*.bak.txt\n');
  const selection = { ...DEFAULT_SELECTION, include: ['articles/**/*.txt'] };
  assert.deepEqual(await new FsWorkspace(root, selection).listDocuments(), [path.join(root, 'articles', 'a.txt')]);
  assert.equal((await new FsWorkspace(root, { ...selection, respectGitignore: false }).listDocuments()).length, 3);
});
