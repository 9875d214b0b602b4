import assert from 'node:assert/strict';
import { test } from 'node:test';
import { packValue, unpackFields, unpackValue } from '../../../server/src/engine/corpus/packedValues';

test('unpacking some fields of packed objects equals picking them from the whole value, whatever the skipped fields hold', () => {
  const value = [
    { skipped: { deep: [[1, 2.5], { x: 'a', y: [null, true] }], n: -3 }, kept: [0.25, 'b', { z: 1e12 }], other: 7 },
    { kept: 'only', also: -(2 ** 40) },
    { skipped: [], other: 2.75 },
    { also: [{ kept: 'not at the top level' }], kept: { nested: ['c', 1.5] } },
    {},
  ];
  const fields = new Set(['kept', 'also']);
  const whole = unpackValue(packValue(value)) as Record<string, unknown>[];
  const picked = whole.map((o) => Object.fromEntries(Object.entries(o).filter(([k]) => fields.has(k))));
  assert.deepEqual(unpackFields(packValue(value), fields), picked);
  assert.deepEqual(unpackFields(packValue([]), fields), []);
});

test('unpacking fields of what is not an array of objects is an error', () => {
  assert.throws(() => unpackFields(packValue({ kept: 1 }), new Set(['kept'])), /not a packed array/);
  assert.throws(() => unpackFields(packValue([1]), new Set(['kept'])), /not a packed array of objects/);
});
