import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { builtinLexicon } from '../../../server/src/engine/actors/lexicon';
import { analyzeDocument } from '../../../server/src/engine/analyzeDocument';
import { ActorNumbers, AS_SOURCE, claimCodesOf, coStart, forEachDocumentPart, mentionsOf, SOURCED } from '../../../server/src/engine/corpus/documentParts';
import { residentOf } from '../../../server/src/engine/corpus/residentDocument';
import type { DocumentAnalysis } from '../../../server/src/engine/types';

const SEEDS = path.resolve(__dirname, '../../../../seeds');

/** What a document says about each actor, counted plainly from its analysis: mentions, claim codes, co-mentions by actor id. */
function expectedParts(doc: DocumentAnalysis, owners: (string | undefined)[], wanted: (id: string) => boolean) {
  const out = new Map<string, { mentions: number[]; claims: number[]; co: Map<string, number> }>();
  const ownerOf = (e: number | undefined) => (e === undefined ? undefined : owners[e]);
  for (const id of new Set(doc.mentions.map((m) => ownerOf(m.entity)))) {
    if (id === undefined || !wanted(id)) continue;
    const mentions = doc.mentions.flatMap((m, i) => (ownerOf(m.entity) === id ? [i] : []));
    const sentences = new Set(mentions.map((i) => doc.mentions[i].sentence));
    const co = new Map<string, number>();
    for (const m of doc.mentions) {
      const other = ownerOf(m.entity);
      if (other !== undefined && other !== id && sentences.has(m.sentence)) co.set(other, (co.get(other) ?? 0) + 1);
    }
    const claims = doc.claims.flatMap((c, i) => {
      const source = ownerOf(c.sourceEntity);
      if (source !== id && !c.entities.some((e) => ownerOf(e) === id)) return [];
      return [4 * i + (c.attribution === 'sourced' ? SOURCED : 0) + (source === id ? AS_SOURCE : 0)];
    });
    out.set(id, { mentions, claims, co });
  }
  return out;
}

test('document parts hold each wanted actor\'s mentions, claim codes and co-mentions, several entities to one actor, mentions in any order', () => {
  const lexicon = builtinLexicon();
  let checked = 0;
  for (const f of readdirSync(SEEDS)) {
    const analysis = analyzeDocument(`/corpus/${f}`, readFileSync(path.join(SEEDS, f), 'utf8'), { lexicon });
    // the same analysis with its mentions listed last to first (claims keep their entities)
    const reversed = { ...analysis, mentions: [...analysis.mentions].reverse() };
    for (const doc of [analysis, reversed]) {
      // entities merged into a few actors, some entities with none
      const owners = doc.entities.map((_, e) => (e % 5 === 4 ? undefined : `actor-${e % 7}`));
      for (const wanted of [() => true, (id: string) => id !== 'actor-2']) {
        const numbers = new ActorNumbers();
        const got = new Map<string, { mentions: number[]; claims: number[]; co: Map<string, number> }>();
        forEachDocumentPart(residentOf(doc), owners, numbers, wanted, (id, part) => {
          const co = new Map<string, number>();
          for (let i = coStart(part); i < part.length; i += 2) co.set(numbers.id(part[i]), part[i + 1]);
          got.set(id, { mentions: mentionsOf(part), claims: claimCodesOf(part), co });
        });
        assert.deepEqual(got, expectedParts(doc, owners, wanted), `${f}${doc === reversed ? ' reversed' : ''}`);
        checked += got.size;
      }
    }
  }
  assert.ok(checked > 50);
});
