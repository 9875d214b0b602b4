import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeDocument } from '../../../server/src/engine/analyzeDocument';
import { builtinLexicon } from '../../../server/src/engine/actors/lexicon';
import { packValue, unpackValue } from '../../../server/src/engine/corpus/packedValues';
import { mentionCount, mentionKind, mentionSpan, residentClaims, residentFindingCandidates, residentOf, statementKey } from '../../../server/src/engine/corpus/residentDocument';
import { portableFromLine, portableLine, portableOfAnalysis, residentFromLine, residentLine, residentOfPortable } from '../../../server/src/engine/corpus/portableResident';
import { LanguageService } from '../../../server/src/engine/languageService';
import { actorsMatching, claimsWithWords } from '../../../server/src/engine/queries';
import { mentionCountOf } from '../../../server/src/engine/actors/mentionRefs';
import { canonical } from '../../../server/src/engine/claims/claimKeys';
import { lemmatize } from '../../../server/src/engine/claims/wordTags';
import { InMemoryWorkspace } from '../../../server/src/engine/workspace';

const SEEDS = path.resolve(__dirname, '../../../../seeds');
const seeds = () => readdirSync(SEEDS).map((f) => ({ path: `/corpus/${f}`, text: readFileSync(path.join(SEEDS, f), 'utf8') }));

test('packed values unpack to equal values: integers, doubles, large numbers, strings, nesting, absent fields', () => {
  const value = [{ a: 1, b: -7, c: 2.5, d: 1e12, e: 'x', f: [true, false, null], g: undefined, h: { i: [] } }, [], 'ümlaut ’quote’', -(2 ** 40)];
  assert.deepEqual(unpackValue(packValue(value)), JSON.parse(JSON.stringify(value)));
});

test('a resident document keeps what the joins read of every seed: mentions, claims, and survives the line stored and the form a worker sends', () => {
  const lexicon = builtinLexicon();
  for (const { path: p, text } of seeds()) {
    const analysis = analyzeDocument(p, text, { lexicon });
    const resident = residentOf(analysis);
    assert.equal(mentionCount(resident), analysis.mentions.length);
    analysis.mentions.forEach((m, i) => {
      assert.deepEqual(mentionSpan(resident, i), { start: m.start, end: m.end });
      assert.equal(mentionKind(resident, i), m.kind);
    });
    const claims = residentClaims(resident);
    assert.equal(claims.length, analysis.claims.length);
    claims.forEach((c, i) => {
      const full = analysis.claims[i];
      assert.deepEqual([c.id, c.start, c.end, c.attribution, c.terms, c.entities], [full.id, full.start, full.end, full.attribution, full.terms, full.entities]);
      assert.equal(c.textKey, statementKey(full.text), 'the statement key stands for the text');
    });
    const unpacked = (r: typeof resident) => ({ ...r, claims: residentClaims(r), candidates: residentFindingCandidates(r) });
    assert.deepEqual(residentFromLine(residentLine(resident)), resident, 'the stored line reads back the same (packed bytes included)');
    const portable = portableOfAnalysis(analysis);
    assert.deepEqual(residentOfPortable(portable), resident, 'what a worker sends is the same resident part');
    assert.deepEqual(residentFromLine(portableLine(portable)), resident, 'what a worker stores is the same resident part');
    assert.deepEqual(unpacked(residentOfPortable(portableFromLine(portableLine(portable)))), unpacked(resident));
  }
});

test('the statement key is the same for texts equal up to case and spacing', () => {
  assert.equal(statementKey('Russia  rejected\nthe offer.'), statementKey('russia rejected the offer.'));
  assert.notEqual(statementKey('Russia rejected the offer.'), statementKey('Russia accepted the offer.'));
});

test('claims are found by their content words, inflected or not, without reading any analysis', async () => {
  const service = new LanguageService({ workspace: new InMemoryWorkspace(new Map(seeds().map((s) => [s.path, s.text] as [string, string]))) });
  await service.indexWorkspace();
  const refs = await claimsWithWords(service.index, ['sanctions'], 50);
  assert.ok(refs.length > 0, 'some seed claim is about sanctions');
  for (const r of refs) assert.match(service.index.claim(r)!.text.toLowerCase(), /sanction/);
  const narrowed = await claimsWithWords(service.index, ['sanctions', 'russia'], 50);
  assert.ok(narrowed.length > 0 && narrowed.length <= refs.length);
  assert.deepEqual(await claimsWithWords(service.index, ['the'], 50), [], 'short function words alone find nothing');
  // the words read where they lie in the packed claims are the claims' own content words
  for (const query of [['sanctions'], ['sanctions', 'russia'], ['ukraine', 'drones'], ['talks'], ['zelensky', 'said'], ['kremlin']]) {
    const expected = service.index.paths().flatMap((p) =>
      residentClaims(service.index.resident(p)!).flatMap((c, index) => {
        const keys = new Set([...c.terms, ...(c.predicates ?? []), ...(c.names ?? []), ...(c.nouns ?? [])]);
        return query.every((w) => [w, canonical(w), canonical(lemmatize(w))].some((f) => keys.has(f))) ? [{ path: p, index }] : [];
      }),
    );
    assert.deepEqual(await claimsWithWords(service.index, query, 1000), expected, query.join(' '));
  }
});

test('a scan of every claim gives way to the event loop, and stops when the query is cancelled', async () => {
  const files = new Map<string, string>();
  for (let copy = 0; copy < 20; copy++) for (const s of seeds()) files.set(s.path.replace(/([^/]+)$/, `${copy}-$1`), s.text);
  const service = new LanguageService({ workspace: new InMemoryWorkspace(files) });
  await service.indexWorkspace();
  let turns = 0;
  let counting = true;
  const count = () => counting && (turns++, setImmediate(count));
  count();
  const all = await claimsWithWords(service.index, ['sanctions'], 10_000, () => false, 0);
  counting = false;
  assert.equal(all.length % 20, 0, 'the claims of each copy of the seeds');
  assert.ok(all.length >= 20);
  assert.ok(turns > 10, `the event loop turned ${turns} times during the scan`);
  let asked = 0;
  const cancelled = await claimsWithWords(service.index, ['sanctions'], 10_000, () => ++asked > 2, 0);
  assert.ok(cancelled.length < all.length, `stopped after ${cancelled.length} of ${all.length}`);
  assert.deepEqual(cancelled, all.slice(0, cancelled.length));
});

test('actors are found by any alias, each with the mention that spells its full name; the search gives way and stops when cancelled', async () => {
  const service = new LanguageService({ workspace: new InMemoryWorkspace(new Map(seeds().map((s) => [s.path, s.text] as [string, string]))) });
  await service.indexWorkspace();
  const [putin] = await actorsMatching(service.index, 'Putin', 10);
  assert.equal(putin?.actor.name, 'Vladimir Putin');
  assert.match(service.index.mention(putin.defining)!.text, /^Vladimir Putin$/);
  const everyone = await actorsMatching(service.index, '', 1000, () => false, 0);
  assert.equal(everyone.length, service.index.actors.actors.filter((a) => mentionCountOf(a) > 0).length, 'the empty query lists every actor');
  let asked = 0;
  const cancelled = await actorsMatching(service.index, '', 1000, () => ++asked > 2, 0);
  assert.ok(cancelled.length < everyone.length, `stopped after ${cancelled.length} of ${everyone.length}`);
  assert.deepEqual(cancelled, everyone.slice(0, cancelled.length));
});
