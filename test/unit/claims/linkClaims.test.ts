import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../../server/src/engine/analyzeDocument';
import { builtinLexicon } from '../../../server/src/engine/actors/lexicon';
import { resolveActors } from '../../../server/src/engine/actors/resolveActors';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generateCorpus } from '../../../bench/generateCorpus';
import type { ActorTable } from '../../../server/src/engine/actors/resolveActors';
import { FRAME_FLOOR, judgeCandidate, linkClaims, MAX_POSTINGS, MIN_SHARED_KEYS, signDocument } from '../../../server/src/engine/claims/linkClaims';
import { actorKeys, claimTextKey, forEachKey, keyFieldsOf, keyStrings, linkClaimOf, type ClaimSignature, type LinkDocument } from '../../../server/src/engine/claims/claimSignature';
import { statementHash } from '../../../server/src/engine/claims/claimKeyIndex';
import { compatible } from '../../../server/src/engine/claims/contradictions';
import { patchClaimGraph } from '../../../server/src/engine/corpus/claimPatch';
import { residentJoinDocument } from '../../../server/src/engine/corpus/claimJoin';
import { residentOf } from '../../../server/src/engine/corpus/residentDocument';
import type { ClaimRef, Contradiction, DocumentAnalysis } from '../../../server/src/engine/types';

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

test('figures stated for different days are a change, not a contradiction', () => {
  const { graph } = graphOf({
    'a.txt': '---\ndate: 2024-05-10\n---\nThe strike on the market killed 40 people on May 6, the regional governor said.\n',
    'b.txt': '---\ndate: 2024-05-11\n---\nThe governor said that 52 people had died in the strike on the market by May 9.\n',
  });
  assert.equal(graph.contradictions.filter((c) => c.type === 'contradiction').length, 0);
  const changes = graph.contradictions.filter((c) => c.type === 'change');
  assert.equal(changes.length, 1);
  assert.match(changes[0].reason, /different dates \(2024-05-06 vs 2024-05-09\)/);
});

