import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMetadataDate } from '../../../server/src/engine/dates/documentDate';
import { datesOf, expression } from './helpers';

const SEEDS = join(__dirname, '../../../../seeds');
const seed = (prefix: string) => readFileSync(join(SEEDS, require('node:fs').readdirSync(SEEDS).find((f: string) => f.startsWith(prefix))), 'utf8');

test('metadata formats', () => {
  const cases: [string, string, string, string][] = [
    ['2025-06-15', '2025-06-15', '2025-06-15', '2025-06-15'],
    ['2025-06', '2025-06', '2025-06-01', '2025-06-30'],
    ['2025', '2025', '2025-01-01', '2025-12-31'],
    ['June 2025', '2025-06', '2025-06-01', '2025-06-30'],
    ['15 June 2025', '2025-06-15', '2025-06-15', '2025-06-15'],
    ['June 15, 2025', '2025-06-15', '2025-06-15', '2025-06-15'],
  ];
  for (const [text, value, from, to] of cases) {
    const d = parseMetadataDate(text);
    assert.deepEqual(d && [d.value, d.from, d.to, d.source], [value, from, to, 'metadata'], text);
  }
  assert.equal(parseMetadataDate('soon'), null);
  assert.equal(parseMetadataDate('2025-02-30'), null);
});

test('seed 003: elapsed time since an inauguration, the war\'s fourth year and a caption date June 2025', () => {
  const found = datesOf(seed('003'));
  assert.ok(found.date);
  assert.equal(found.date.source, 'inferred');
  assert.equal(found.date.value, '2025-06');
  assert.ok(found.date.from >= '2025-06-01' && found.date.to <= '2025-06-30', JSON.stringify(found.date));
  assert.match(found.date.evidence, /Nearly five months/);
  assert.match(found.date.evidence, /caption/);
  // relative expressions then resolve against it
  assert.equal(expression(found, 'last summer').value, '2024-SU');
  assert.equal(expression(found, 'June 1').value, '2025-06-01');
});

test('seed 001: "Now in its third year" with a president named in office narrows to early 2025', () => {
  const found = datesOf(seed('001'));
  assert.ok(found.date);
  assert.ok(found.date.from >= '2025-01-20' && found.date.to <= '2025-06-30', JSON.stringify(found.date));
  assert.equal(expression(found, 'April').value, '2025-04');
});

test('seed 002: "More than four years into Russia\'s full-scale invasion" dates the document after 2026-02-24', () => {
  const found = datesOf('More than four years into Russia\u2019s full-scale invasion of Ukraine, the Kremlin shows no sign of retreat.');
  assert.ok(found.date);
  assert.equal(found.date.from, '2026-02-24');
});

test('seed 004: page furniture does not date the article; the upcoming 2024 election bounds it', () => {
  const found = datesOf(seed('004'));
  assert.ok(found.date);
  assert.ok(found.date.to <= '2024-12-31' && found.date.from >= '2022-02-24', JSON.stringify(found.date));
  assert.ok(!found.dates.some((d) => /Exhibition|EURO/.test(d.text)));
});

test('relative expressions against a document range: a common coarser value, with from/to covering both ends', () => {
  const text = 'Nearly five months since U.S. President Donald Trump entered the White House, the war in Ukraine, now in its fourth year, goes on. Last winter was hard. Yesterday, talks resumed.';
  const found = datesOf(text);
  assert.deepEqual(found.date && [found.date.from, found.date.to], ['2025-05-20', '2025-06-20']);
  assert.equal(expression(found, 'Last winter').value, '2024-WI');
  const yesterday = expression(found, 'Yesterday');
  assert.equal(yesterday.value, '2025');
  assert.ok(yesterday.from! < yesterday.to!);
  assert.match(yesterday.evidence, /range/);
});

test('a dateline at the top is the document date', () => {
  const found = datesOf('Flag referendum announced\n\nThursday, May 7, 2015\n\nOn Tuesday, the government announced a public process.');
  assert.deepEqual(found.date && [found.date.value, found.date.source], ['2015-05-07', 'inferred']);
  assert.equal(expression(found, 'Tuesday').value, '2015-05-05');
});

test('metadata wins over inference', () => {
  const found = datesOf('Thursday, May 7, 2015\n\nOn Tuesday, it rained.', '2015-05-08');
  assert.equal(found.date?.source, 'metadata');
  assert.equal(found.date?.value, '2015-05-08');
});

test('no date in the text gives null', () => {
  assert.equal(datesOf('The cat sat on the mat.').date, null);
});

test('an event with several possible dates and nothing else to choose keeps the whole span', () => {
  const found = datesOf('Nearly five months since Donald Trump entered the White House, talks go on.');
  assert.ok(found.date);
  assert.ok(found.date.from <= '2017-05-20' && found.date.to >= '2025-06-20');
});
