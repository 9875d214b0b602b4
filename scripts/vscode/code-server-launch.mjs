// Starts a private code-server (a real VS Code: workbench in the browser, Node extension host on the server)
// on 127.0.0.1 with a free port, in its own temporary HOME / user-data / extensions folders.
//
//   import { launchCodeServer } from './code-server-launch.mjs';
//   const cs = await launchCodeServer({ folder: '/abs/seeds', extensionDevelopmentPath: '/abs/repo' });
//   page.goto(cs.workbenchUrl());   ...   await cs.stop();
//
// Options:
//   folder                   folder the workbench opens (used by workbenchUrl())
//   extensionDevelopmentPath folder of an extension to load in development mode (passed in the URL payload)
//   extensionTestsPath       a test runner module for the extension host (needs smokeTestDriver)
//   installExtensions        .vsix files (or ids) installed with --install-extension before the server starts
//   smokeTestDriver          start with --vscode-option enable-smoke-test-driver (needed for the URL payload to be read)
//   env                      extra environment for code-server and so for the extension host
//   startTimeoutMs           limit for the server to answer /healthz
//   keepDir                  keep the temporary folder after stop() (for logs)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { ensureVSCode } from './setup.mjs';

function log(msg) {
  process.stderr.write(`[code-server] ${msg}\n`);
}

// code-servers started by this process (each in its own process group): killed if this process exits first.
const live = new Set();
process.on('exit', () => {
  for (const pid of live) {
    try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ }
  }
});

/** A free TCP port on 127.0.0.1 (asks the OS for one, then releases it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Polls `check` (async, returns truthy when done) every `intervalMs` until it holds or `timeoutMs` passes. */
export async function waitUntil(check, { timeoutMs, intervalMs = 200, what = 'condition' }) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (e) {
      lastError = e;
      if (e && e.fatal) throw e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${lastError.message})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

function runOnce(cmd, args, { env, timeoutMs }) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
      reject(new Error(`${path.basename(cmd)} ${args.join(' ')} did not finish within ${timeoutMs} ms\n${out}`));
    }, timeoutMs);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${path.basename(cmd)} ${args.join(' ')} exited with ${code}\n${out}`));
    });
  });
}

export async function launchCodeServer(opts = {}) {
  const {
    folder,
    extensionDevelopmentPath,
    extensionTestsPath,
    installExtensions = [],
    smokeTestDriver = !!(extensionDevelopmentPath || extensionTestsPath),
    env: extraEnv = {},
    startTimeoutMs = 60_000,
    keepDir = false,
  } = opts;
  const setup = opts.setup || (await ensureVSCode({ quiet: true }));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-cs-'));
  const home = path.join(dir, 'home');
  const userDataDir = path.join(dir, 'user-data');
  const extensionsDir = path.join(dir, 'extensions');
  for (const d of [home, userDataDir, extensionsDir]) fs.mkdirSync(d, { recursive: true });
  const config = path.join(dir, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  // Quiet, deterministic workbench: no welcome page, no telemetry prompts, no restored editors.
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'security.workspace.trust.enabled': false,
        'window.restoreWindows': 'none',
        'files.hotExit': 'off',
        'chat.disableAIFeatures': true,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
      },
      null,
      2,
    ),
  );
  const env = {
    ...process.env,
    ...extraEnv,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    // No extension gallery: these machines have no network beyond the package registries.
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: '' }),
    NO_COLOR: '1',
  };
  delete env.VSCODE_IPC_HOOK_CLI;
  delete env.ELECTRON_RUN_AS_NODE;
  const common = ['--config', config, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  for (const ext of installExtensions) {
    const t = Date.now();
    await runOnce(setup.codeServerBin, [...common, '--install-extension', ext], { env, timeoutMs: 120_000 });
    log(`installed ${path.basename(ext)} in ${Date.now() - t} ms`);
  }

  const port = await freePort();
  const args = [
    ...common,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--disable-file-downloads',
  ];
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  const logFile = path.join(dir, 'code-server.log');
  const logStream = fs.createWriteStream(logFile);
  const t0 = Date.now();
  const child = spawn(setup.codeServerBin, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  live.add(child.pid);
  let tail = '';
  const listeners = new Set();
  const onData = (d) => {
    logStream.write(d);
    const s = d.toString();
    tail = (tail + s).slice(-20_000);
    for (const l of listeners) l(s);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = null;
  const exitPromise = new Promise((resolve) => child.on('exit', (code, signal) => { exited = { code, signal }; resolve(exited); }));

  const url = `http://127.0.0.1:${port}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (!exited) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
      const t = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
      await exitPromise;
      clearTimeout(t);
      // The extension host and other helpers are in the same process group: make sure they are gone too.
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    }
    live.delete(child.pid);
    await new Promise((r) => logStream.end(r));
    if (!keepDir) fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    await waitUntil(
      async () => {
        if (exited) {
          const e = new Error(`code-server exited (${exited.code ?? exited.signal}) before answering /healthz\n${tail}`);
          e.fatal = true;
          throw e;
        }
        const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
        return res.ok;
      },
      { timeoutMs: startTimeoutMs, intervalMs: 150, what: `code-server /healthz on ${url}` },
    );
  } catch (e) {
    await stop();
    throw e;
  }
  const startedMs = Date.now() - t0;
  log(`listening on ${url} (healthy after ${startedMs} ms; logs in ${logFile})`);

  const remote = (abs) => `vscode-remote://127.0.0.1:${port}${path.resolve(abs)}`;
  /** URL of the workbench for `folder` (default: the launch folder), with the development/test payload if any. */
  const workbenchUrl = ({ folder: f = folder, payload: extra = [] } = {}) => {
    const q = new URLSearchParams();
    if (f) q.set('folder', path.resolve(f));
    const payload = [];
    if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
    if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
    payload.push(...extra);
    if (payload.length) q.set('payload', JSON.stringify(payload));
    return `${url}/?${q.toString()}`;
  };

  return {
    url,
    port,
    dir,
    logFile,
    startedAt: t0,
    startedMs,
    workbenchUrl,
    remote,
    /** The server's output so far (stdout + stderr, last 20 kB). */
    output: () => tail,
    /** Calls fn(chunk) for each later chunk of server output; returns an unsubscribe function. */
    onOutput: (fn) => { listeners.add(fn); return () => listeners.delete(fn); },
    exited: () => exited,
    stop,
  };
}

