/**
 * Where the memory goes: `node --expose-gc out/bench/memoryProbe.js <folder> [workers]` indexes the
 * folder cold (as the language server does, with a storage folder: analyses go to the analysis
 * store file), brings the joins and actor views up to date, then reports the live heap per byte of
 * text: in all, held by the resident documents, and held by the joins and views; and the peak RSS.
 * For engineers cutting memory; not part of the gated run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FsWorkspace, DEFAULT_SELECTION } from '../server/src/node/fsWorkspace';
import { LanguageService } from '../server/src/engine/languageService';

const gc = (globalThis as { gc?: () => void }).gc;

function heapMb(): number {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.external + m.arrayBuffers) / 2 ** 20;
}

async function main(): Promise<void> {
  const [dir, workers] = process.argv.slice(2);
  if (!gc) throw new Error('run with node --expose-gc');
  const workspace = new FsWorkspace(dir, { ...DEFAULT_SELECTION, include: ['**/*.txt', '**/*.md'], exclude: ['**/.*'] });
  const before = heapMb();
  const storagePath = mkdtempSync(path.join(tmpdir(), 'corpus-lens-memory-'));
  process.on('exit', () => rmSync(storagePath, { recursive: true, force: true }));
  const service = new LanguageService({ workspace, storagePath, workers: workers === undefined ? undefined : Number(workers) });
  let t = Date.now();
  await service.indexWorkspace();
  const indexMs = Date.now() - t;
  const rss = () => `${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB RSS (peak ${(process.resourceUsage().maxRSS / 1024).toFixed(0)})`;
  console.log(`after indexing (joins and views built): ${rss()}`);
  void service.index.claims.clusters.length;
  for (const path of service.index.paths()) service.findings(path);
  console.log(`after every document's findings: ${rss()}`);
  let textBytes = 0;
  for (const p of service.index.paths()) textBytes += service.index.get(p)!.length;
  const all = heapMb() - before;
  // drops the joins (same lexicon: nothing else changes); the actor views stay
  service.index.setLexicon((service.index as unknown as { lexicon: Parameters<typeof service.index.setLexicon>[0] }).lexicon);
  const withoutJoins = heapMb() - before;
  (service.index.views as unknown as { views: Map<string, unknown> }).views.clear();
  const analyses = heapMb() - before;
  const mb = (x: number) => `${x.toFixed(1)} MB (${((x * 2 ** 20) / textBytes).toFixed(1)}x text)`;
  console.log(`${service.index.size} documents, ${(textBytes / 2 ** 20).toFixed(1)} MB of text, indexed in ${indexMs} ms`);
  console.log(`live heap: ${mb(all)}; without the joins ${mb(withoutJoins)}; joins ${mb(all - withoutJoins)}; actor views ${mb(withoutJoins - analyses)}; resident documents (+ recent analyses) ${mb(analyses)}`);
  console.log(`per document: ${((analyses * 2 ** 20) / service.index.size / 1024).toFixed(1)} KB resident`);
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (${((process.resourceUsage().maxRSS * 1024) / textBytes).toFixed(0)}x text)`);
}

void main();
