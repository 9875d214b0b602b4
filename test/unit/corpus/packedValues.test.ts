import assert from 'node:assert/strict';
import { test } from 'node:test';
import { internTable, PackedCursor, packValue, PackingTable, remapValue, unpackFields, unpackValue } from '../../../server/src/engine/corpus/packedValues';

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

test('a cursor walks packed objects: lists of scalars read, anything else stepped over, values as unpacking gives them', () => {
  const value = [
    { skipped: { deep: [[1, 2.5], { x: 'a', y: [null, true] }] }, list: ['b', 3, -(2 ** 40), 0.5, false], one: 'c' },
    { list: [], other: [{ list: ['not at the top level'] }], one: 1e12 },
  ];
  const cursor = new PackedCursor(packValue(value));
  const read: { list: unknown[]; one?: unknown }[] = [];
  for (let n = cursor.array(); n > 0; n--) {
    const item: { list: unknown[]; one?: unknown } = { list: [] };
    for (const key of cursor.object()) {
      if (key === 'list') cursor.list(item.list);
      else if (key === 'one') item.one = cursor.value();
      else cursor.skip();
    }
    read.push(item);
  }
  assert.deepEqual(read, [
    { list: ['b', 3, -(2 ** 40), 0.5, false], one: 'c' },
    { list: [], one: 1e12 },
  ]);
  assert.throws(() => new PackedCursor(packValue({})).array(), /not a packed array/);
  assert.throws(() => new PackedCursor(packValue([])).object(), /not a packed object/);
});

test('a value packed with its own table reads back the same once mapped to this thread\'s table', () => {
  const value = [{ kind: 'x', n: 3, more: { kind: 'y', list: ['x', 'z'] } }, { kind: 'z', n: 4, more: undefined }, { n: 5, kind: 'x' }];
  const table = new PackingTable();
  const own = packValue(value, table);
  assert.deepEqual(table.strings, ['x', 'y', 'z'], 'strings numbered in the order first seen');
  assert.deepEqual(table.shapes, [['kind', 'n', 'more'], ['kind', 'list'], ['kind', 'n'], ['n', 'kind']], 'a shape per key order, undefined fields left out');
  assert.deepEqual(unpackValue(remapValue(own, internTable(table))), JSON.parse(JSON.stringify(value)));
});

test('stepping over items whose words take several bytes (long arrays, late strings and shapes, integers of every size) lands on the next item', () => {
  const table = new PackingTable();
  const many = Array.from({ length: 20000 }, (_, i) => `s${i}`);
  const ints = [0, 1, -1, 63, 64, -64, -65, 127, 128, 8191, 8192, -8193, 2 ** 20, -(2 ** 20), 2 ** 27 - 1, -(2 ** 27), 2 ** 27, 2 ** 31, -(2 ** 40)];
  const shaped = Array.from({ length: 300 }, (_, i) => ({ [`k${i}`]: i, [`j${i}`]: many[19999 - i] }));
  const value = [
    { skipped: [many, ints, shaped], kept: ['s19999', ...ints] },
    { skipped: shaped.slice(150), kept: [many[12345], 2 ** 27 - 1] },
  ];
  const packed = packValue(value, table);
  const mapped = remapValue(packed, internTable(table));
  const cursor = new PackedCursor(mapped);
  const kept: unknown[][] = [];
  for (let n = cursor.array(); n > 0; n--) {
    for (const key of cursor.object()) {
      if (key === 'kept') kept.push(((list: unknown[]) => (cursor.list(list), list))([]));
      else cursor.skip();
    }
  }
  assert.deepEqual(kept, [['s19999', ...ints], ['s12345', 2 ** 27 - 1]]);
  assert.deepEqual(unpackValue(mapped), value);
});
