// Sentences marked "(GUM news)" are from Wikinews articles in the GUM corpus: credit "GUM corpus
// (Zeldes 2017) and Wikinews contributors" (texts CC BY 2.5). The others are from seeds/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../../server/src/engine/analyzeDocument';
import { builtinLexicon } from '../../../server/src/engine/actors/lexicon';
import type { DocumentAnalysis } from '../../../server/src/engine/types';

const lexicon = builtinLexicon();
const analyse = (text: string, path = 'doc.txt'): DocumentAnalysis => analyzeDocument(path, text, { lexicon });
const mentionsOf = (doc: DocumentAnalysis) => doc.mentions.map((m) => ({ ...m, entityName: doc.entities[m.entity].name, entityKind: doc.entities[m.entity].kind }));
const find = (doc: DocumentAnalysis, text: string) => mentionsOf(doc).filter((m) => m.text === text);

test('a title and a name split over a line break: one mention, the title is its role', () => {
  // seeds/003 is hard-wrapped exactly here
  const doc = analyse(
    [
      'As with a flawed',
      'military campaign, a flawed diplomatic initiative is apt to start with a',
      'fundamental misunderstanding of the situation. Like Putin in 2022, Trump',
      'believed in January 2025 that he could bring the war to a quick conclusion.',
      'So certain was he',
      'that Putin would accept these terms that he acted as if Ukrainian President',
      'Volodymyr Zelensky was the main obstacle to agreement. Trump’s first move was',
      'to explain publicly to the Ukrainian president the harsh realities of the',
      'weak position, especially once support was withdrawn. Later, Zelensky agreed',
      'to a cease-fire, in part to mollify Trump but also to give some badly',
    ].join('\n') + '\n',
  );
  const z = mentionsOf(doc).filter((m) => m.entityName === 'Volodymyr Zelensky' && m.kind === 'name');
  assert.equal(z.length, 2);
  assert.equal(z[0].text, 'Volodymyr Zelensky');
  assert.equal(z[0].role, 'Ukrainian President');
  assert.equal(z[0].kind, 'name');
  assert.equal(z[1].text, 'Zelensky');
  assert.ok(!mentionsOf(doc).some((m) => m.text.includes('President')), 'the title is no mention of its own');
  const ukrainian = find(doc, 'Ukrainian')[0];
  assert.equal(ukrainian.kind, 'demonym');
  assert.equal(ukrainian.entityName, 'Ukraine');
});

test('a possessive is the name without its "’s"', () => {
  const doc = analyse('President Vladimir Putin spoke. Putin’s strategic decisions reflect ambitions. Trump\'s envoy met him.');
  const putin = find(doc, 'Putin')[0];
  assert.ok(putin, 'Putin found');
  assert.equal(putin.entityName, 'Vladimir Putin');
  assert.equal(doc.mentions.filter((m) => doc.entities[m.entity].name === 'Vladimir Putin').length, 2);
  assert.ok(find(doc, 'Trump').length === 1);
});

test('U.S., US and United States are one actor, a state', () => {
  const doc = analyse('Western nations, particularly the U.S., see the campaign as a violation. The US-Russian relationship is poor. The United States holds advantages.');
  const ids = new Set(['U.S.', 'US', 'United States'].map((t) => find(doc, t)[0]?.entity));
  assert.equal(ids.size, 1);
  const entity = doc.entities[[...ids][0]!];
  assert.equal(entity.kind, 'state');
  assert.equal(entity.gazetteerId, 'united-states');
  assert.equal(find(doc, 'Russian')[0]?.kind, 'demonym');
});

test('sentence-initial capitals, Title Case headings and common capitalised words are not actors', () => {
  const doc = analyse(
    'Why Russia Won’t Stop\n\nDespite Trump’s outreach, Moscow remains cautious. The conflict has strained relations with Western nations.\n\nAlso read\n\nMeanwhile, Ukraine’s resilience has surprised many. Ammunition is less of a problem.\n',
  );
  const texts = doc.mentions.map((m) => m.text);
  for (const word of ['Despite', 'The', 'Western', 'Also', 'Also read', 'Meanwhile', 'Ammunition', 'Why', 'Won', 'Stop']) assert.ok(!texts.includes(word), `${word} is not an actor`);
  assert.ok(texts.includes('Trump'));
  assert.ok(texts.includes('Russia'), 'a gazetteer name in a heading still counts');
});

