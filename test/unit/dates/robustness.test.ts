import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datesOf } from './helpers';

test('odd inputs never crash and stay fast', () => {
  const inputs = [
    '',
    '.,;:!?-'.repeat(20000),
    Array.from({ length: 50000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join(''),
    'В 2019 году 東京 2020年 😀June 1😀 2025-06-15 🎉2024🎉 and 9/11. '.repeat(500),
    '2024 '.repeat(50000),
    'the the the last last next of of in in its its third year of '.repeat(5000),
    'February 31, 2023. 31/02/2023. 0000. 9999-99-99. June 0, 2020. the 0th century. 99999 years ago.',
  ];
  for (const text of inputs) {
    const started = Date.now();
    const found = datesOf(text, 'not a date');
    assert.ok(Array.isArray(found.dates));
    assert.ok(Date.now() - started < 5000, `slow on input starting ${JSON.stringify(text.slice(0, 20))}`);
    for (const d of found.dates) assert.ok(d.value === null || typeof d.value === 'string');
  }
});
