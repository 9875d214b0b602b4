/**
 * One benchmark measurement in its own process (so peak memory is this corpus's alone):
 *   node out/bench/measure.js cold <dir> <storage>   floor, cold index, persist, joins, queries, edits, memory
 *   node out/bench/measure.js warm <dir> <storage>   warm start from the persisted index, then verification
 * Prints one JSON object on stdout.
 */
import { performance } from 'node:perf_hooks';
import { FsWorkspace, DEFAULT_SELECTION } from '../server/src/node/fsWorkspace';
import { mentionCount } from '../server/src/engine/corpus/residentDocument';
import { LanguageService } from '../server/src/engine/languageService';
import type { ReadResult } from '../server/src/engine/workspace';
import { tokenize } from '../server/src/engine/text/tokenize';
import { analyzeDocument } from '../server/src/engine/analyzeDocument';
import { builtinLexicon } from '../server/src/engine/actors/lexicon';
import { positionAt } from '../server/src/engine/text/lines';
import { provideHover } from '../server/src/features/hover';
import { provideDefinition } from '../server/src/features/definition';
import { DEFAULT_MAX_REFERENCES, provideReferences } from '../server/src/features/references';
import { random } from './generateCorpus';
import { measurePublishing, type PublishingResult } from './publishing';
import { latencies, type Latency } from './stats';
import { measureWorkspaceSymbols, type WorkspaceSymbolsResult } from './workspaceSymbols';

export interface ColdResult {
  documents: number;
  bytes: number;
  floorMs: number;
  coldMs: number;
  persistMs: number;
  joinsMs: number;
  mentions: number;
  actors: number;
  claims: number;
  /** Opening a document in the editor (the server analyses the text it is given, or takes the analysis kept): before any request on it. */
  open: Latency;
  hover: Latency;
  definition: Latency;
  /** As the server answers: at most DEFAULT_MAX_REFERENCES locations (the setting's default). */
  references: Latency;
  /** Every location (the setting at 0, or the Show All Mentions command). */
  referencesAll: Latency;
  /** Workspace symbols: the picker opened, a name typed, a word no claim holds (with the longest wait of the event loop meanwhile). */
  workspaceSymbols?: WorkspaceSymbolsResult;
  edit: Latency;
  /** The analysis of the edited document alone (the per-document pipeline), inside `edit`. */
  editAnalysis: Latency;
  peakRssMb: number;
  heapUsedMb: number;
  /** Peak RSS when cold indexing and persisting were done (before the joins and the requests). */
  indexedPeakRssMb: number;
  /** Heap still reachable at the end (after a full garbage collection): what the index holds. */
  liveHeapMb: number;
  /** Publishing every document's diagnostics after indexing, and again after a re-join (see publishing.ts). */
  publishing: PublishingResult;
}

export interface WarmResult {
  loadMs: number;
  verifyMs: number;
  loaded: number;
  /** Edits after the warm start (see measureEdits). */
  edit: Latency;
}

function workspaceOf(dir: string): FsWorkspace {
  return new FsWorkspace(dir, { ...DEFAULT_SELECTION, include: ['**/*.txt', '**/*.md'], exclude: ['**/.*'] });
}

/** The floor: the same reads and the tokenizer over each whole text, on one thread. */
async function floorPass(ws: FsWorkspace, ids: string[]): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  let bytes = 0;
  for (let at = 0; at < ids.length; at += 64) {
    const reads = await Promise.all(ids.slice(at, at + 64).map((id) => ws.readDocument(id)));
    for (const r of reads) {
      if (!('text' in r)) continue;
      bytes += Buffer.byteLength(r.text);
      tokenize(r.text);
    }
  }
  return { ms: performance.now() - started, bytes };
}

/** Query positions: mostly on mentions (what users hover), some on dates and claims, from documents spread over the corpus. */
function samplePositions(service: LanguageService, ids: string[], count: number) {
  const rand = random(7);
  const out: { uri: string; position: { line: number; character: number } }[] = [];
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const doc = service.index.get(ids[Math.floor(rand() * ids.length)]);
    if (!doc) continue;
    const spans = doc.mentions.length && rand() < 0.8 ? doc.mentions : doc.dates.length && rand() < 0.5 ? doc.dates : doc.claims;
    const offset = spans.length ? spans[Math.floor(rand() * spans.length)].start : Math.floor(rand() * doc.length);
    out.push({ uri: doc.path, position: positionAt(doc.lineStarts, offset) });
  }
  return out;
}

function openDocument(service: LanguageService, uri: string, read: ReadResult): void {
  if ('error' in read) throw new Error(`${uri} ${read.error}`);
  service.updateDocument(uri, read.text);
  service.index.store.keepOpen(uri, true);
}

