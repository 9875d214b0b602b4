import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeDocument } from '../../../server/src/engine/analyzeDocument';
import { builtinLexicon } from '../../../server/src/engine/actors/lexicon';
import { residentOf } from '../../../server/src/engine/corpus/residentDocument';
import { portableOfAnalysis, residentFromLine, residentLine, residentOfPortable } from '../../../server/src/engine/corpus/portableResident';
import { sharedArray, sharedCopy } from '../../../server/src/engine/corpus/sharedBytes';

const SEEDS = path.resolve(__dirname, '../../../../seeds');

test('arrays copied into shared memory keep their type, items and alignment, one after the other in blocks', () => {
  const odd = sharedCopy(new Uint8Array([1, 2, 3])); // leaves the block at an odd byte
  const ints = sharedArray(Int32Array.from([7, -8, 2 ** 31 - 1]));
  const halves = sharedArray(Uint16Array.from([65535, 0]));
  const doubles = sharedArray(Float64Array.from([0.5, -1e300]));
  for (const a of [odd, ints, halves, doubles]) assert.ok(a.buffer instanceof SharedArrayBuffer);
  assert.deepEqual([...odd], [1, 2, 3]);
  assert.deepEqual([...ints], [7, -8, 2 ** 31 - 1]);
  assert.deepEqual([...halves], [65535, 0]);
  assert.deepEqual([...doubles], [0.5, -1e300]);
  assert.equal(ints.byteOffset % 4, 0);
  assert.equal(doubles.byteOffset % 8, 0);
  assert.equal(ints.buffer, doubles.buffer, 'small arrays share a block');
  assert.equal(sharedArray(ints), ints, 'an array in shared memory already is not copied');
  assert.equal(sharedArray(new Int32Array(0)).length, 0);
});

test("the index's resident parts hold no ArrayBuffer of their own, however they were made; the same values as before", () => {
  const lexicon = builtinLexicon();
  for (const f of readdirSync(SEEDS)) {
    const analysis = analyzeDocument(`/corpus/${f}`, readFileSync(path.join(SEEDS, f), 'utf8'), { lexicon });
    const portable = portableOfAnalysis(analysis);
    const expected = { mentions: [...portable.mentions], lineStarts: [...portable.lineStarts], statementKeys: [...portable.statementKeys], claimActors: [...portable.claimActors] };
    // as made on this thread (an edit), as received from a worker, as read back from the stored line
    for (const resident of [residentOf(analysis), residentOfPortable(portable), residentFromLine(residentLine(residentOf(analysis)))]) {
      const arrays = [resident.mentions, resident.lineStarts, resident.statementKeys, resident.claimActors, resident.claims.bytes, resident.candidates.bytes, resident.claims.doubles, resident.candidates.doubles];
      for (const a of arrays) if (a) assert.ok(a.buffer instanceof SharedArrayBuffer, `${f}: an array of its own`);
      assert.deepEqual({ mentions: [...resident.mentions], lineStarts: [...resident.lineStarts], statementKeys: [...resident.statementKeys], claimActors: [...resident.claimActors] }, expected, f);
    }
  }
});
