import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ViewParts } from '../../../server/src/engine/corpus/viewParts';
import { PassParts } from '../../../server/src/engine/corpus/passParts';

/** A small deterministic generator (the test replays the same operations every run). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Chunks of the default size (every part in one array here), and small chunks: many chunks, and parts larger than a chunk. */
for (const chunkInts of [undefined, 64, 16]) {
  test(`packed view parts read back as the list of parts they model, through inserts anywhere, removals, compaction and trimming (chunks of ${chunkInts ?? 'the default'} integers)`, () => {
    const random = lcg(7);
    const parts = new ViewParts(chunkInts);
    const model: { path: string; part: number[] }[] = [];
    const check = (when: string) => {
      assert.deepEqual(parts.paths, model.map((m) => m.path), when);
      assert.equal(parts.length, model.length, when);
      model.forEach((m, i) => {
        assert.deepEqual([...parts.part(i)], m.part, `${when}: part ${i}`);
        assert.equal(parts.mentionTotal(i), m.part[0], `${when}: mentions of ${i}`);
      });
    };
    for (let step = 0; step < 3000; step++) {
      const remove = model.length > 0 && random() < 0.4;
      if (remove) {
        const at = Math.floor(random() * model.length);
        assert.deepEqual([...parts.remove(at)], model[at].part, `step ${step}: the part taken out`);
        model.splice(at, 1);
      } else {
        const at = Math.floor(random() * (model.length + 1));
        const length = 1 + Math.floor(random() * (random() < 0.02 ? 100 : 12));
        const part = Array.from({ length }, (_, k) => (k === 0 ? length - 1 : Math.floor(random() * 1000) - 10));
        parts.insert(at, `/doc-${step}.txt`, part);
        model.splice(at, 0, { path: `/doc-${step}.txt`, part });
      }
      if (step % 500 === 499) {
        check(`step ${step}`);
        parts.trim();
        check(`step ${step}, trimmed`);
      }
    }
    check('end');
  });
}

for (const chunkInts of [undefined, 16]) {
  test(`a part read before a change keeps its integers: what a caller holds is not rewritten under it (chunks of ${chunkInts ?? 'the default'} integers)`, () => {
    const parts = new ViewParts(chunkInts);
    parts.insert(0, '/a.txt', [2, 5, 9, 0]);
    const held = parts.part(0);
    for (let i = 0; i < 100; i++) parts.insert(parts.length, `/b-${i}.txt`, [1, i, 0]);
    parts.remove(0);
    parts.trim();
    assert.deepEqual([...held], [2, 5, 9, 0]);
  });
}

test('views made by a pass from shared slabs read back their parts, and changing one never changes another', () => {
  const random = lcg(11);
  const slabs = new PassParts();
  const made = Array.from({ length: 40 }, () => ({ last: -1, count: 0, model: [] as { path: string; part: number[] }[] }));
  // parts of the views interleaved as a pass makes them, enough to fill several slabs (one part larger than a full slab)
  for (let d = 0; d < 4000; d++) {
    slabs.document(`/doc-${d}.txt`);
    for (const v of made) {
      if (random() > 0.3) continue;
      const length = d === 7 ? (1 << 20) + 5 : 2 + Math.floor(random() * 20);
      const part = Array.from({ length }, (_, k) => (k === 0 ? length - 1 : Math.floor(random() * 1000)));
      [v.last, v.count] = [slabs.write(part, v.last), v.count + 1];
      v.model.push({ path: `/doc-${d}.txt`, part });
    }
  }
  slabs.finish();
  const views = made.map((v) => slabs.viewParts(v.last, v.count));
  const check = (i: number, when: string) => {
    assert.deepEqual(views[i].paths, made[i].model.map((m) => m.path), when);
    made[i].model.forEach((m, k) => {
      const part = views[i].part(k);
      assert.ok(part.length === m.part.length && m.part.every((v, j) => part[j] === v), `${when}: view ${i}, part ${k}`);
    });
  };
  views.forEach((_, i) => check(i, 'as made'));
  // the first views changed (inserts anywhere, removals, trims); the others still read what they were made with
  for (let i = 0; i < 10; i++) {
    const model = made[i].model;
    for (let step = 0; step < 300; step++) {
      if (model.length > 0 && random() < 0.4) {
        const at = Math.floor(random() * model.length);
        assert.deepEqual([...views[i].remove(at)], model[at].part);
        model.splice(at, 1);
      } else {
        const at = Math.floor(random() * (model.length + 1));
        const part = [2, step, i, 0];
        views[i].insert(at, `/new-${step}.txt`, part);
        model.splice(at, 0, { path: `/new-${step}.txt`, part });
      }
      if (step % 100 === 99) views[i].trim();
    }
    check(i, 'changed');
  }
  views.forEach((_, i) => check(i, 'after the changes'));
});
