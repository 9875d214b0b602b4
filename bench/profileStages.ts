/**
 * Where the per-document time goes: `node out/bench/profileStages.js <folder> [max docs]` times each
 * stage of the pipeline (text model, actors, dates, claims) over the folder's articles on one thread,
 * next to the bare tokenise floor, then the whole analysis and what bulk indexing does after it on a
 * worker (the resident part in portable form, the stored lines encoded). For engineers tuning their
 * stage; not part of the gated run.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { builtinLexicon } from '../server/src/engine/actors/lexicon';
import { findActors } from '../server/src/engine/actors/findActors';
import { findClaims } from '../server/src/engine/claims/findClaims';
import { findDates } from '../server/src/engine/dates/findDates';
import { extractMarkup } from '../server/src/engine/metadata';
import { buildTextModel } from '../server/src/engine/text/textModel';
import { tokenize } from '../server/src/engine/text/tokenize';
import { analyzeDocument } from '../server/src/engine/analyzeDocument';
import { encodeLines } from '../server/src/engine/corpus/analysisStore';
import { portableLine, portableOfAnalysis, residentOfPortable } from '../server/src/engine/corpus/portableResident';
import { deserialize, serialize } from 'node:v8';
import { storedAnalysisJson } from '../server/src/engine/corpus/storedAnalysis';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (name.startsWith('.')) return [];
    return statSync(p).isDirectory() ? files(p) : /\.(txt|md)$/.test(name) ? [p] : [];
  });
}

function main(): void {
  const [dir, max] = process.argv.slice(2);
  const texts = files(dir)
    .sort()
    .slice(0, Number(max) || Infinity)
    .map((f) => readFileSync(f, 'utf8'));
  const lexicon = builtinLexicon();
  const totals = { tokenise: 0, markup: 0, textModel: 0, actors: 0, dates: 0, claims: 0, analysis: 0, packing: 0, receiving: 0 };
  let bytes = 0;
  for (const text of texts) {
    bytes += text.length;
    let t = performance.now();
    tokenize(text);
    totals.tokenise += performance.now() - t;
    t = performance.now();
    const markup = extractMarkup(text);
    totals.markup += performance.now() - t;
    t = performance.now();
    const model = buildTextModel(markup.text);
    totals.textModel += performance.now() - t;
    t = performance.now();
    const actors = findActors(model, lexicon);
    totals.actors += performance.now() - t;
    t = performance.now();
    const dates = findDates(model, { metadataDate: markup.metadata.date });
    totals.dates += performance.now() - t;
    t = performance.now();
    findClaims(model, actors, dates, 'doc');
    totals.claims += performance.now() - t;
  }
  // the whole analysis, and what a worker does with it before sending it (analyzeOne.portableOutcomeOf)
  texts.forEach((text, i) => {
    let t = performance.now();
    const analysis = analyzeDocument(`/doc-${i}.txt`, text, { lexicon });
    totals.analysis += performance.now() - t;
    t = performance.now();
    const resident = portableOfAnalysis(analysis);
    encodeLines(storedAnalysisJson(analysis), portableLine(resident));
    totals.packing += performance.now() - t;
    // what the main thread does with a worker's part: a copy as a message makes it (the structured
    // clone; its arrays are moved, not copied, by postMessage), then its strings, shapes and entities
    // looked up in this thread's tables (at 100k articles in the pipeline those tables are large, and
    // this costs ~2.5x what it costs here)
    t = performance.now();
    residentOfPortable(deserialize(serialize(resident)) as typeof resident);
    totals.receiving += performance.now() - t;
  });
  const mb = bytes / 1024 / 1024;
  console.log(`${texts.length} documents, ${mb.toFixed(1)} M chars; per document: analysis ${(totals.analysis / texts.length).toFixed(3)} ms, packing ${(totals.packing / texts.length).toFixed(3)} ms, receiving ${(totals.receiving / texts.length).toFixed(3)} ms`);
  for (const [stage, ms] of Object.entries(totals)) console.log(`${stage.padEnd(10)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${(mb / (ms / 1000)).toFixed(1).padStart(7)} MB/s  ${(ms / totals.tokenise).toFixed(1).padStart(6)}x tokenise`);
}

main();
