import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { readCorpusFile, readCorpusFileSync } from '../../../server/src/node/readDocument';

test('readCorpusFile reads text and names each problem in plain words', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-read-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const article = 'Putin met Biden in Geneva on 16 June 2021.\nThe talks lasted four hours.\n'.repeat(2000);
  writeFileSync(path.join(dir, 'article.txt'), article);
  writeFileSync(path.join(dir, 'empty.txt'), '');
  writeFileSync(path.join(dir, 'bom.txt'), '\ufeffKyiv');
  mkdirSync(path.join(dir, 'folder.txt'));
  assert.deepEqual(await readCorpusFile(path.join(dir, 'article.txt')), { text: article });
  assert.deepEqual(await readCorpusFile(path.join(dir, 'empty.txt')), { text: '' });
  assert.deepEqual(await readCorpusFile(path.join(dir, 'bom.txt')), { text: 'Kyiv' });
  assert.deepEqual(await readCorpusFile(path.join(dir, 'folder.txt')), { error: 'is a folder, not a file' });
  assert.deepEqual(await readCorpusFile(path.join(dir, 'missing.txt')), { error: 'does not exist' });
  assert.deepEqual(await readCorpusFile(path.join(dir, 'article.txt'), 1024), {
    error: `is ${(article.length / 1024).toFixed(1)} KB, over the size limit of 1.0 KB (setting corpusLens.maxFileSize)`,
  });
  // the synchronous read (a document analysed again for a request) gives the same outcome for each
  for (const [name, limit] of [['article.txt', undefined], ['empty.txt'], ['bom.txt'], ['folder.txt'], ['missing.txt'], ['article.txt', 1024]] as [string, number?][]) {
    assert.deepEqual(readCorpusFileSync(path.join(dir, name), limit), await readCorpusFile(path.join(dir, name), limit), name);
  }
});
