#!/usr/bin/env node
// `npm test`: the whole suite, with all set-up. Stages, in order:
//   1. build (bundles + tests)                       esbuild
//   2. unit tests (engine, on real text)             node --test out/test/unit
//   3. LSP protocol tests (dist/server.js --stdio)   node --test out/test/lsp
//   4. end-to-end in a real VS Code                  test/e2e/run-all.mjs (installs code-server + Node 24 into a cache)
// Prints one closing line "tests: N passed, N failed" and exits non-zero when anything failed.
// CORPUS_LENS_SKIP_E2E=1 skips stage 4 (for a quick local run; CI never sets it).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './ensure-deps.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
ensureDependencies(repo);
const totals = { passed: 0, failed: 0 };
const failures = [];

function run(label, cmd, args, opts = {}) {
  console.log(`\n=== ${label} ===`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: repo, stdio: 'inherit', ...opts });
  console.log(`--- ${label}: exit ${r.status ?? r.signal} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return r.status === 0;
}

function streamed(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (status) => resolve({ status, output }));
  });
}

function nodeTests(label, dir) {
  const tap = path.join(mkdtempSync(path.join(tmpdir(), 'corpus-lens-tap-')), 'result.tap');
  const ok = run(label, process.execPath, ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, dir]);
  const out = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const passed = Number(/^# pass (\d+)/m.exec(out)?.[1] ?? 0);
  const failed = Number(/^# fail (\d+)/m.exec(out)?.[1] ?? (ok ? 0 : 1));
  totals.passed += passed;
  totals.failed += failed;
  if (!ok || failed) failures.push(label);
}

if (!run('build', process.execPath, ['scripts/build.mjs']) || !run('build tests', process.execPath, ['scripts/build.mjs', '--tests'])) {
  console.log('\ntests: 0 passed, 1 failed');
  process.exit(1);
}
nodeTests('unit tests', 'out/test/unit/');
nodeTests('LSP protocol tests', 'out/test/lsp/');

if (process.env.CORPUS_LENS_SKIP_E2E) console.log('\n=== end-to-end: skipped (CORPUS_LENS_SKIP_E2E) ===');
else if (!existsSync(path.join(repo, 'test/e2e/run-all.mjs'))) {
  failures.push('end-to-end (test/e2e/run-all.mjs missing)');
  totals.failed++;
} else {
  // streamed, so a long install or a hanging test shows as it happens; the output is also kept to read the counts
  console.log('\n=== end-to-end in a real VS Code ===');
  const { status, output } = await streamed(process.execPath, ['test/e2e/run-all.mjs']);
  const m = /^e2e: (\d+) passed, (\d+) failed/m.exec(output);
  totals.passed += Number(m?.[1] ?? 0);
  totals.failed += Number(m?.[2] ?? (status === 0 ? 0 : 1));
  if (status !== 0) failures.push('end-to-end');
}

if (failures.length) console.log(`\nfailed stages: ${failures.join(', ')}`);
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(failures.length ? 1 : 0);
