import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { LanguageService } from '../../../server/src/engine/languageService';
import { rangeOf } from '../../../server/src/engine/text/lines';
import { InMemoryWorkspace } from '../../../server/src/engine/workspace';
import { diagnosticsFor } from '../../../server/src/features/diagnostics';

const SEEDS = path.resolve(__dirname, '../../../../seeds');

test('the diagnostics of every document are placed from the resident line starts, without reading any full analysis', async () => {
  const storage = mkdtempSync(path.join(tmpdir(), 'corpus-lens-diag-'));
  try {
    const files = new Map(readdirSync(SEEDS).map((f) => [`/corpus/${f}`, readFileSync(path.join(SEEDS, f), 'utf8')] as [string, string]));
    const service = new LanguageService({ workspace: new InMemoryWorkspace(files), storagePath: storage, workers: 0 });
    await service.indexWorkspace();
    await service.persisted(); // the index is saved after it is ready: not part of what is counted
    void service.index.claims;
    const store = service.index.store;
    const read = store.get.bind(store);
    let reads = 0;
    store.get = (p: string, r: Parameters<typeof read>[1]) => (reads++, read(p, r));
    const all = [...files.keys()].map((uri) => diagnosticsFor(service, uri));
    assert.equal(reads, 0, 'no analysis read');
    store.get = read;
    assert.ok(all.flat().length > 0, 'the seeds have findings');
    [...files.keys()].forEach((uri, i) => {
      const findings = service.findings(uri);
      const lines = service.index.get(uri)!.lineStarts;
      assert.deepEqual(all[i].map((d) => d.range), findings.map((f) => rangeOf(lines, f.span)), uri);
    });
  } finally {
    rmSync(storage, { recursive: true, force: true });
  }
});
