/** A corpus for the claim join's tests: real articles and generated ones with many same claims and contradictions. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generateCorpus } from '../../../bench/generateCorpus';
import { builtinLexicon } from '../../../server/src/engine/actors/lexicon';
import { analyzeDocument } from '../../../server/src/engine/analyzeDocument';
import { CorpusIndex } from '../../../server/src/engine/corpus/corpusIndex';
import type { DocumentAnalysis } from '../../../server/src/engine/types';

export const lexicon = builtinLexicon();
export const SEEDS = path.resolve(__dirname, '../../../../seeds');
export const analyse = (p: string, text: string) => analyzeDocument(p, text, { lexicon });

/** The seeds and a hundred generated articles (enough documents for the join to pause several times). */
export function corpus(): DocumentAnalysis[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-slices-'));
  try {
    const { files } = generateCorpus(dir, 100);
    const seeds = readdirSync(SEEDS).map((f) => analyse(`/seeds/${f}`, readFileSync(path.join(SEEDS, f), 'utf8')));
    return [...seeds, ...files.map((file) => analyse(file, readFileSync(file, 'utf8')))];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function indexOf(docs: Iterable<DocumentAnalysis>): CorpusIndex {
  const index = new CorpusIndex(lexicon);
  for (const d of docs) index.set(d);
  return index;
}

