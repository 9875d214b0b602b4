#!/usr/bin/env node
// Builds the extension with esbuild.
//   node scripts/build.mjs               bundles dist/client.js, dist/server.js, dist/cli.js
//   node scripts/build.mjs --production  the same, minified, no source maps (for the .vsix)
//   node scripts/build.mjs --tests       compiles test/**/*.ts and bench/**/*.ts to out/ (same layout), engine bundled in
//   node scripts/build.mjs --watch       rebuilds the bundles on change
import * as esbuild from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
const production = args.has('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
};

function listTs(dir) {
  const out = [];
  let entries = [];
  try {
    entries = readdirSync(join(root, dir));
  } catch {
    return out;
  }
  for (const name of entries) {
    const rel = join(dir, name);
    if (statSync(join(root, rel)).isDirectory()) out.push(...listTs(rel));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

async function buildBundles() {
  const bundles = [
    { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
    { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
    { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
    { entryPoints: ['server/src/engine/worker/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' },
  ].filter((b) => existsTs(b.entryPoints[0]));
  if (args.has('--watch')) {
    for (const b of bundles) await (await esbuild.context({ ...common, ...b })).watch();
    console.log('watching for changes…');
    return;
  }
  await Promise.all(bundles.map((b) => esbuild.build({ ...common, ...b })));
}

function existsTs(path) {
  try {
    return statSync(join(root, path)).isFile();
  } catch {
    return false;
  }
}

async function buildTests() {
  const entryPoints = [...listTs('test'), ...listTs('bench')];
  await esbuild.build({
    ...common,
    entryPoints,
    outdir: 'out',
    outbase: '.',
    external: ['vscode', 'mocha', 'playwright-core', '@vscode/test-electron'],
    sourcemap: 'inline',
  });
  return entryPoints.map((e) => relative(root, join(root, e)));
}

const started = Date.now();
if (args.has('--tests')) await buildTests();
else await buildBundles();
if (!args.has('--watch')) console.log(`build ${args.has('--tests') ? 'tests' : 'bundles'}: ${Date.now() - started} ms`);