test('a Title Case heading mentions a person named in the text, and creates no one else', () => {
  const doc = analyse('Why Putin Persists\n\nPutin has multiple possible reasons for resisting a cease-fire. Vladimir Putin calculates.\n');
  const heading = doc.mentions.filter((m) => m.start < 20).map((m) => m.text);
  assert.deepEqual(heading, ['Putin']);
  assert.equal(doc.entities.filter((e) => e.kind === 'person').length, 1);
});

test('"Russian" is a demonym mention of Russia, not an actor of its own', () => {
  const doc = analyse('Russian officials, wary of U.S. intentions, are unsure. Russian forces advanced.');
  const r = find(doc, 'Russian');
  assert.equal(r.length, 2);
  for (const m of r) {
    assert.equal(m.kind, 'demonym');
    assert.equal(m.entityName, 'Russia');
    assert.equal(m.entityKind, 'state');
  }
});

test('the Kremlin and a capital acting as a government are metonyms for their state; a capital as a location is a place', () => {
  const doc = analyse('Yet the Kremlin rejected it. Moscow launched a massive drone strike. Witkoff met with Putin in Moscow.');
  const kremlin = find(doc, 'Kremlin')[0];
  assert.equal(kremlin.kind, 'metonym');
  assert.equal(doc.entities[kremlin.entity].standsFor, 'russia');
  assert.equal(doc.entities[kremlin.entity].reference, 'metonym');
  const [actor, location] = find(doc, 'Moscow');
  assert.equal(actor.kind, 'metonym');
  assert.equal(doc.entities[actor.entity].standsFor, 'russia');
  assert.equal(location.kind, 'name');
  assert.equal(location.entityKind, 'place');
});

test('a descriptive reference resolves to the one person in the document holding the role, marked as inferred', () => {
  const doc = analyse('Russian President Vladimir Putin has yet to offer any concession. He could be forgiven for wondering why the Russian president is being so stubborn.');
  const d = mentionsOf(doc).find((m) => m.kind === 'descriptive');
  assert.ok(d);
  assert.equal(d.text, 'the Russian president');
  assert.equal(d.entityName, 'Vladimir Putin');
  assert.ok(d.confidence < 1);
  assert.ok(!find(doc, 'Russian').some((m) => m.start >= d.start && m.end <= d.end), 'no demonym inside the reference');
});

test('predicative roles are not references ("replaced Putin as the Russian President")', () => {
  const doc = analyse('Dmitry Medvedev replaced Putin as the Russian President between 2008 and 2012.');
  assert.ok(!doc.mentions.some((m) => m.kind === 'descriptive'));
});

test('an emoji at a name’s edge leaves the name intact', () => {
  const doc = analyse('🇺🇦Volodymyr Zelensky🙏 met Emmanuel Macron😀 in Paris🔥. NATO👍 agreed.');
  const texts = doc.mentions.map((m) => m.text);
  assert.ok(texts.includes('Volodymyr Zelensky'));
  assert.ok(texts.includes('Emmanuel Macron'));
  assert.ok(texts.includes('Paris'));
  assert.ok(texts.includes('NATO'));
  for (const m of doc.mentions) assert.equal(doc.mentions.length > 0 && m.text, m.text.trim());
});

test('acronyms join their expansion (GUM news)', () => {
  const doc = analyse(
    'The FIRST Global competition (For Inspiration and Recognition of Science and Technology) was founded by Dean Kamen. According to the Council on American-Islamic Relations (CAIR), the boy was arrested. CAIR said so.',
  );
  const cair = find(doc, 'CAIR');
  assert.equal(cair.length, 2);
  for (const m of cair) {
    assert.equal(m.entityName, 'Council on American-Islamic Relations');
    assert.equal(m.entityKind, 'organization');
  }
  assert.equal(find(doc, 'Dean Kamen')[0]?.entityKind, 'person');
});

test('titles and honorifics are roles, not names (GUM news)', () => {
  const doc = analyse('According to Afghan Ambassador Hamdullah Mohib, the team made progress. Malaysia\'s Prime Minister Najib Razak said the navy would help. Mr. Razak added more.');
  const mohib = find(doc, 'Hamdullah Mohib')[0];
  assert.equal(mohib.role, 'Afghan Ambassador');
  const najib = find(doc, 'Najib Razak')[0];
  assert.equal(najib.role, "Malaysia's Prime Minister");
  assert.equal(find(doc, 'Razak')[0]?.entityName, 'Najib Razak');
});