test('figures of the same unit are no contradiction when other actors act, or when only the counted word is shared', () => {
  const signed = 'Germany signed the trade agreement on September 13, affecting 283,353 soldiers.';
  const { graph } = graphOf({
    'a.txt': `---\ndate: 2019-10-27\n---\n${signed}\n`,
    'b.txt': '---\ndate: 2019-10-28\n---\nBritain signed the trade agreement on September 13, affecting 62,179 soldiers.\n',
    'c.txt': '---\ndate: 2019-10-29\n---\nBerlin rejected the ceasefire proposal on September 13, affecting 10,374 soldiers.\n',
  });
  assert.deepEqual(graph.contradictions, []);
  // the same actor, event and day with another figure is one
  const same = graphOf({
    'a.txt': `---\ndate: 2019-10-27\n---\n${signed}\n`,
    'b.txt': '---\ndate: 2019-10-28\n---\nBerlin signed the trade agreement on September 13, affecting 62,179 soldiers.\n',
  });
  assert.equal(same.graph.contradictions.filter((c) => c.type === 'contradiction').length, 1);
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

// ---------------------------------------------------------------- the packed join equals a plain one

/**
 * The join written plainly (string keys in Sets, postings in a Map, every signature kept): an
 * oracle for the packed join, sharing only the definition of keys and the pair rules.
 */
function plainJoin(docs: ReadonlyMap<string, LinkDocument>, actors: ActorTable) {
  const copies = new Map<string, string[]>();
  const byHash = new Map<string, string>();
  for (const path of [...docs.keys()].sort()) {
    const doc = docs.get(path)!;
    const first = doc.hash ? byHash.get(doc.hash) : undefined;
    if (first) copies.get(first)!.push(path);
    else {
      if (doc.hash) byHash.set(doc.hash, path);
      copies.set(path, []);
    }
  }
  const claims: { ref: ClaimRef; id: string; signature: ClaimSignature; keys: Set<string>; textKey: string }[] = [];
  for (const path of copies.keys()) {
    const doc = docs.get(path)!;
    const signatures = signDocument(path, doc, actors);
    doc.claims.forEach((claim, index) => {
      const keys = new Set<string>();
      forEachKey(keyFieldsOf(claim), actorKeys(path, actors), keyStrings((k) => keys.add(k)));
      claims.push({ ref: { path, index }, id: claim.id, signature: signatures[index], keys, textKey: claimTextKey(claim) });
    });
  }
  const df = new Map<string, number>();
  for (const c of claims) for (const k of c.keys) df.set(k, (df.get(k) ?? 0) + 1);
  const weights = new Map([...df].map(([k, n]) => [k, Math.log(1 + Math.max(1, claims.length) / n) * (k.startsWith('@') ? 1.2 : 1)]));
  const weight = (k: string) => weights.get(k)!;
  const postings = new Map<string, number[]>();
  claims.forEach((c, i) => c.keys.forEach((k) => (postings.get(k) ?? postings.set(k, []).get(k)!).push(i)));
  const statements = new Map<string, Set<string>>();
  for (const c of claims) (statements.get(c.ref.path) ?? statements.set(c.ref.path, new Set()).get(c.ref.path)!).add(c.textKey);
  const found: Contradiction[] = [];
  const best = claims.map(() => ({ score: 0, partner: -1 }));
  claims.forEach((a, i) => {
    const counts = new Map<number, number>();
    for (const k of a.keys) {
      const list = postings.get(k)!;
      if (list.length > MAX_POSTINGS) continue;
      for (const j of list) if (j > i && claims[j].ref.path !== a.ref.path) counts.set(j, (counts.get(j) ?? 0) + 1);
    }
    for (const [j, n] of counts) {
      if (n < MIN_SHARED_KEYS) continue;
      const b = claims[j];
      let shared = 0;
      let wa = 0;
      let wb = 0;
      for (const k of a.keys) {
        wa += weight(k);
        if (b.keys.has(k)) shared += weight(k);
      }
      for (const k of b.keys) wb += weight(k);
      const score = Math.sqrt(wa * wb) > 0 ? shared / Math.sqrt(wa * wb) : 0;
      if (score < FRAME_FLOOR) continue;
      const echo = statements.get(a.ref.path)!.has(b.textKey) || statements.get(b.ref.path)!.has(a.textKey);
      const outcome = judgeCandidate(a.signature, b.signature, score, echo);
      if (outcome.contradiction) found.push({ a: a.ref, b: b.ref, ...outcome.contradiction });
      for (const [x, y] of [[i, j], [j, i]]) if (outcome.link > best[x].score) best[x] = { score: outcome.link, partner: y };
    }
  });
  const parent = claims.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  best.forEach(({ partner }, i) => {
    if (partner >= 0) parent[find(partner)] = find(i);
  });
  const groups = new Map<number, ClaimRef[]>();
  claims.forEach((c, i) => {
    const refs = groups.get(find(i)) ?? groups.set(find(i), []).get(find(i))!;
    refs.push(c.ref, ...copies.get(c.ref.path)!.map((path) => ({ path, index: c.ref.index })));
  });
  const clusters = [...groups].filter(([, refs]) => refs.length >= 2).map(([root, refs]) => ({ id: `k-${claims[root].id}`, claims: refs }));
  const contradictions = found.flatMap((c) => [c, ...copies.get(c.a.path)!.map((path) => ({ ...c, a: { path, index: c.a.index } })), ...copies.get(c.b.path)!.map((path) => ({ ...c, b: { path, index: c.b.index } }))]);
  const tooCommon = [...postings.values()].filter((list) => list.length > MAX_POSTINGS).length;
  return { clusters, contradictions, tooCommon };
}

function assertSameAsPlain(docs: Map<string, DocumentAnalysis>, what: string): ReturnType<typeof plainJoin> {
  const actors = resolveActors(docs.values(), builtinLexicon());
  const graph = linkClaims(docs, actors);
  const plain = plainJoin(docs, actors);
  assert.deepEqual(graph.clusters, plain.clusters, `${what}: clusters`);
  assert.deepEqual(graph.contradictions, plain.contradictions, `${what}: contradictions`);
  const key = (r: ClaimRef) => `${r.path}#${r.index}`;
  const clusterOf = new Map(plain.clusters.flatMap((c) => c.claims.map((r) => [key(r), c] as const)));
  const contradictionsOf = new Map<string, Contradiction[]>();
  for (const c of plain.contradictions) for (const r of [c.a, c.b]) contradictionsOf.set(key(r), [...(contradictionsOf.get(key(r)) ?? []), c]);
  for (const [path, doc] of docs) {
    doc.claims.forEach((_, index) => {
      const ref = { path, index };
      assert.deepEqual(graph.clusterOf(ref), clusterOf.get(key(ref)), `${what}: cluster of ${key(ref)}`);
      assert.deepEqual(graph.contradictionsOf(ref), contradictionsOf.get(key(ref)) ?? [], `${what}: contradictions of ${key(ref)}`);
    });
  }
  // stored summaries (no text, folded text only) link exactly as the analyses do
  const summaries = new Map([...docs].map(([path, d]) => [path, { hash: d.hash, date: d.date, claims: d.claims.map(linkClaimOf) }]));
  const fromSummaries = linkClaims(summaries, actors);
  assert.deepEqual(fromSummaries.clusters, graph.clusters, `${what}: clusters from summaries`);
  assert.deepEqual(fromSummaries.contradictions, graph.contradictions, `${what}: contradictions from summaries`);
  // resident documents, whose claims are unpacked each time the join reads them, link exactly as well
  const fromResidents = linkClaims(new Map([...docs].map(([path, d]) => [path, residentJoinDocument(residentOf(d))])), actors);
  assert.deepEqual(fromResidents.clusters, graph.clusters, `${what}: clusters from resident documents`);
  assert.deepEqual(fromResidents.contradictions, graph.contradictions, `${what}: contradictions from resident documents`);
  return plain;
}

const ROOT = path.resolve(__dirname, '../../../..');
const analyse = (file: string, text: string) => analyzeDocument(file, text, { lexicon: builtinLexicon() });

test('the packed join equals the plain join on the seeds, GUM news and the gold pairs, with copies of documents', () => {
  const docs = new Map<string, DocumentAnalysis>();
  const gum = path.join(ROOT, '..', 'shared', 'data', 'gum-news', 'articles');
  const files = [...readdirSync(path.join(ROOT, 'seeds')).map((f) => path.join(ROOT, 'seeds', f)), ...(existsSync(gum) ? readdirSync(gum).map((f) => path.join(gum, f)) : [])];
  for (const file of files) docs.set(file, analyse(file, readFileSync(file, 'utf8')));
  // two copies of one seed and one of another: they join the same clusters and contradictions
  for (const [n, file] of [files[0], files[0], files[1]].entries()) docs.set(`/copies/${n}.txt`, analyse(`/copies/${n}.txt`, readFileSync(file, 'utf8')));
  const gold = JSON.parse(readFileSync(path.join(ROOT, 'test', 'gold', 'seeds-claims.json'), 'utf8')) as Record<string, { a: { date: string; text: string }; b: { date: string; text: string } }[]>;
  [...gold.syntheticContradictions, ...gold.syntheticNotContradictions].forEach((p, n) => {
    for (const [side, s] of [['a', p.a], ['b', p.b]] as const) docs.set(`/gold/${n}${side}.txt`, analyse(`/gold/${n}${side}.txt`, `---\ndate: ${s.date}\n---\n${s.text}\n`));
  });
  const plain = assertSameAsPlain(docs, 'seeds + GUM + gold');
  assert.ok(plain.contradictions.length > 0 && plain.clusters.length > 0);
});

test('the packed join equals the plain join on generated articles, where common keys propose no candidates', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-join-'));
  try {
    const { files } = generateCorpus(dir, 320);
    const docs = new Map(files.map((file) => [file, analyse(file, readFileSync(file, 'utf8'))]));
    const plain = assertSameAsPlain(docs, 'generated');
    assert.ok(plain.tooCommon > 0, 'some keys are too common to propose candidates');
    assert.ok(plain.clusters.length > 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a claim graph patches over documents typed by what the join reads', () => {
  const texts = {
    'a.txt': 'Russian President Vladimir Putin has refused to engage seriously with a cease-fire.\n',
    'b.txt': 'Russian leader Vladimir Putin remains unwilling to consider a ceasefire.\n',
  };
  const { docs, graph } = graphOf(texts);
  const old = docs.get('b.txt')!;
  const moved = analyse('b.txt', `A quiet opening line.\n\n${texts['b.txt']}`);
  const summary = (d: DocumentAnalysis) => ({ hash: d.hash, date: d.date, claims: d.claims.map(linkClaimOf) });
  const patched = patchClaimGraph(graph, 'b.txt', summary(old), summary(moved));
  const index = moved.claims.findIndex((c) => c.text === old.claims[0].text);
  assert.ok(index >= 0);
  assert.equal(patched.clusterOf({ path: 'b.txt', index }), patched.clusters[0]);
  assert.deepEqual(patched.clusters[0].claims, [{ path: 'a.txt', index: 0 }, { path: 'b.txt', index }]);
});

const bare = { id: 'c-x-1', entities: [], terms: [], quantities: [], hedged: false };

test('a document read by the join must have the claims it announced', () => {
  const actors = resolveActors([], builtinLexicon());
  const doc = { hash: 'h', date: null, claimCount: 2, readClaims: () => [bare] };
  assert.throws(() => linkClaims(new Map([['a.txt', doc]]), actors), /has 1 claims, not 2/);
});

test('the statement hash equals for texts equal up to case and spacing, from the text or the folded key', () => {
  for (const text of ['  The Minister SAID\n that 40 people\t died. ', 'Zelenskyy’s  office   Said so', 'Ä\u00a0B  c']) {
    assert.equal(statementHash({ ...bare, text }), statementHash({ ...bare, textKey: claimTextKey({ ...bare, text }) }), text);
  }
  assert.notEqual(statementHash({ ...bare, text: 'a b' }), statementHash({ ...bare, text: 'ab' }));
});
