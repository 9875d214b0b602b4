import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
import { DEFAULT_SELECTION, FsWorkspace } from '../../../server/src/node/fsWorkspace';

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

test('bulk indexing of files on disk: the worker reads its documents itself, with the same checks and reasons as this thread', { skip: !script && 'dist/analysisWorker.js not built' }, async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'corpus-lens-file-jobs-'));
  try {
    // 150 articles, a binary file and one over the size limit; and a file listed that is gone when read
    for (let copy = 0; copy < 30; copy++) {
      mkdirSync(path.join(root, `${copy}`));
      for (const j of jobs()) writeFileSync(path.join(root, `${copy}`, path.basename(j.id)), j.text);
    }
    writeFileSync(path.join(root, '7', 'binary.txt'), Buffer.from([0x41, 0, 0x42, 0x43]));
    writeFileSync(path.join(root, '8', 'huge.txt'), 'The minister said so. '.repeat(20_000));
    const selection = { ...DEFAULT_SELECTION, include: ['**/*.txt'], maxFileSize: 256 * 1024 };
    const indexed = async (workers: number) => {
      const workspace = new FsWorkspace(root, selection);
      const listed = await workspace.listDocuments();
      const reads = { async: 0, sync: 0 };
      const read = workspace.readDocument.bind(workspace);
      const readSync = workspace.readDocumentSync.bind(workspace);
      Object.assign(workspace, {
        listDocuments: async () => [...listed, path.join(root, '9', 'gone.txt')].sort(),
        readDocument: (id: string) => (reads.async++, read(id)),
        readDocumentSync: (id: string) => (reads.sync++, readSync(id)),
      });
      const service = new LanguageService({ workspace, workers });
      await service.indexWorkspace();
      return { service, reads, listed: listed.length + 1 };
    };
    const here = await indexed(0);
    const shared = await indexed(1);
    assert.deepEqual(shared.service.index.paths().sort(), here.service.index.paths().sort());
    assert.equal(here.service.index.size, 150);
    for (const p of here.service.index.paths()) assert.deepEqual(shared.service.index.resident(p), here.service.index.resident(p));
    const reasons = (s: LanguageService) => [...s.skipped].map(([id, reason]) => `${path.relative(root, id)}: ${reason}`).sort();
    assert.deepEqual(reasons(shared.service), reasons(here.service));
    assert.deepEqual(reasons(here.service), ['7/binary.txt: looks binary (it holds NUL bytes), not text', '8/huge.txt: is 429.7 KB, over the size limit of 256.0 KB (setting corpusLens.maxFileSize)', '9/gone.txt: does not exist']);
    // this thread read every document without a pool; with one, only those it analysed itself (at
    // once: its first 64, and more while the worker starts), the worker the others
    assert.equal(here.reads.async, here.listed);
    assert.equal(shared.reads.async, 0);
    assert.ok(shared.reads.sync >= 64 && shared.reads.sync < shared.listed, `this thread read ${shared.reads.sync} of ${shared.listed}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
