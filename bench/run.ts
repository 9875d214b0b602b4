/**
 * `npm run bench`: the Corpus Lens benchmark. Generates deterministic corpora (bench/generateCorpus.ts)
 * and takes the real texts (seeds/ and ../shared/data/gum-news), then measures each in its own process
 * (bench/measure.ts): the bare read+tokenise floor, cold indexing with the worker pool, persisting, warm
 * start, one-line edits, hover/definition/references latency and peak memory. Prints a table, writes
 * bench/results/latest.json, and exits non-zero when a gate fails.
 *
 *   npm run bench                    sizes 100, 1k, 5k, 10k + real texts
 *   npm run bench -- --full          also 50k and 100k (~300 MB; several minutes)
 *   npm run bench -- --sizes 100,200 custom sizes
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem, tmpdir } from 'node:os';
import * as path from 'node:path';
import { SERVER_NODE_FLAGS } from '../server/src/engine/worker/heapSettings';
import { generateCorpus } from './generateCorpus';
import { evaluateGates, formatTable, type Row } from './report';
import type { ColdResult, WarmResult } from './measure';

const ROOT = path.resolve(__dirname, '..', '..');
const WORK = path.join(tmpdir(), 'corpus-lens-bench');

function parseSizes(args: string[]): number[] {
  const at = args.indexOf('--sizes');
  if (at >= 0) return args[at + 1].split(',').map(Number).filter((n) => n > 0);
  const sizes = [100, 1000, 5000, 10000];
  if (args.includes('--full')) sizes.push(50000, 100000);
  return sizes;
}

/**
 * A private copy of the built measuring script and worker bundle: other builds of out/ and dist/ during
 * a long run must not mix engine versions (the persisted index would be rejected as another engine's).
 */
function snapshotBinaries(): string {
  const bin = path.join(WORK, 'bin');
  rmSync(bin, { recursive: true, force: true });
  mkdirSync(bin, { recursive: true });
  copyFileSync(path.join(__dirname, 'measure.js'), path.join(bin, 'measure.js'));
  copyFileSync(path.join(ROOT, 'dist', 'analysisWorker.js'), path.join(bin, 'analysisWorker.js'));
  return bin;
}

let BIN = '';

/** Measures in a process of its own started as the extension starts the server: Node's default heap limit, the server's flags (SERVER_NODE_FLAGS). */
function measure<T>(mode: 'cold' | 'warm', dir: string, storage: string): T {
  const out = execFileSync(process.execPath, [...SERVER_NODE_FLAGS, '--expose-gc', path.join(BIN, 'measure.js'), mode, dir, storage], { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}

/** The real texts: the seed articles and the GUM news articles, copied into one folder. */
function realCorpus(): string | undefined {
  const dir = path.join(WORK, 'real');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const sources = [path.join(ROOT, 'seeds'), path.join(ROOT, '..', 'shared', 'data', 'gum-news', 'articles')];
  let n = 0;
  for (const src of sources) {
    if (!existsSync(src)) continue;
    for (const f of readdirSync(src)) if (/\.(txt|md)$/.test(f)) copyFileSync(path.join(src, f), path.join(dir, `${path.basename(src)}-${f}`)), n++;
  }
  return n ? dir : undefined;
}

function run(name: string, dir: string): Row {
  const storage = path.join(WORK, `storage-${name}`);
  rmSync(storage, { recursive: true, force: true });
  process.stderr.write(`measuring ${name}…\n`);
  const cold = measure<ColdResult>('cold', dir, storage);
  const warm = measure<WarmResult>('warm', dir, storage);
  return { name, ...cold, warm };
}

function machine() {
  const cpu = cpus();
  return { cpu: cpu[0]?.model ?? 'unknown', cores: cpu.length, memoryGb: +(totalmem() / 2 ** 30).toFixed(1), freeGb: +(freemem() / 2 ** 30).toFixed(1), node: process.version, platform: `${process.platform} ${process.arch}` };
}

function main(): void {
  const args = process.argv.slice(2);
  BIN = snapshotBinaries();
  const rows: Row[] = [];
  for (const size of parseSizes(args)) {
    process.stderr.write(`generating ${size} articles…\n`);
    const corpus = generateCorpus(path.join(WORK, `gen-${size}`), size);
    rows.push(run(String(size), corpus.dir));
  }
  const real = realCorpus();
  if (real) rows.push(run('real', real));
  const gates = evaluateGates(rows);
  const report = { date: new Date().toISOString(), machine: machine(), rows, gates };
  console.log(formatTable(rows, gates, report.machine));
  const results = path.join(ROOT, 'bench', 'results');
  mkdirSync(results, { recursive: true });
  writeFileSync(path.join(results, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  if (gates.some((g) => g.pass === false)) process.exitCode = 1;
}

main();
