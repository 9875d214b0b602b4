import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { builtinLexicon } from '../../../server/src/engine/actors/lexicon';
import { analyzeDocument } from '../../../server/src/engine/analyzeDocument';
import { FileAnalysisStore } from '../../../server/src/engine/corpus/analysisStore';
import { residentOf } from '../../../server/src/engine/corpus/residentDocument';

const SEEDS = path.resolve(__dirname, '../../../../seeds');

test('the analyses file: lines written in batches are read back before and after the batch is written, and by a store opened again', (t) => {
  const lexicon = builtinLexicon();
  const seeds = readdirSync(SEEDS).map((f) => analyzeDocument(`/corpus/${f}`, readFileSync(path.join(SEEDS, f), 'utf8'), { lexicon }));
  // enough copies of the seeds to fill a few batches (about 1 MB each)
  const analyses = Array.from({ length: 120 }, (_, i) => ({ ...seeds[i % seeds.length], path: `/corpus/copy-${i}.txt` }));
  const folder = mkdtempSync(path.join(tmpdir(), 'corpus-lens-store-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  const file = path.join(folder, 'analyses.jsonl');
  const store = FileAnalysisStore.open(file);
  const expected = (i: number) => JSON.parse(JSON.stringify(analyses[i]));
  analyses.forEach((a, i) => {
    store.put(a, residentOf(a));
    // the one just put is among the recently used; one put a while ago is read from the file (its batch may be unwritten)
    if (i >= 40) assert.deepEqual(store.get(analyses[i - 40].path, residentOf(analyses[i - 40])), expected(i - 40), `read back ${i - 40} while putting ${i}`);
  });
  assert.ok(statSync(file).size > 1 << 20, 'some batches were written');
  for (const i of [0, 59, 118, 119]) assert.deepEqual(store.getResident(analyses[i].path), residentOf(analyses[i]), `resident part ${i}`);
  store.flush();
  const again = FileAnalysisStore.open(file, store.id);
  analyses.forEach((a, i) => again.adopt(a.path, store.locationOf(a.path)!, store.residentLocationOf(a.path)));
  for (const i of [0, 1, 77, 119]) assert.deepEqual(again.get(analyses[i].path, residentOf(analyses[i])), expected(i), `${i} from the file opened again`);
  store.close();
  again.close();
});
