#!/usr/bin/env node
// Checks the e2e harness itself, independent of Corpus Lens: the vscode-test shim must pass a passing
// extension-host suite and fail a failing one (a tiny fixture extension gives the hover the suite checks).
// Usage: node test/e2e/selftest/run.mjs   -> prints "selftest: N passed, N failed"
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..', '..');
const shim = path.join(repo, 'scripts', 'vscode', 'vscode-test-shim.mjs');

function runShim(suite) {
  return new Promise((resolve) => {
    const args = [
      shim,
      `--extensionDevelopmentPath=${path.join(here, 'fixture-ext')}`,
      `--extensionTestsPath=${path.join(here, suite, 'index.js')}`,
      path.join(repo, 'seeds'),
    ];
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CORPUS_LENS_E2E_TIMEOUT_MS: '180000' },
    });
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

let passed = 0;
let failed = 0;
const pass = await runShim('suite-pass');
const forwarded = /selftest: 1 passing/.test(pass.out);
if (pass.code === 0 && forwarded) { passed++; console.log('ok: passing suite -> exit 0, its output forwarded'); }
else { failed++; console.log(`FAIL: passing suite -> exit ${pass.code}, output forwarded: ${forwarded}`); }
const fail = await runShim('suite-fail');
if (fail.code !== 0 && /about to fail on purpose/.test(fail.out)) { passed++; console.log(`ok: failing suite -> exit ${fail.code}`); }
else { failed++; console.log(`FAIL: failing suite -> exit ${fail.code}`); }
console.log(`selftest: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