const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Headless Debian chromium through playwright-core, on a fresh profile.
 * @returns {Promise<{context: import('playwright-core').BrowserContext, page: import('playwright-core').Page, close: () => Promise<void>}>}
 */
export async function launchBrowser({ chromium: chromiumPath, headless = true, viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = await import('playwright-core');
  const exe = chromiumPath || (await ensureVSCode({ quiet: true })).chromium;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: exe,
    headless,
    args: BROWSER_ARGS,
    viewport,
    deviceScaleFactor: 1,
    timeout: 60_000,
  });
  const page = context.pages()[0] || (await context.newPage());
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await Promise.race([context.close().catch(() => {}), new Promise((r) => setTimeout(r, 10_000))]);
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, page, close };
}

/** Formats a browser console message from the workbench: drops %c styling and the CSS arguments. */
export function consoleText(msg) {
  let text = msg.text();
  if (text.includes('%c')) text = text.replace(/%c/g, '').replace(/\s*color: #[0-9a-f]{3,6}\s*/i, ' ').trim();
  return text;
}

// Workbench log lines that are noise for a test run (connection set-up, the disabled gallery, ...).
const NOISE = [
  /^Resolving connection token/,
  /^Resolved connection token/,
  /^Creating a socket \(/,
  /^\[reconnection-grace-time\]/,
  /^Ignoring fetching additional builtin extensions/,
  /^\[Service Worker\]/,
  /^\[AgentHost:/,
  /^\[AccountPolicyGate\]/,
  /^Started local extension host/,
  /^Extension host \(/,
  /^Updating additional builtin extensions cache/,
];

/**
 * Collects the workbench's log-service console lines, in order. When extension tests run "from the CLI"
 * (extensionTestsPath set), the workbench routes the extension host's console (mocha's reporter) into
 * its log service, which writes `console.log('%c INFO', 'color: ...', message, ...args)` in the page.
 * Returns { flush(): Promise<void> } ; `write(line, level)` is called for each line.
 */
export function forwardWorkbenchLog(page, write, { verbose = false } = {}) {
  let queue = Promise.resolve();
  page.on('console', (msg) => {
    const args = msg.args();
    const fallback = msg.text();
    const type = msg.type();
    queue = queue.then(async () => {
      let vals;
      try {
        vals = await Promise.all(args.map((a) => a.jsonValue()));
      } catch {
        vals = [fallback];
      }
      const m = typeof vals[0] === 'string' ? /^%c\s*(TRACE|DEBUG|INFO|WARN|ERROR)\s*$/.exec(vals[0]) : null;
      if (m) {
        const rest = vals.slice(2).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
        const text = rest.length ? format(...rest) : '';
        if (!verbose && NOISE.some((re) => re.test(text))) return;
        write(text, m[1].toLowerCase());
      } else if (verbose) {
        write(`[page:${type}] ${fallback}`, 'page');
      }
    });
  });
  return { flush: () => queue };
}
