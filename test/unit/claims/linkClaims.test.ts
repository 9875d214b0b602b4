import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../../server/src/engine/analyzeDocument';
import { builtinLexicon } from '../../../server/src/engine/actors/lexicon';
import { resolveActors } from '../../../server/src/engine/actors/resolveActors';
import { linkClaims } from '../../../server/src/engine/claims/linkClaims';
import { compatible } from '../../../server/src/engine/claims/contradictions';
import type { DocumentAnalysis } from '../../../server/src/engine/types';

function graphOf(texts: Record<string, string>) {
  const docs = new Map<string, DocumentAnalysis>();
  for (const [path, text] of Object.entries(texts)) docs.set(path, analyzeDocument(path, text, { lexicon: builtinLexicon() }));
  return { docs, graph: linkClaims(docs, resolveActors(docs.values(), builtinLexicon())) };
}

test('quantities: comparators decide whether two figures can agree', () => {
  assert.ok(compatible({ value: 1e6, unit: 'casualties', comparator: 'gt', text: '' }, { value: 1e6, unit: 'casualties', comparator: 'eq', text: '' }));
  assert.ok(!compatible({ value: 12, unit: 'deaths', comparator: 'eq', text: '' }, { value: 40, unit: 'deaths', comparator: 'eq', text: '' }));
  assert.ok(compatible({ value: 3000, unit: 'people', comparator: 'approx', text: '' }, { value: 3200, unit: 'people', comparator: 'gt', text: '' }));
});

test('the same claim in other words is clustered across documents', () => {
  const { graph } = graphOf({
    'a.txt': 'Russian President Vladimir Putin has refused to engage seriously with a cease-fire.\n',
    'b.txt': 'Russian leader Vladimir Putin remains unwilling to consider a ceasefire.\n',
  });
  assert.equal(graph.clusters.length, 1);
  assert.equal(graph.clusters[0].claims.length, 2);
});

test('figures that disagree about the same event are a contradiction', () => {
  const { graph } = graphOf({
    'a.txt': '---\ndate: 2024-05-10\n---\nThe strike on the market killed 40 people, the regional governor said.\n',
    'b.txt': '---\ndate: 2024-05-11\n---\nThe governor said that 12 people died in the strike on the market.\n',
  });
  const found = graph.contradictions.filter((c) => c.type === 'contradiction');
  assert.equal(found.length, 1);
  assert.match(found[0].reason, /40 people vs 12 people|12 people vs 40 people/);
});

test('statements about different years are a change, not a contradiction', () => {
  const { graph } = graphOf({
    'a.txt': 'The government imposed tariffs on steel imports in 2018.\n',
    'b.txt': 'The government lifted tariffs on steel imports in 2022.\n',
  });
  assert.equal(graph.contradictions.filter((c) => c.type === 'contradiction').length, 0);
});

test('sharing a country and the word war is not the same claim', () => {
  const { graph } = graphOf({
    'a.txt': 'Russia expanded its war effort with new factories in the Urals.\n',
    'b.txt': 'Protesters in Russia marched against the war in the capital on Sunday.\n',
  });
  assert.equal(graph.clusters.length, 0);
});