function time(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/** A one-line edit: a figure changed and a clause added in the middle line of the document. */
function editedText(text: string, round: number): string {
  const lines = text.split('\n');
  const i = Math.floor(lines.length / 2);
  lines[i] = `${lines[i].replace(/\d/, String(round % 10))} Officials said ${round + 2} people were hurt on Monday.`;
  return lines.join('\n');
}

/** The reachable heap, after a full collection (run with --expose-gc; otherwise the heap in use). */
function liveHeapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** Progress on stderr, with the memory after each phase (where a peak comes from). */
function phase(name: string): void {
  const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
  const m = process.memoryUsage();
  process.stderr.write(`  ${name}: RSS ${mb(m.rss)} (peak ${mb(process.resourceUsage().maxRSS * 1024)}), heap ${mb(m.heapUsed)}, outside the heap ${mb(m.external + m.arrayBuffers)}\n`);
}

async function cold(dir: string, storage: string): Promise<ColdResult> {
  const ws = workspaceOf(dir);
  const ids = await ws.listDocuments();
  const floor = await floorPass(ws, ids);
  phase('floor');
  // as the language server does: the storage folder is known before indexing, so analyses go to the analysis store file as they are made
  const service = new LanguageService({ workspace: ws, storagePath: storage });
  let t = performance.now();
  await service.indexWorkspace();
  const coldMs = performance.now() - t;
  // the index is saved after it is ready (it answers meanwhile): the rest of that save
  t = performance.now();
  await service.persisted();
  const persistMs = performance.now() - t;
  phase('cold index + persist');
  const indexedPeakRssMb = process.resourceUsage().maxRSS / 1024;
  // the exact joins are made at the end of indexing (the claim join in slices: part of the cold time);
  // the column reports what they cost, and they are ready here
  const joinsMs = service.index.joinCostMs;
  void service.index.actors.actors.length;
  void service.index.claims.clusters.length;
  phase('joins');
  const publishing = await measurePublishing(service);
  phase('diagnostics published');
  const positions = samplePositions(service, ids, 300);
  // an editor sends requests on open documents only: each is opened first, as the server does on
  // didOpen (its text given; analysed again when the store keeps no analysis of it), and kept open
  const opened = [...new Set(positions.map((p) => p.uri))];
  const texts = await Promise.all(opened.map((uri) => ws.readDocument(uri)));
  const open = latencies(opened.map((uri, i) => time(() => openDocument(service, uri, texts[i]))));
  phase('open');
  const hover = latencies(positions.map((p) => time(() => provideHover(service, { textDocument: { uri: p.uri }, position: p.position }))));
  phase('hover');
  const definition = latencies(positions.map((p) => time(() => provideDefinition(service, { textDocument: { uri: p.uri }, position: p.position }))));
  phase('definition');
  const referencesOf = (maxResults: number) => latencies(positions.map((p) => time(() => provideReferences(service, { textDocument: { uri: p.uri }, position: p.position, context: { includeDeclaration: true } }, maxResults))));
  const references = referencesOf(DEFAULT_MAX_REFERENCES);
  phase('references');
  const referencesAll = referencesOf(0);
  phase('references, every location');
  const workspaceSymbols = await measureWorkspaceSymbols(service);
  phase('workspace symbols');
  const { edit, editAnalysis } = await measureEdits(service, ws, ids, true);
  phase('edits');
  for (const uri of opened) service.index.store.keepOpen(uri, false);
  let mentions = 0;
  let claims = 0;
  for (const d of service.index.residents()) {
    mentions += mentionCount(d);
    claims += d.statementKeys.length / 2;
  }
  return {
    documents: service.index.size,
    bytes: floor.bytes,
    floorMs: floor.ms,
    coldMs,
    persistMs,
    joinsMs,
    mentions,
    actors: service.index.actors.actors.length,
    claims,
    open,
    hover,
    definition,
    references,
    referencesAll,
    workspaceSymbols,
    edit,
    editAnalysis: editAnalysis!,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    heapUsedMb: process.memoryUsage().heapUsed / 1024 / 1024,
    indexedPeakRssMb,
    liveHeapMb: liveHeapMb(),
    publishing,
  };
}

/**
 * 30 one-line edits of documents spread over the corpus, each timed as updateDocument + bringing the
 * joins up to date + the document's findings (and, with `analysisApart`, the analysis of the edited
 * text alone, run before the edit: it also compiles the analysis code the edit then runs).
 * The exact re-join once edits pause is not part of an edit's cost (it runs when the reader stops
 * typing; its cost is the "joins" figure): its timer is kept from firing between two measured edits.
 */
async function measureEdits(service: LanguageService, ws: FsWorkspace, ids: string[], analysisApart: boolean): Promise<{ edit: Latency; editAnalysis?: Latency }> {
  const rand = random(11);
  const editTimes: number[] = [];
  const analysisTimes: number[] = [];
  service.settleDelayMs = 24 * 3600 * 1000;
  for (let round = 0; round < 30; round++) {
    const id = ids[Math.floor(rand() * ids.length)];
    const read = await ws.readDocument(id);
    if (!('text' in read)) continue;
    const text = editedText(read.text, round);
    if (analysisApart) analysisTimes.push(time(() => analyzeDocument(id, text, { lexicon: builtinLexicon() })));
    editTimes.push(
      time(() => {
        service.updateDocument(id, text);
        void service.index.actors.actors.length;
        void service.index.claims.clusters.length;
        service.findings(id);
      }),
    );
  }
  return { edit: latencies(editTimes), editAnalysis: analysisApart ? latencies(analysisTimes) : undefined };
}

async function warm(dir: string, storage: string): Promise<WarmResult> {
  const logger = { info: (m: string) => process.stderr.write(`  warm: ${m}\n`), warn: (m: string) => process.stderr.write(`  warm: ${m}\n`) };
  const service = new LanguageService({ workspace: workspaceOf(dir), storagePath: storage, logger });
  let t = performance.now();
  const loaded = await service.loadPersisted();
  void service.index.actors.actors.length;
  const loadMs = performance.now() - t;
  t = performance.now();
  const ws = workspaceOf(dir);
  await service.indexWorkspace();
  const verifyMs = performance.now() - t;
  // the same edits after a warm start, when this process has analysed nothing yet (the first edits
  // run code the JIT has not seen); no analysis run apart before them
  const { edit } = await measureEdits(service, ws, await ws.listDocuments(), false);
  return { loadMs, verifyMs, loaded, edit };
}

async function main(): Promise<void> {
  const [mode, dir, storage] = process.argv.slice(2);
  const result = mode === 'warm' ? await warm(dir, storage) : await cold(dir, storage);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
