import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { builtinLexicon } from '../../../server/src/engine/actors/lexicon';
import { analyzeDocument } from '../../../server/src/engine/analyzeDocument';
import { residentOf } from '../../../server/src/engine/corpus/residentDocument';
import { storedAnalysisJson, withResidentClaimFields } from '../../../server/src/engine/corpus/storedAnalysis';

const SEEDS = path.resolve(__dirname, '../../../../seeds');

function analyses() {
  const lexicon = builtinLexicon();
  const texts = readdirSync(SEEDS).map((f) => [`/corpus/${f}`, readFileSync(path.join(SEEDS, f), 'utf8')]);
  // and the last two thirds of each, as another article
  for (const [p, text] of [...texts]) texts.push([p.replace('.txt', '-tail.txt'), text.slice(Math.floor(text.length / 3))]);
  return texts.map(([p, text]) => analyzeDocument(p, text, { lexicon }));
}

test('a stored analysis leaves out the claim fields its resident part keeps, and is made whole from that part; the analysis written is left as it was', () => {
  let claims = 0;
  for (const analysis of analyses()) {
    const before = JSON.stringify(analysis);
    const keysBefore = analysis.claims.map((c) => Object.keys(c));
    const stored = storedAnalysisJson(analysis);
    assert.equal(JSON.stringify(analysis), before, `${analysis.path}: unchanged`);
    assert.deepEqual(analysis.claims.map((c) => Object.keys(c)), keysBefore, `${analysis.path}: no field added to a claim`);
    assert.ok(stored.length < before.length || analysis.claims.length === 0, `${analysis.path}: the stored line is shorter`);
    for (const field of ['"terms":', '"frames":', '"predicates":']) assert.ok(!stored.includes(field), `${analysis.path}: ${field} left out`);
    assert.deepEqual(withResidentClaimFields(JSON.parse(stored), residentOf(analysis)), JSON.parse(before), `${analysis.path}: made whole`);
    claims += analysis.claims.length;
  }
  assert.ok(claims > 60, 'the texts have many claims');
});

test('a stored analysis completed with another document\'s resident part is an error', () => {
  const [a, b] = analyses().filter((x) => x.claims.length > 0);
  assert.notEqual(a.claims.length, b.claims.length);
  assert.throws(() => withResidentClaimFields(JSON.parse(storedAnalysisJson(a)), residentOf(b)), /resident part has \d+ claims, the analysis \d+/);
});
