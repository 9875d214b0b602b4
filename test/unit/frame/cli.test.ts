import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

const REPO = path.resolve(__dirname, '../../../..');
const CLI = path.join(REPO, 'dist/cli.js');
const cli = (args: string[], cwd = REPO) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });

test('index --json writes the contract shape for the seeds', () => {
  const r = cli(['index', 'seeds', '--json']);
  assert.equal(r.status, 0, r.stderr);
  const json = JSON.parse(r.stdout);
  assert.equal(json.version, 1);
  assert.equal(json.documents.length, 5);
  for (const key of ['documents', 'actors', 'dates', 'claims', 'contradictions', 'diagnostics']) assert.ok(Array.isArray(json[key]), key);
  const d001 = json.documents.find((d: { path: string }) => d.path === '001_2900e3e63f8ae14a.txt');
  assert.ok(d001, 'paths are relative to the folder given');
  assert.match(d001.title, /^U\.S\.-Russia tensions escalate/);
  assert.deepEqual(d001.boilerplate[0].start, { line: 10, character: 0 });
});

test('bad input: a missing path and a binary file are reported on stderr by name; the rest is indexed', (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, 'good.txt'), 'Reuters reported that 40 people died in the strike on Monday.');
  writeFileSync(path.join(dir, 'bin.txt'), Buffer.from([0, 1, 2, 3]));
  const out = path.join(dir, 'index.json');
  const r = cli(['index', dir, 'no/such/path', '--json', '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /no\/such\/path: does not exist/);
  assert.match(r.stderr, /bin\.txt: skipped: looks binary/);
  const json = JSON.parse(readFileSync(out, 'utf8'));
  assert.deepEqual(json.documents.map((d: { path: string }) => d.path), ['good.txt']);
  assert.deepEqual(json.skipped, [{ path: 'bin.txt', reason: 'looks binary (it holds NUL bytes), not text' }]);
});

test('nothing readable exits 2; usage errors exit 2 with the usage', () => {
  assert.equal(cli(['index', 'no/such/path', '--json']).status, 2);
  const r = cli(['check', 'seeds', '--fail-on', 'loud']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--fail-on must be one of/);
  assert.equal(cli(['frobnicate']).status, 2);
});

test('check --format sarif writes SARIF 2.1.0 with the rules', () => {
  const r = cli(['check', 'seeds', '--format', 'sarif', '--fail-on', 'error']);
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const sarif = JSON.parse(r.stdout);
  assert.equal(sarif.version, '2.1.0');
  assert.deepEqual(sarif.runs[0].tool.driver.rules.map((x: { id: string }) => x.id), ['unsourced-claim', 'vague-attribution', 'contradiction']);
});

test('the CLI leaves no temporary file behind, and without a usable temporary folder it keeps the analyses in memory and says so', (t) => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'corpus-lens-cli-tmp-'));
  t.after(() => rmSync(tmp, { recursive: true, force: true }));
  const inTmp = (args: string[], TMPDIR: string) => spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, TMPDIR } });
  const r = inTmp(['index', 'seeds', '--json'], tmp);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).documents.length, 5);
  assert.deepEqual(readdirSync(tmp), [], 'the analyses file and the export files are removed');
  const none = inTmp(['check', 'seeds', '--fail-on', 'error'], path.join(tmp, 'missing'));
  assert.ok(none.status === 0 || none.status === 1, none.stderr);
  assert.match(none.stderr, /no temporary file for the analyses .*keeping them in memory/);
  assert.match(none.stdout, /unsourced-claim/);
});
