import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findClaims } from '../../../server/src/engine/claims/findClaims';
import { buildTextModel } from '../../../server/src/engine/text/textModel';
import type { Claim } from '../../../server/src/engine/types';

function claimsOf(text: string): Claim[] {
  return findClaims(buildTextModel(text), { entities: [], mentions: [] }, { dates: [], date: null }, 't');
}

function claimWith(text: string, fragment: string): Claim {
  const found = claimsOf(text).find((c) => c.text.includes(fragment));
  assert.ok(found, `no claim holding "${fragment}" in: ${claimsOf(text).map((c) => c.text).join(' | ')}`);
  return found;
}

test('according to X: sourced, the source phrase kept', () => {
  const c = claimWith('A storm yesterday caused a crane to fall into the mosque, killing 107 or more and wounding 238, according to the Civil Defense Authority.', 'crane');
  assert.equal(c.attribution, 'sourced');
  assert.equal(c.cue, 'according to');
  assert.equal(c.sourceText, 'the Civil Defense Authority');
});

test('reportedly and agentless passives are vague', () => {
  assert.equal(claimWith('On Friday, fishermen rescued over 700 asylum seekers whose boat sank, and the Indonesian Navy reportedly saved 200 more.', 'saved').attribution, 'vague');
  assert.equal(claimWith('During the 2016 election, Russian interference in the election was widely reported.', 'interference').attribution, 'vague');
});

test('unnamed plural and indefinite sources are vague, named ones sourced', () => {
  const vague = claimWith('Several Western analyses have concluded that the war has already cost the country a million casualties.', 'million');
  assert.equal(vague.attribution, 'vague');
  assert.equal(vague.sourceText, 'Several Western analyses');
  const named = claimWith('Professor Eastman says iodine is added to only 10 per cent of Australian salt.', 'iodine');
  assert.equal(named.attribution, 'sourced');
  assert.equal(named.sourceText, 'Professor Eastman');
});

test('a quotation with its speaker after it is sourced by the speaker', () => {
  const c = claimWith('“You don’t have the cards,” he told him in an Oval Office meeting at the end of February.', 'cards');
  assert.equal(c.attribution, 'sourced');
  assert.equal(c.sourceText, 'he');
});

test('a sentence that only reports attributes the sentence before it', () => {
  const claims = claimsOf('Schools shut\n\nThe ministry closed 40 schools in the province on Monday.\nThe agency reported the figures.\n');
  assert.equal(claims.length, 1);
  assert.equal(claims[0].attribution, 'sourced');
  assert.equal(claims[0].sourceText, 'The agency');
});

test('a reporting verb with a plain object reports an act, not a statement: "new sanctions" is a noun phrase', () => {
  const announced = claimWith('Washington announced new sanctions against Moscow.', 'sanctions');
  assert.equal(announced.attribution, 'unsourced');
  assert.ok(announced.frames?.some((f) => f.event === 'announce' && f.args.includes('sanction')), JSON.stringify(announced.frames));
  const imposed = claimWith('The EU imposed new sanctions on Russia on Monday.', 'sanctions');
  assert.ok(imposed.frames?.some((f) => f.event === 'impose' && f.args.includes('sanction')), JSON.stringify(imposed.frames));
  // the source is who tells of the act
  const told = claimWith('According to Le Monde, the United States denied new sanctions three months later.', 'sanctions');
  assert.equal(told.sourceText, 'Le Monde');
  assert.equal(claimWith('Russia announced fresh sanctions on Tuesday, Reuters reported.', 'sanctions').sourceText, 'Reuters');
});

test('a passive report names its source after "by", or none: vague', () => {
  const vague = claimWith('Some 40 casualties were reported in the city on Monday.', 'casualties');
  assert.equal(vague.attribution, 'vague');
  assert.equal(vague.cue, 'were reported');
  assert.equal(claimWith('Heavy fighting was reported near the airport.', 'fighting').attribution, 'vague');
  const named = claimWith('Some 40 casualties were reported in the city on Monday by the health ministry.', 'casualties');
  assert.equal(named.attribution, 'sourced');
  assert.equal(named.sourceText, 'the health ministry');
  // a time after "by" is no source; a speaker later in the sentence is
  assert.equal(claimWith('The results were reported by the end of the week.', 'results').attribution, 'unsourced');
  assert.equal(claimWith('The attack was reported on Monday, the ministry said.', 'attack').sourceText, 'the ministry');
});

test('a negated reporting verb is no attribution', () => {
  const c = claimWith('In practice, the American president did not indicate that he would do so, setting aside the main form of pressure.', 'indicate');
  assert.equal(c.attribution, 'unsourced');
});

test('questions, conditionals, modal speculation and opinion are not claims', () => {
  assert.equal(claimsOf('Would achieving peace require the removal of the president entirely?').length, 0);
  assert.equal(claimsOf('If the war in the region is going to end through negotiations, then the president will need to be convinced.').length, 0);
  assert.equal(claimsOf('Still, the long war may become increasingly unsustainable.').length, 0);
  assert.equal(claimsOf('However, this approach often backfires, leading to political isolation.').length, 0);
});

test('a long sentence holds one claim per clause, with exact offsets across a hard wrap', () => {
  // (a first line alone would be read as the title)
  const text = 'Tensions escalate\n\nHis administration has avoided calling Russia the aggressor, signaled that Ukraine will not join NATO, and even\nsuggested elections in Ukraine before a peace deal.';
  const claims = claimsOf(text);
  assert.ok(claims.length >= 2, claims.map((c) => c.text).join(' | '));
  for (const c of claims) assert.equal(text.slice(c.start, c.end).replace(/\n/g, ' '), c.text);
  const signaled = claimWith(text, 'signaled');
  assert.equal(signaled.attribution, 'sourced');
  assert.equal(signaled.sourceText, 'His administration');
  assert.equal(signaled.negated, true);
});

test('quantities are normalised with their comparators', () => {
  const c = claimWith('Officials said more than three thousand people were evacuated from the coast on Sunday.', 'evacuated');
  assert.deepEqual(
    c.quantities.map((q) => [q.value, q.comparator, q.unit]),
    [[3000, 'gt', 'people']],
  );
  assert.equal(c.attribution, 'vague');
  assert.ok(c.predicates.includes('evacuate'));
});

test('never crashes and stays fast on hostile input', () => {
  const noise = Array.from({ length: 20000 }, (_, i) => String.fromCharCode((i * 7919) % 0xffff)).join('');
  assert.doesNotThrow(() => claimsOf(noise));
  assert.doesNotThrow(() => claimsOf('?!.,;:'.repeat(5000)));
  assert.doesNotThrow(() => claimsOf('😀Putin said 😀 that 12 people died.'));
  const long = 'The army shelled the port and the ministry said that 40 people died, '.repeat(20000);
  const started = Date.now();
  claimsOf(long);
  assert.ok(Date.now() - started < 5000);
});