test('"George W. Bush" and "Bush" are one person; distinct people keep their names', () => {
  const doc = analyse('President Putin worked with George W. Bush in 2002. Towards the end of Bush’s Presidency, tension returned. Barack Obama met Dmitry Medvedev.');
  const bush = find(doc, 'Bush')[0];
  assert.equal(bush.entityName, 'George W. Bush');
  assert.ok(!doc.mentions.some((m) => m.text === 'Presidency'));
  assert.notEqual(find(doc, 'Barack Obama')[0].entity, find(doc, 'Dmitry Medvedev')[0].entity);
});

test('page furniture is skipped', () => {
  const text = 'Putin spoke.\n'.repeat(3) + '\n\n\nKing\'s physicists were invited to showcase their work. Roar News had the chance to...\n\n\nStaff writer Sara Okada provides insight into baseball. For dedicated fans, the Major League...\n';
  const doc = analyse(text);
  assert.ok(!doc.mentions.some((m) => m.text === 'Sara Okada'));
});

test('events, eras and compound heads are no actors; unknown places are found by their context (seed sentences)', () => {
  const names = (text: string) => {
    const doc = analyse(text);
    return doc.mentions.map((m) => `${m.text}:${doc.entities[m.entity].kind}:${m.kind}`);
  };
  const a = names('From the ‘Red Scares’ of the 1920s, to the fall of the Iron Curtain, the Cold War ended. The Strategic Offensive Reductions Treaty was signed. He sought the Helsinki Summit with Putin in 2018.');
  for (const junk of ['Red Scares', 'Iron Curtain', 'Cold War', 'Strategic Offensive Reductions Treaty', 'Summit']) assert.ok(!a.some((m) => m.startsWith(`${junk}:`)), `${junk} in ${a.join(', ')}`);
  assert.ok(a.includes('Helsinki:place:name'), a.join(', '));
  const b = names('From Truman launching the atomic bombs on Hiroshima and Nagasaki, to Reagan’s historical “Tear Down this Wall” speech. Moscow launched a massive drone strike on Odesa. It is trying to enter Dnipropetrovsk.');
  for (const place of ['Hiroshima', 'Nagasaki', 'Odesa', 'Dnipropetrovsk']) assert.ok(b.includes(`${place}:place:name`), `${place} in ${b.join(', ')}`);
  assert.ok(!b.some((m) => m.startsWith('Wall:')), b.join(', '));
  const c = names('For the first months of 2025, the Trump-induced downturn in investment deepened, as Donald Trump said.');
  assert.ok(c.includes('Trump:person:name') && !c.some((m) => m.startsWith('Trump-induced')), c.join(', '));
  assert.ok(names('He told him in an infamous Oval Office meeting.').includes('Oval Office:organization:metonym'));
});

test('kinds from context: coordination, a place and its region, a possessor before a person, organisation roles (GUM news)', () => {
  const kinds = (text: string) => {
    const doc = analyse(text);
    return new Map(doc.mentions.map((m) => [m.text, `${doc.entities[m.entity].kind}${m.role ? `|${m.role}` : ''}`]));
  };
  const a = kinds('The game began with Romelu Lukaku, Yannick Carrasco, and Dries Mertens making early attempts. Demosisto’s Nathan Law earned a surprise victory.');
  assert.equal(a.get('Dries Mertens'), 'person');
  assert.equal(a.get('Demosisto'), 'organization');
  const b = kinds('The boy from Irving, Texas, was arrested. A leaked internal letter seen by Sky News says so. Facebook co-founder Mark Zuckerberg invited him. After the match, Hernan Dario Gomez, Panama coach, said it was hard.');
  assert.equal(b.get('Irving'), 'place');
  assert.equal(b.get('Sky News'), 'organization');
  assert.equal(b.get('Mark Zuckerberg'), 'person|Facebook co-founder');
  assert.equal(b.get('Hernan Dario Gomez'), 'person');
  assert.ok(kinds('Both the Irving Independent School District and the police declined.').has('Irving Independent School District'));
});
