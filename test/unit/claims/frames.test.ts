import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../../server/src/engine/analyzeDocument';
import { builtinLexicon } from '../../../server/src/engine/actors/lexicon';
import { resolveActors } from '../../../server/src/engine/actors/resolveActors';
import { linkClaims } from '../../../server/src/engine/claims/linkClaims';
import type { ClaimFrame, DocumentAnalysis } from '../../../server/src/engine/types';

function framesOf(text: string): ClaimFrame[] {
  return analyzeDocument('x.txt', text + '\n', { lexicon: builtinLexicon() }).claims.flatMap((c) => c.frames ?? []);
}

function graphOf(texts: Record<string, string>) {
  const docs = new Map<string, DocumentAnalysis>();
  for (const [path, text] of Object.entries(texts)) docs.set(path, analyzeDocument(path, text, { lexicon: builtinLexicon() }));
  return { docs, graph: linkClaims(docs, resolveActors(docs.values(), builtinLexicon())) };
}

const dated = (date: string, text: string) => `---\ndate: ${date}\n---\n${text}\n`;

test('frames: a negated join and a denied membership are the same negative event', () => {
  const join = framesOf('The minister said that Ukraine will not join NATO.').find((f) => f.event === 'membership');
  assert.ok(join && join.negated);
  const deny = framesOf('Trump’s offer of denying Ukraine NATO membership was designed to appeal to Putin.').find((f) => f.event === 'membership');
  assert.ok(deny && deny.negated);
  assert.ok(deny.args.includes('nato'));
});

test('frames: a light verb passes the event to its object, and "no sign of" negates it', () => {
  const [threat] = framesOf('The government threatened new tariffs on steel imports from the bloc.');
  assert.equal(threat.event, 'tariff');
  assert.equal(threat.negated, false);
  const [none] = framesOf('The government gave no sign of new tariffs on steel imports from the bloc.');
  assert.equal(none.event, 'tariff');
  assert.equal(none.negated, true);
  assert.deepEqual(none.agent, ['government']);
});

test('frames: a degree verb over an event noun is that event; an infinitive continues its predicate', () => {
  assert.equal(framesOf('Instead of winding down, Russia has escalated its attacks.')[0].event, 'attack');
  const [refusal] = framesOf('Russian President Vladimir Putin has refused to engage seriously with a cease-fire.');
  assert.equal(refusal.event, 'reject');
  assert.ok(refusal.args.includes('ceasefire'));
});

test('frames: an elided object takes the arguments of the sentence before; the subject skips an appositive', () => {
  const frames = framesOf('Zelensky soon agreed to a cease-fire. Putin, despite being assiduously courted by the administration, refused, even as he went to great lengths.');
  const refusal = frames.find((f) => f.event === 'reject');
  assert.ok(refusal);
  assert.ok(refusal.agent.includes('putin'));
  assert.ok(refusal.args.includes('ceasefire'));
});

test('frames: a conditional clause is not asserted', () => {
  const frames = framesOf('The administration has warned that economic pressure on Russia could intensify if Moscow refuses to negotiate.');
  assert.ok(!frames.some((f) => f.event === 'reject'));
});

test('the same actor doing and not doing the same thing is a contradiction', () => {
  const { graph } = graphOf({
    'a.txt': dated('2024-03-01', 'The government threatened new tariffs on steel imports from the bloc.'),
    'b.txt': dated('2024-03-02', 'The government gave no sign of new tariffs on steel imports from the bloc.'),
  });
  const found = graph.contradictions.filter((c) => c.type === 'contradiction');
  assert.equal(found.length, 1);
  assert.ok(found[0].confidence >= 0.6);
});

test('synonyms alone do not link: different agents, different objects', () => {
  const { graph } = graphOf({
    'a.txt': 'Instead of winding down, Russia has escalated its attacks.\n',
    'b.txt': 'Although Trump insisted that he was prepared to intensify sanctions on Russia if Putin did not budge, in practice nothing changed.\n',
  });
  assert.equal(graph.clusters.length, 0);
});

