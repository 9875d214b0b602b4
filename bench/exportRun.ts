/**
 * `npm run bench:export`: the index export at growing sizes, as a user runs it: `corpus-lens index
 * <folder> --json --out FILE` (dist/cli.js, Node's defaults) in a process of its own, timed, with its
 * peak resident memory (getrusage's maxRSS: the process and its worker threads) and the bytes written.
 * Writes bench/results/export-latest.json. The corpora are bench/generateCorpus.ts's, as `npm run bench`.
 *
 *   npm run bench:export                    1k, 10k, 20k
 *   npm run bench:export -- --full          also 50k and 100k (~4.4 GB of JSON written, then deleted)
 *   npm run bench:export -- --sizes 100,200 custom sizes
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import * as path from 'node:path';
import { generateCorpus } from './generateCorpus';

const ROOT = path.resolve(__dirname, '..', '..');
const WORK = path.join(tmpdir(), 'corpus-lens-bench');

interface ExportRow {
  size: number;
  corpusMb: number;
  seconds: number;
  peakRssMb: number;
  peakPerCorpusByte: number;
  outputMb: number;
  exitCode: number | null;
  error?: string;
}

function sizes(args: string[]): number[] {
  const at = args.indexOf('--sizes');
  if (at >= 0) return args[at + 1].split(',').map(Number).filter((n) => n > 0);
  return args.includes('--full') ? [1000, 10000, 20000, 50000, 100000] : [1000, 10000, 20000];
}

function measure(size: number): ExportRow {
  const corpus = generateCorpus(path.join(WORK, `gen-${size}`), size);
  const out = path.join(WORK, `export-${size}.json`);
  const rssFile = path.join(WORK, `export-${size}.rss`);
  const probe = path.join(WORK, 'peak-rss.js');
  // reports the process's peak RSS when it exits (kilobytes, as getrusage gives it)
  writeFileSync(probe, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`);
  rmSync(out, { force: true });
  process.stderr.write(`exporting ${size} articles…\n`);
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', probe, path.join(ROOT, 'dist', 'cli.js'), 'index', corpus.dir, '--json', '--out', out], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 24 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakRssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
  let outputMb = 0;
  try {
    outputMb = statSync(out).size / 2 ** 20;
  } catch {
    // nothing written
  }
  rmSync(out, { force: true });
  const corpusMb = corpus.bytes / 2 ** 20;
  const row: ExportRow = { size, corpusMb: +corpusMb.toFixed(1), seconds: +seconds.toFixed(2), peakRssMb: Math.round(peakRssMb), peakPerCorpusByte: +(peakRssMb / corpusMb).toFixed(1), outputMb: Math.round(outputMb), exitCode: r.status };
  if (r.status !== 0) row.error = r.stderr.trim().split('\n').slice(-3).join(' ');
  return row;
}

function main(): void {
  mkdirSync(WORK, { recursive: true });
  const rows = sizes(process.argv.slice(2)).map(measure);
  const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: +(totalmem() / 2 ** 30).toFixed(1), node: process.version };
  const lines = [
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}`,
    '',
    '| articles | corpus MB | export s | peak RSS MB | peak / corpus | JSON MB | exit |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.size} | ${r.corpusMb} | ${r.seconds} | ${r.peakRssMb} | ${r.peakPerCorpusByte}x | ${r.outputMb} | ${r.exitCode}${r.error ? ` (${r.error})` : ''} |`),
  ];
  console.log(lines.join('\n'));
  const results = path.join(ROOT, 'bench', 'results');
  mkdirSync(results, { recursive: true });
  writeFileSync(path.join(results, 'export-latest.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, rows }, null, 2)}\n`);
  if (rows.some((r) => r.exitCode !== 0)) process.exitCode = 1;
}

main();
