import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { buildTextModel } from '../../../server/src/engine/text/textModel';
import { tokenize } from '../../../server/src/engine/text/tokenize';
import { computeLineStarts, offsetAt, positionAt } from '../../../server/src/engine/text/lines';

const SEEDS = path.resolve(__dirname, '../../../../seeds');
const seed = (name: string) => readFileSync(path.join(SEEDS, readdirStartsWith(name)), 'utf8');
function readdirStartsWith(prefix: string): string {
  return require('node:fs').readdirSync(SEEDS).find((f: string) => f.startsWith(prefix));
}
const slice = (text: string, s: { start: number; end: number } | null) => (s ? text.slice(s.start, s.end) : null);

test('003: byline, two-line title, headings and the photo caption are found; sentences join hard-wrapped lines', () => {
  const text = seed('003');
  const m = buildTextModel(text);
  assert.equal(slice(text, m.byline), 'By Eric Vandenbroeck and co-workers');
  assert.equal(slice(text, m.title), 'Why Putin Still Fights the Kremlin Will\nEnd Its War in Ukraine Only When It Knows that Victory Is Impossible');
  const headings = m.blocks.filter((b) => b.kind === 'heading').map((b) => text.slice(b.start, b.end));
  assert.deepEqual(headings, ['A Textbook Forever War', 'Why Putin Persists', 'How Ukraine Resists', 'Beyond Deadlock']);
  const captions = m.blocks.filter((b) => b.kind === 'caption').map((b) => text.slice(b.start, b.end));
  assert.deepEqual(captions, ['A resident outside an apartment building damaged by a\nRussian drone strike, Kyiv, June 2025']);
  const s = m.sentences.find((x) => x.text.startsWith('Nearly five months'))!;
  assert.ok(s.text.includes('since U.S. President Donald Trump entered the White House promising to quickly end the war in Ukraine, it is being fought as intensively as before.'));
  assert.equal(s.text.length, s.end - s.start, 'sentence text keeps source length');
  const zelensky = m.sentences.find((x) => x.text.includes('Ukrainian President Volodymyr Zelensky was the main obstacle'));
  assert.ok(zelensky, 'the name split over two lines is inside one sentence');
  const paragraphs = m.sentences.filter((x) => x.block === 'paragraph').length;
  assert.ok(paragraphs >= 110 && paragraphs <= 130, `${paragraphs} article sentences`);
  assert.equal(slice(text, m.boilerplate[m.boilerplate.length - 1]), 'For updates click hompage here');
});

test('001: the unpunctuated headline is the title and the "- News" tail is furniture', () => {
  const text = seed('001');
  const m = buildTextModel(text);
  assert.equal(slice(text, m.title), 'U.S.-Russia tensions escalate as Putin rejects Ukraine ceasefire, straining Trump’s diplomacy');
  assert.deepEqual(m.boilerplate.map((b) => text.slice(b.start, b.end)), ['- News']);
  const lead = m.sentences.find((x) => x.text.startsWith('As U.S. President Donald Trump'))!;
  assert.ok(lead.text.endsWith("Washington’s diplomatic shift"), 'a line without final punctuation ends its sentence');
});

test('004: navigation at the top and the teaser list at the end are furniture; the article is not', () => {
  const text = seed('004');
  const m = buildTextModel(text);
  const furniture = m.boilerplate.map((b) => text.slice(b.start, b.end));
  assert.ok(furniture[0].startsWith('Connect with us'));
  const tail = furniture[furniture.length - 1];
  assert.ok(tail.startsWith('Golden light falls in shards'), tail.slice(0, 40));
  assert.ok(tail.endsWith('the Major League Baseball...'));
  assert.ok(!furniture.some((f) => f.includes('render Western and Russian relations')), 'the cut-off last paragraph is article text');
  assert.equal(slice(text, m.title), 'From Reset to Rancor: The US-Russian Perpetual Cycle of Personalities');
});

test('002: widget lines inside the article ("Others are reading now", "Also read") are furniture', () => {
  const text = seed('002');
  const furniture = buildTextModel(text).boilerplate.map((b) => text.slice(b.start, b.end));
  assert.deepEqual(furniture, ['Others are reading now', 'Also read']);
});

test('tokens: abbreviations, possessives with curly apostrophes, numbers, hyphenated words, exact offsets', () => {
  const text = 'U.S. President Putin’s 200,000 cease-fire in the 1920s, “dictator”.';
  const tokens = tokenize(text);
  assert.deepEqual(
    tokens.map((t) => t.text),
    ['U.S.', 'President', 'Putin', '’s', '200,000', 'cease-fire', 'in', 'the', '1920s', ',', '“', 'dictator', '”', '.'],
  );
  for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
  assert.equal(tokens[3].norm, "'s");
});

test('sentences do not split after titles, initials or mid-sentence abbreviations', () => {
  const text = 'Mr. Smith met George W. Bush in Washington D.C. on Monday. The U.S. stands firm. Relations with the U.S. The end.';
  const sentences = buildTextModel(text).sentences.map((s) => s.text);
  assert.deepEqual(sentences, ['Mr. Smith met George W. Bush in Washington D.C. on Monday.', 'The U.S. stands firm.', 'Relations with the U.S.', 'The end.']);
});

test('CRLF text and emoji keep exact UTF-16 offsets', () => {
  const text = 'Heading Line\r\n\r\nPutin 😀 met Trump.\r\nThey spoke.';
  const m = buildTextModel(text);
  const s = m.sentences.find((x) => x.text.startsWith('Putin'))!;
  assert.equal(text.slice(s.start, s.end), 'Putin 😀 met Trump.');
  const lines = computeLineStarts(text);
  assert.deepEqual(positionAt(lines, text.indexOf('They')), { line: 3, character: 0 });
  assert.equal(offsetAt(lines, { line: 2, character: 9 }, text.length), text.indexOf('met'));
});

test('any input gives a model: only punctuation, one 2 MB line, control characters', () => {
  for (const text of ['', '...!!!???', '\u0000\u0001\u0002', 'a'.repeat(2_000_000), '.'.repeat(500_000), 'Über 😀😀 ĀĒĪ 中文 العربية.']) {
    const started = Date.now();
    const m = buildTextModel(text);
    assert.ok(Array.isArray(m.sentences));
    assert.ok(Date.now() - started < 5000, 'linear time');
  }
});

test('a long line that repeats one sentence is article text; a short label pasted twice is furniture', () => {
  const sentence = 'Officials said the port was shelled overnight and 40 people died.';
  const text = Array.from({ length: 200 }, () => sentence).join(' ');
  assert.equal(buildTextModel(`Title Here\n\n${text}`).boilerplate.length, 0);
  assert.equal(buildTextModel('KCLSU logo KCLSU logo').boilerplate.length, 1);
});
