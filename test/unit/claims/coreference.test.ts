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
  return linkClaims(docs, resolveActors(docs.values(), builtinLexicon()));
}

const dated = (date: string, text: string) => `---\ndate: ${date}\n---\n${text}\n`;

test('coreference: a sentence-initial "It" takes the state that was the agent of the sentence before', () => {
  const frames = framesOf('Since late spring, Russia has been shelling Kharkiv every night. It has stepped up its latest offensive, pushing forward in Donetsk.');
  const advance = frames.find((f) => f.event === 'advance' && f.coref);
  assert.ok(advance, 'the offensive has a resolved agent');
  assert.deepEqual(advance.agent, ['russia']);
  // the free adjunct's place is where the main event happens too
  assert.ok(advance.args.includes('donetsk'));
});

test('coreference: "he" does not take a state, and nothing carries over a paragraph break', () => {
  const he = framesOf('Russia has been shelling Kharkiv every night. He has stepped up the offensive in the east.');
  assert.ok(!he.some((f) => f.coref));
  const paragraphs = framesOf('Russia has been shelling Kharkiv every night.\n\nIt has stepped up the offensive in the east.');
  assert.ok(!paragraphs.some((f) => f.coref));
});

test('nominal events: a possessor and an event noun are a frame; "his" takes the person before it', () => {
  const offer = framesOf('Trump’s offer of denying Ukraine NATO membership was designed to appeal to Putin.').find((f) => f.event === 'offer');
  assert.ok(offer && offer.nominal);
  assert.deepEqual(offer.agent, ['trump']);
  assert.ok(offer.args.includes('membership'));
  const proposal = framesOf('Merkel believed Athens would be happy with her proposal of a debt swap and lower interest rates.').find((f) => f.event === 'offer');
  assert.ok(proposal && proposal.coref && proposal.nominal);
  assert.deepEqual(proposal.agent, ['merkel']);
});

test('a nominal event that only sets the scene does not link two different statements', () => {
  const graph = graphOf({
    'a.txt': 'More than two years into the army’s invasion of the province, the front lines have barely moved.\n',
    'b.txt': 'The army’s invasion of the province soon turned into a war of attrition fought from trenches.\n',
  });
  assert.equal(graph.clusters.length, 0);
});

test('a resolved pronoun is never the only evidence for a contradiction', () => {
  const graph = graphOf({
    'a.txt': dated('2024-03-01', 'The European Commission threatened new tariffs on steel imports from China.'),
    'b.txt': dated('2024-03-02', 'The European Commission met trade ministers in Brussels on Monday. It gave no sign of new tariffs on steel imports from China.'),
  });
  assert.equal(graph.contradictions.filter((c) => c.type === 'contradiction').length, 0);
});
