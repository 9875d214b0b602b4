/**
 * Two analysers side by side in one process: `node out/bench/twoAnalysers.js <folder> [alone|both|keep] [docs]`.
 * A worker thread analyses and packs `docs` articles (as bulk indexing does per document) while the
 * main thread does nothing (`alone`), the same work on other articles (`both`), or that work keeping
 * every result (`keep`, as the indexing thread keeps resident parts: its heap grows). Prints each
 * thread's milliseconds per article (second pass, compiled). For engineers; not part of the gated run.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { builtinLexicon } from '../server/src/engine/actors/lexicon';
import { analyzeDocument } from '../server/src/engine/analyzeDocument';
import { encodeLines } from '../server/src/engine/corpus/analysisStore';
import { portableLine, portableOfAnalysis } from '../server/src/engine/corpus/portableResident';
import { storedAnalysisJson } from '../server/src/engine/corpus/storedAnalysis';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (name.startsWith('.')) return [];
    return statSync(p).isDirectory() ? files(p) : /\.(txt|md)$/.test(name) ? [p] : [];
  });
}

const texts = (dir: string, from: number, count: number) => files(dir).sort().slice(from, from + count).map((f) => readFileSync(f, 'utf8'));

/** Analyses and packs every text twice; the milliseconds per article of the second pass. */
function analyse(list: string[], keep: unknown[] | undefined): number {
  const lexicon = builtinLexicon();
  let ms = 0;
  for (let pass = 0; pass < 2; pass++) {
    const t = performance.now();
    list.forEach((text, i) => {
      const analysis = analyzeDocument(`/doc-${i}.txt`, text, { lexicon });
      const resident = portableOfAnalysis(analysis);
      encodeLines(storedAnalysisJson(analysis), portableLine(resident));
      keep?.push(analysis, resident);
    });
    ms = (performance.now() - t) / list.length;
  }
  return ms;
}

if (isMainThread) {
  const [dir, mode = 'both', docs = '4000'] = process.argv.slice(2);
  const count = Number(docs);
  const worker = new Worker(__filename, { workerData: { dir, from: count, count } });
  worker.on('message', (ms: number) => console.log(`worker thread: ${ms.toFixed(3)} ms an article`));
  if (mode !== 'alone') {
    const kept = mode === 'keep' ? [] : undefined;
    const ms = analyse(texts(dir, 0, count), kept);
    console.log(`main thread (${mode}): ${ms.toFixed(3)} ms an article, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`);
  }
} else {
  parentPort!.postMessage(analyse(texts(workerData.dir, workerData.from, workerData.count), undefined));
}
