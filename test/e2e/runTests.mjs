#!/usr/bin/env node
// Runs the extension-host suite (out/test/e2e/suite/index.js, compiled by `node scripts/build.mjs --tests`)
// with @vscode/test-electron's runTests, on the workspace folder repo/seeds.
//
// Here (no desktop VS Code can be downloaded) VS Code is code-server + headless Debian chromium, reached
// through scripts/vscode/vscode-test-shim.mjs passed as vscodeExecutablePath. Where a desktop VS Code can be
// downloaded, set CORPUS_LENS_E2E_DESKTOP=1 (or CORPUS_LENS_E2E_VSCODE=/path/to/code) and the same suite
// runs there unchanged.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const extensionTestsPath = path.join(repo, 'out', 'test', 'e2e', 'suite', 'index.js');
const shim = path.join(repo, 'scripts', 'vscode', 'vscode-test-shim.mjs');

if (!fs.existsSync(extensionTestsPath)) {
  console.error(`missing ${extensionTestsPath}: run \`node scripts/build.mjs && node scripts/build.mjs --tests\` first`);
  process.exit(1);
}
if (!fs.existsSync(path.join(repo, 'dist', 'client.js'))) {
  console.error('missing dist/client.js (the extension): run `node scripts/build.mjs` first');
  process.exit(1);
}

const options = {
  extensionDevelopmentPath: repo,
  extensionTestsPath,
  launchArgs: [path.join(repo, 'seeds'), '--disable-extensions'],
  extensionTestsEnv: { CORPUS_LENS_E2E: '1' },
};
if (process.env.CORPUS_LENS_E2E_VSCODE) options.vscodeExecutablePath = path.resolve(process.env.CORPUS_LENS_E2E_VSCODE);
else if (process.env.CORPUS_LENS_E2E_DESKTOP !== '1') options.vscodeExecutablePath = shim;
// else: runTests downloads a desktop VS Code into .vscode-test/ (needs the network).

try {
  await runTests(options);
  process.exit(0);
} catch (e) {
  console.error(`extension-host suite failed: ${e.message}`);
  process.exit(1);
}