test('the same claim in other words: no NATO membership, whoever words it', () => {
  const { graph } = graphOf({
    'a.txt': 'His administration has avoided calling Russia the aggressor, signaled that Ukraine will not join NATO, and even suggested elections.\n',
    'b.txt': 'Even so, despite Trump ruling out NATO membership for Ukraine, Russian President Vladimir Putin has yet to offer any serious concession.\n',
  });
  assert.equal(graph.clusters.length, 1);
});

test('one agent and one event on different places is not the same claim', () => {
  const { graph } = graphOf({
    'a.txt': 'Since late spring, Russia has been attacking Kyiv with some of the largest aerial bombardments of the war.\n',
    'b.txt': 'Mere hours after the talks, Moscow launched a massive drone strike on Odesa, cutting power to thousands.\n',
  });
  assert.equal(graph.clusters.length, 0);
});

test('copies of one article never contradict each other and join the same clusters', () => {
  const a = 'The union accepted the pay offer from the rail operator on Tuesday. Later that week the union rejected the pay offer from the rail operator.\n';
  const { graph } = graphOf({ 'a.txt': a, 'copy.txt': a, 'edited.txt': 'Syndicated copy.\n\n' + a });
  assert.equal(graph.contradictions.filter((c) => c.type === 'contradiction').length, 0);
  const ref = { path: 'a.txt', index: 0 };
  assert.ok(graph.clusterOf(ref)?.claims.some((r) => r.path === 'copy.txt' && r.index === 0));
});

test('a contradiction reaches the copies of both sides, linearly', () => {
  // articles of Wednesday and Thursday: "on Tuesday" is 2023-10-03 in both
  const accepted = dated('2023-10-04', 'The union accepted the pay offer from the rail operator on Tuesday.');
  const rejected = dated('2023-10-05', 'The union rejected the pay offer from the rail operator on Tuesday.');
  const { graph } = graphOf({ 'a.txt': accepted, 'a2.txt': accepted, 'a3.txt': accepted, 'b.txt': rejected });
  const found = graph.contradictions.filter((c) => c.type === 'contradiction');
  assert.equal(found.length, 3);
  for (const path of ['a.txt', 'a2.txt', 'a3.txt']) assert.equal(graph.contradictionsOf({ path, index: 0 }).length, 1);
});

test('opposite statements about different days are a change, not a contradiction', () => {
  // the article of Monday 2023-10-02 tells of Tuesday 2023-09-26; the one of Tuesday 2023-10-03, of that day
  const accepted = dated('2023-10-02', 'The union accepted the pay offer from the rail operator on Tuesday.');
  const rejected = dated('2023-10-03', 'The union rejected the pay offer from the rail operator on Tuesday.');
  const { graph } = graphOf({ 'a.txt': accepted, 'b.txt': rejected });
  assert.equal(graph.contradictions.filter((c) => c.type === 'contradiction').length, 0);
  const changes = graph.contradictions.filter((c) => c.type === 'change');
  assert.equal(changes.length, 1);
  assert.match(changes[0].reason, /different dates \(2023-09-26 vs 2023-10-03\)/);
});

test('the same day, or a shared instrument, does not make other targets or other objects the same claim', () => {
  for (const [a, b] of [
    ['Russia attacked Kyiv with drones on Monday.', 'Russia attacked Odesa with drones on Monday.'],
    ['The government raised taxes in March.', 'The government raised tariffs in March.'],
  ]) {
    const { graph } = graphOf({ 'a.txt': dated('2024-05-10', a), 'b.txt': dated('2024-05-11', b) });
    assert.equal(graph.clusters.length, 0, `${a} / ${b}`);
  }
  // the same target told with other words and days named is still one claim
  const { graph } = graphOf({ 'a.txt': dated('2024-05-10', 'Russia attacked Kyiv with drones on Monday.'), 'b.txt': dated('2024-05-11', 'Russia attacked Kyiv with drones and missiles on Monday.') });
  assert.equal(graph.clusters.length, 1);
});
