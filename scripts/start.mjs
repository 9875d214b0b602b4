#!/usr/bin/env node
// `npm start`: build the extension, then open seeds/ in VS Code with it loaded.
//  - where a `code` command exists: code --extensionDevelopmentPath=<repo> <repo>/seeds
//  - otherwise: a private code-server (VS Code in the browser) on 127.0.0.1; the address is printed.
//    Ctrl+C stops it.
import { spawnSync, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './ensure-deps.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const seeds = path.join(repo, 'seeds');
ensureDependencies(repo);

const build = spawnSync(process.execPath, [path.join(repo, 'scripts/build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const code = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' }).stdout.trim();
if (code && !process.env.CORPUS_LENS_USE_CODE_SERVER) {
  console.log(`Opening ${seeds} in VS Code (${code}) with Corpus Lens loaded from ${repo}`);
  spawn(code, [`--extensionDevelopmentPath=${repo}`, seeds], { stdio: 'inherit', detached: true }).unref();
} else {
  const { launchCodeServer } = await import('./vscode/code-server-launch.mjs');
  console.log('No `code` command here: starting VS Code in the browser (code-server) on 127.0.0.1 …');
  const server = await launchCodeServer({
    folder: seeds,
    extensionDevelopmentPath: repo,
  });
  console.log(`\nCorpus Lens is running in VS Code at:\n\n  ${server.workbenchUrl()}\n\nOpen it in a browser on this machine. Ctrl+C stops it.`);
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await new Promise(() => {});
}
