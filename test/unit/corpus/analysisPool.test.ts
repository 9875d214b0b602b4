import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { builtinLexicon } from '../../../server/src/engine/actors/lexicon';
import { AnalysisPool, findWorkerScript } from '../../../server/src/engine/worker/analysisPool';
import { analyzeOne } from '../../../server/src/engine/worker/analyzeOne';
import { residentOf } from '../../../server/src/engine/corpus/residentDocument';
import { residentFromLine } from '../../../server/src/engine/corpus/portableResident';
import { withResidentClaimFields } from '../../../server/src/engine/corpus/storedAnalysis';
import { LanguageService } from '../../../server/src/engine/languageService';
import { InMemoryWorkspace } from '../../../server/src/engine/workspace';

const SEEDS = path.resolve(__dirname, '../../../../seeds');
const jobs = () => readdirSync(SEEDS).map((f) => ({ id: `/corpus/${f}`, text: readFileSync(path.join(SEEDS, f), 'utf8') }));
const script = findWorkerScript();

test('worker threads give the same analyses as the calling thread, and their resident parts', { skip: !script && 'dist/analysisWorker.js not built' }, async () => {
  const lexicon = builtinLexicon();
  const pool = AnalysisPool.open(lexicon, { size: 2, script })!;
  try {
    const all = jobs();
    const [a, b] = await Promise.all([pool.analyze(all.slice(0, 2)), pool.analyze(all.slice(2))]);
    const expected = all.map((j) => analyzeOne(j, lexicon));
    assert.deepEqual(
      [...a, ...b].map((o) => {
        if (!('lines' in o)) return o;
        const [analysis, resident, rest] = Buffer.from(o.lines.bytes).toString('utf8').split('\n');
        assert.equal(Buffer.byteLength(analysis), o.lines.analysisLength);
        assert.deepEqual([residentFromLine(resident), rest], [o.resident, ''], 'the resident line is the resident part sent');
        assert.ok(!analysis.includes('"terms":'), 'the stored analysis leaves out the claim fields its resident part keeps');
        // made whole from the resident part, as the analysis store reads it
        return { id: o.id, resident: o.resident, analysis: withResidentClaimFields(JSON.parse(analysis), residentFromLine(resident)) };
      }),
      expected.map((o) => ('analysis' in o ? { id: o.id, resident: residentOf(o.analysis), analysis: JSON.parse(JSON.stringify(o.analysis)) } : o)),
    );
  } finally {
    await pool.close();
  }
});

test('bulk indexing on workers fills the same index as indexing on this thread', { skip: !script && 'dist/analysisWorker.js not built' }, async () => {
  const files = new Map(jobs().map((j) => [j.id, j.text] as [string, string]));
  files.set('/corpus/binary.txt', { error: 'looks binary' } as never);
  const onThread = new LanguageService({ workspace: new InMemoryWorkspace(new Map(files)), workers: 0 });
  const onWorkers = new LanguageService({ workspace: new InMemoryWorkspace(new Map(files)), workers: 2 });
  await onThread.indexWorkspace();
  await onWorkers.indexWorkspace();
  assert.deepEqual(onWorkers.index.paths().sort(), onThread.index.paths().sort());
  for (const p of onThread.index.paths()) assert.deepEqual(onWorkers.index.get(p), onThread.index.get(p));
  assert.deepEqual([...onWorkers.skipped.keys()], ['/corpus/binary.txt']);
});

test('bulk indexing with one worker, this thread analysing while the worker is full, fills the same index as this thread alone', { skip: !script && 'dist/analysisWorker.js not built' }, async () => {
  // 150 documents in batches of at most 32: the worker holds two batches, so this thread analyses the rest as it reads them
  const files = new Map<string, string>();
  for (let copy = 0; copy < 30; copy++) for (const j of jobs()) files.set(j.id.replace('/corpus/', `/corpus/${copy}/`), j.text);
  const onThread = new LanguageService({ workspace: new InMemoryWorkspace(new Map(files)), workers: 0 });
  const shared = new LanguageService({ workspace: new InMemoryWorkspace(new Map(files)), workers: 1 });
  await onThread.indexWorkspace();
  await shared.indexWorkspace();
  assert.deepEqual(shared.index.paths().sort(), onThread.index.paths().sort());
  for (const p of onThread.index.paths()) {
    assert.deepEqual(shared.index.get(p), onThread.index.get(p));
    assert.deepEqual(shared.index.resident(p), onThread.index.resident(p));
  }
  assert.deepEqual(shared.index.claims.clusters.length, onThread.index.claims.clusters.length);
});
