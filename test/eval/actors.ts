/**
 * `npm run eval` — actors: named mentions on the GUM news gold (P/R/F1 overall and per type,
 * typed/untyped, exact/relaxed/overlap), the library comparison when compromise is available,
 * alias clustering on the hand-made seed gold (test/gold/seeds-actors.json), and throughput.
 */
import { compromisePredictor, enginePredictor, evaluateOnGum } from './actors/gumEval';
import { errorReport } from './actors/errorReport';
import { gumDirectory, loadGum } from './actors/gumGold';
import { evaluateSeeds } from './actors/seedsEval';

export async function evaluate(): Promise<string> {
  const out: string[] = [];
  const dir = gumDirectory();
  if (!dir) out.push('GUM news gold not found (set CORPUS_LENS_GUM): skipped');
  else {
    const docs = loadGum(dir);
    const aligned = docs.reduce((n, d) => n + d.gold.length, 0);
    const unaligned = docs.reduce((n, d) => n + d.unaligned, 0);
    const named = docs.reduce((n, d) => n + d.gold.filter((g) => g.named).length, 0);
    out.push(`GUM news: ${docs.length} documents; gold person/place/organization rows with an identity: ${aligned} aligned, ${unaligned} not aligned; ${named} of them are named mentions (scored)`);
    const engine = evaluateOnGum(docs, enginePredictor, 'engine (gazetteer + rules)');
    out.push(engine.text);
    const library = compromisePredictor();
    out.push(library ? evaluateOnGum(docs, library, 'compromise 14 (people/places/organizations)').text : 'compromise not installed: library comparison skipped (see docs/nlp-comparison.md)');
    if (process.env.ACTORS_EVAL_VERBOSE) out.push(errorReport(docs, enginePredictor));
  }
  out.push(evaluateSeeds());
  return out.join('\n');
}
