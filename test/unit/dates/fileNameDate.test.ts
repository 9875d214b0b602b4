import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeDocument } from '../../../server/src/engine/analyzeDocument';
import { builtinLexicon } from '../../../server/src/engine/actors/lexicon';
import { dateFromFileName } from '../../../server/src/engine/dates/fileNameDate';

test('a date in the file name dates the document (source "file"); hashes and impossible days do not', () => {
  assert.deepEqual(dateFromFileName('2025-06-15-kyiv-strikes.txt'), { value: '2025-06-15', from: '2025-06-15', to: '2025-06-15', source: 'file', evidence: 'the file name "2025-06-15-kyiv-strikes.txt"' });
  assert.equal(dateFromFileName('reuters_20250615_ukraine.md')?.value, '2025-06-15');
  assert.equal(dateFromFileName('003_05eff9d5d1b361e9.txt'), null);
  assert.equal(dateFromFileName('a1b20250615c.txt'), null, 'inside a hash');
  assert.equal(dateFromFileName('2025-02-30-report.txt'), null);
  assert.equal(dateFromFileName('2025-06_15.txt'), null, 'mixed separators');
});

test('relative dates in a dated file resolve against the file-name date; front matter still wins', () => {
  const lexicon = builtinLexicon();
  const a = analyzeDocument('news/2019-03-10-storm.txt', 'Storm hits coast\n\nThe storm last winter cost the city 40 million euros, officials said.', { lexicon });
  assert.equal(a.date?.source, 'file');
  assert.equal(a.dates.find((d) => d.text === 'last winter')?.value, '2018-WI');
  const b = analyzeDocument('news/2019-03-10-storm.txt', '---\ndate: 2021-01-05\n---\nThe storm last winter cost 40 million euros.', { lexicon });
  assert.equal(b.date?.source, 'metadata');
  assert.doesNotThrow(() => analyzeDocument('file:///x/100%_sure.txt', 'Text.', { lexicon }));
});
