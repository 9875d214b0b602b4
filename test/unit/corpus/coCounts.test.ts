import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CoCounts } from '../../../server/src/engine/corpus/coCounts';

test('co-mention counts: the same positive counts whether kept in a map (few actors) or an array (many), through additions and removals', () => {
  const counts = new CoCounts();
  const expected = new Map<number, number>();
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let step = 0; step < 20000; step++) {
    // actor numbers spread wider as the steps go, so the counts pass from the map to the array and the array grows
    const actor = next() % (10 + step / 4);
    const n = next() % 5 === 0 ? -1 : 1 + (next() % 3);
    counts.add(Math.floor(actor), n);
    expected.set(Math.floor(actor), (expected.get(Math.floor(actor)) ?? 0) + n);
    if (step === 100 || step === 19999) {
      const got = new Map<number, number>();
      counts.forEachPositive((a, c) => got.set(a, c));
      assert.deepEqual(got, new Map([...expected].filter(([, c]) => c > 0)));
    }
  }
  assert.ok(expected.size > 1000, 'the array form was reached');
});
