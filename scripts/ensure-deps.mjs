// Installs the npm dependencies when they are missing or older than the lock file, so that
// `npm start` and `npm test` work on a fresh clone with nothing else run first.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

export function ensureDependencies(repo) {
  const installed = path.join(repo, 'node_modules', '.package-lock.json');
  const lock = path.join(repo, 'package-lock.json');
  if (existsSync(installed) && (!existsSync(lock) || statSync(installed).mtimeMs >= statSync(lock).mtimeMs)) return;
  const command = existsSync(lock) ? 'ci' : 'install';
  console.log(`Installing npm dependencies (npm ${command}) …`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, [command, '--no-audit', '--no-fund'], { cwd: repo, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`npm ${command} failed (exit ${r.status ?? r.signal}); the npm registry must be reachable.`);
    process.exit(r.status ?? 1);
  }
}
