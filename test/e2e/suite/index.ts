// Entry point for the extension-host test run (the module VS Code loads as --extensionTestsPath).
// Runs mocha over the compiled *.test.js files beside this one, inside the extension host.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    // Each test waits on its own conditions with their own limits; this is the backstop.
    timeout: Number(process.env.CORPUS_LENS_E2E_TEST_TIMEOUT_MS || 120_000),
    grep: process.env.CORPUS_LENS_E2E_GREP || undefined,
  });
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  if (files.length === 0) return Promise.reject(new Error(`no *.test.js files in ${__dirname}`));
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
        // A machine-readable summary for test/e2e/run-all.mjs (the extension host's console reaches its stdout).
        console.log(`E2E-SUITE-RESULT ${JSON.stringify({ passed: stats.passes, failed: stats.failures, pending: stats.pending })}`);
        if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
        else resolve();
      });
    } catch (e) {
      console.error(e);
      reject(e);
    }
  });
}
