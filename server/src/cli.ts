import { mkdtempSync, promises as fs, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { RULES } from './engine/config';
import { FileAnalysisStore } from './engine/corpus/analysisStore';
import { allFindings } from './engine/diagnostics';
import { writeDiagnosticsJson, writeIndexJson } from './engine/export/indexJson';
import { StreamOut, type TextOut } from './engine/export/jsonText';
import { createLanguageService, type LanguageService } from './engine/languageService';
import { writeSarif } from './engine/sarif';
import { rangeOf } from './engine/text/lines';
import type { Finding } from './engine/types';
import { WORKSPACE_FILE } from './engine/workspaceFile';
import { CliWorkspace } from './node/cliWorkspace';
import { writeFileInPieces } from './node/writeFileInPieces';

const VERSION = '0.1.0';
const SEVERITY_RANK: Record<string, number> = { hint: 0, information: 1, warning: 2, error: 3 };

const USAGE = `corpus-lens ${VERSION}: actors, dates and claims in a corpus of news articles

Usage:
  corpus-lens index <file-or-folder>... --json [--out FILE]
      Write the whole index as JSON (docs/index-json.md) to stdout or FILE.
  corpus-lens check <file-or-folder>... [--fail-on error|warning|information|hint]
                    [--format text|sarif|json] [--out FILE]
      Print findings as "path:line:col severity code message" (or SARIF / JSON).
      Exits 1 when a finding at or above --fail-on (default: warning) exists.

Folders are searched for .txt and .md files. A ${WORKSPACE_FILE} in the first folder given (or the
current directory) supplies actors, document dates and diagnostics settings, as in the editor.
Rules: ${Object.keys(RULES).join(', ')}. Suppress with <!-- corpus-lens-disable-line CODE -->,
<!-- corpus-lens-disable-next-line CODE --> or <!-- corpus-lens-disable-file CODE --> in a document.
Exit status: 0 success, 1 findings at or above --fail-on (check), 2 usage error or nothing readable.`;

interface Options {
  command: string;
  paths: string[];
  json: boolean;
  out?: string;
  failOn: string;
  format: string;
}

function parseArgs(argv: string[]): Options | string {
  const opts: Options = { command: argv[0] ?? '', paths: [], json: false, failOn: 'warning', format: 'text' };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    try {
      if (a === '--json') opts.json = true;
      else if (a.startsWith('--out')) opts.out = value();
      else if (a.startsWith('--fail-on')) opts.failOn = value();
      else if (a.startsWith('--format')) opts.format = value();
      else if (a.startsWith('--')) return `unknown option ${a}`;
      else opts.paths.push(a);
    } catch (err) {
      return (err as Error).message;
    }
  }
  if (!(opts.failOn in SEVERITY_RANK)) return `--fail-on must be one of error, warning, information, hint`;
  if (!['text', 'sarif', 'json'].includes(opts.format)) return `--format must be text, sarif or json`;
  if (opts.paths.length === 0) return 'give at least one file or folder';
  return opts;
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (argv[0] === '--version') {
    console.log(VERSION);
    return 0;
  }
  if (argv[0] !== 'index' && argv[0] !== 'check') {
    console.error(`corpus-lens: unknown command "${argv[0]}"\n\n${USAGE}`);
    return 2;
  }
  const opts = parseArgs(argv);
  if (typeof opts === 'string') {
    console.error(`corpus-lens: ${opts}\n\n${USAGE}`);
    return 2;
  }
  const workspace = await CliWorkspace.open(opts.paths, process.cwd());
  for (const m of workspace.missing) console.error(`corpus-lens: ${m}: does not exist (skipped)`);
  const service = createLanguageService({ workspace, logger: { info: () => {}, warn: (msg) => console.error(`corpus-lens: ${msg}`) } });
  // the documents' analyses go to a temporary file, not the heap: a corpus of any size fits
  let temp: { folder: string; store: FileAnalysisStore } | undefined;
  try {
    const folder = mkdtempSync(path.join(tmpdir(), 'corpus-lens-'));
    temp = { folder, store: FileAnalysisStore.open(path.join(folder, 'analyses.jsonl'), undefined, true) };
    service.index.useStore(temp.store);
  } catch (err) {
    console.error(`corpus-lens: no temporary file for the analyses (${(err as Error).message}); keeping them in memory`);
  }
  try {
    return await run(opts, workspace, service);
  } finally {
    temp?.store.close();
    if (temp) rmSync(temp.folder, { recursive: true, force: true });
  }
}

async function run(opts: Options, workspace: CliWorkspace, service: LanguageService): Promise<number> {
  const configText = await fs.readFile(path.join(workspace.configFolder, WORKSPACE_FILE), 'utf8').catch(() => undefined);
  await service.setWorkspaceFile(configText);
  const report = await service.indexWorkspace();
  const rel = (id: string) => workspace.relativePath(id);
  const index = service.index;
  if (report.documents === 0) {
    console.error('corpus-lens: no document could be indexed');
    if (opts.command === 'index') await writeTo(opts.out, (out) => writeIndexJson({ index, findings: [], rel, skipped: report.skipped, tempFolder: tmpdir() }, out));
    return 2;
  }
  const findings = allFindings(index, service.engineConfig);
  if (opts.command === 'index') {
    if (!opts.json) console.error('corpus-lens: index writes JSON; pass --json (assumed)');
    await writeTo(opts.out, (out) => writeIndexJson({ index, findings, rel, skipped: report.skipped, tempFolder: tmpdir() }, out));
    return 0;
  }
  if (opts.format === 'sarif') await writeTo(opts.out, (out) => writeSarif(index, findings, rel, VERSION, out));
  else if (opts.format === 'json') await writeTo(opts.out, (out) => writeDiagnosticsJson(index, findings, rel, out));
  else await write(opts.out, findings.map((f) => formatFinding(f, index.resident(f.path)!.lineStarts, rel)).join('\n') + (findings.length ? '\n' : ''));
  const threshold = SEVERITY_RANK[opts.failOn];
  const failing = findings.filter((f) => SEVERITY_RANK[f.severity] >= threshold).length;
  console.error(`corpus-lens: ${report.documents} documents, ${findings.length} findings (${failing} at or above ${opts.failOn})`);
  return failing > 0 ? 1 : 0;
}

/** Writes to FILE, or to standard output, a piece at a time. */
async function writeTo(file: string | undefined, writer: (out: TextOut) => Promise<void>): Promise<void> {
  return file ? writeFileInPieces(file, writer) : writer(new StreamOut(process.stdout));
}

export function formatFinding(f: Finding, lineStarts: ArrayLike<number>, rel: (id: string) => string): string {
  const { start } = rangeOf(lineStarts, f.span);
  return `${rel(f.path)}:${start.line + 1}:${start.character + 1} ${f.severity} ${f.code} ${f.message}`;
}

async function write(out: string | undefined, text: string): Promise<void> {
  if (out) await fs.writeFile(out, text.endsWith('\n') ? text : `${text}\n`);
  else process.stdout.write(text.endsWith('\n') || !text ? text : `${text}\n`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`corpus-lens: internal error: ${(err as Error).stack ?? err}`);
    process.exitCode = 3;
  },
);
