import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeDocument } from '../../../server/src/engine/analyzeDocument';
import { builtinLexicon } from '../../../server/src/engine/actors/lexicon';
import { claimActorFieldsFromBytes, claimActorFieldsOf, forEachClaimActorFields, type ClaimActorFields } from '../../../server/src/engine/corpus/claimActorFields';
import { residentClaims, residentOf } from '../../../server/src/engine/corpus/residentDocument';
import { residentFromLine, residentLine } from '../../../server/src/engine/corpus/portableResident';

const SEEDS = path.resolve(__dirname, '../../../../seeds');

const read = (fields: ClaimActorFields) => {
  const out: { sourced: boolean; sourceEntity: number; entities: number[] }[] = [];
  forEachClaimActorFields(fields, (c) => out.push({ sourced: c.sourced, sourceEntity: c.sourceEntity, entities: [...c.entities] }));
  return out;
};

test("the claims' actor fields of every seed say what its packed claims say: attributed to a named source, the source's entity, the entities named", () => {
  const lexicon = builtinLexicon();
  let sourced = 0;
  let withSource = 0;
  for (const f of readdirSync(SEEDS)) {
    const resident = residentOf(analyzeDocument(`/corpus/${f}`, readFileSync(path.join(SEEDS, f), 'utf8'), { lexicon }));
    const claims = residentClaims(resident);
    const expected = claims.map((c) => ({ sourced: c.attribution === 'sourced', sourceEntity: c.sourceEntity ?? -1, entities: c.entities }));
    assert.deepEqual(read(resident.claimActors), expected, f);
    assert.ok(resident.claimActors instanceof Uint16Array, 'small numbers: 16 bits each');
    assert.deepEqual(read(residentFromLine(residentLine(resident)).claimActors), expected, `${f}: through the stored line`);
    sourced += expected.filter((c) => c.sourced).length;
    withSource += expected.filter((c) => c.sourceEntity >= 0).length;
  }
  assert.ok(sourced > 10 && withSource > 10, `the seeds hold sourced claims (${sourced}) and claims with a source entity (${withSource})`);
});

test('numbers past 16 bits are kept in 32-bit integers, and a stored array of the wrong length is refused', () => {
  const claims = [
    { attribution: 'sourced' as const, sourceEntity: 70000, entities: [1, 70001] },
    { attribution: 'unsourced' as const, entities: [] },
    { attribution: 'vague' as const, sourceEntity: 0, entities: [3] },
  ];
  const fields = claimActorFieldsOf(claims);
  assert.ok(fields instanceof Int32Array);
  const expected = [
    { sourced: true, sourceEntity: 70000, entities: [1, 70001] },
    { sourced: false, sourceEntity: -1, entities: [] },
    { sourced: false, sourceEntity: 0, entities: [3] },
  ];
  assert.deepEqual(read(fields), expected);
  assert.deepEqual(read(claimActorFieldsFromBytes(fields.slice().buffer, 4)), expected);
  assert.deepEqual(read(claimActorFieldsOf([])), []);
  assert.throws(() => claimActorFieldsFromBytes(new ArrayBuffer(3), 2), /malformed/);
  assert.throws(() => claimActorFieldsFromBytes(new ArrayBuffer(8), 3), /malformed/);
});
