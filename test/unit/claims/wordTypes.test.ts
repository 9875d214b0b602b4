import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FormTable } from '../../../server/src/engine/claims/formTable';
import { coveringSpans, spanCursor } from '../../../server/src/engine/claims/sentenceSpans';
import { tagWords } from '../../../server/src/engine/claims/wordTags';
import { CAPITALISED, MULTIPLIER, NUMBER_WORDS, REPORTING, STOPWORD, typesOf, wordType, YEAR, YEAR_OR_DECADE } from '../../../server/src/engine/claims/wordTypes';
import { tokenize } from '../../../server/src/engine/text/tokenize';
import type { Span, Token } from '../../../server/src/engine/types';

const token = (text: string, kind: Token['kind'] = 'word'): Token => ({ text, norm: text, start: 0, end: text.length, kind, afterNewline: false });

test('form table: finds what it was given, forgets nothing wrongly when full, never answers with another form’s value', () => {
  const table = new FormTable<string>(3); // 8 slots, at most 4 forms at a time
  const forms = Array.from({ length: 40 }, (_, k) => `form${k}`);
  for (const form of forms) {
    if (table.get(form) === undefined) table.add(form, form.toUpperCase());
    assert.equal(table.get(form), form.toUpperCase());
  }
  for (const form of forms) {
    const value = table.get(form);
    assert.ok(value === undefined || value === form.toUpperCase(), form);
  }
  assert.equal(table.get('absent'), undefined);
  assert.equal(table.get(''), undefined);
});

test('word types: one shared type per form, with its lemma, terms and lexicon flags', () => {
  const [a] = typesOf(tokenize('said'));
  const [b] = typesOf(tokenize('He said it', 3, 7));
  assert.equal(a, b); // shared across tokens and texts
  assert.equal(a.lemma, 'say');
  assert.ok(a.flags & REPORTING);
  const officials = wordType(token('Officials'));
  assert.equal(officials.lower, 'officials');
  assert.ok(officials.flags & CAPITALISED);
  assert.ok(wordType(token('the')).flags & STOPWORD);
  assert.equal(wordType(token('the')).tag, 'det');
  assert.equal(wordType(token('Putin')).tag, null); // a name or a word: decided in context
});

test('word types: numbers, years and number words', () => {
  assert.equal(wordType(token('150,000', 'number')).value, 150000);
  assert.equal(wordType(token('1920s', 'number')).value, null);
  assert.ok(wordType(token('1920s', 'number')).flags & YEAR_OR_DECADE);
  assert.ok(wordType(token('2024', 'number')).flags & YEAR);
  assert.ok(!(wordType(token('2424', 'number')).flags & YEAR));
  assert.ok(wordType(token('twenty-five')).flags & NUMBER_WORDS);
  assert.ok(wordType(token('thousands')).flags & MULTIPLIER);
  // the same form as another kind of token is its own type
  assert.equal(wordType(token('1', 'number')).tag, 'num');
  assert.equal(wordType(token('1', 'punct')).tag, 'punct');
});

test('word tags: a form’s tag still depends on its place in the sentence', () => {
  const tokens = tokenize('Officials said officials in Kyiv said it.');
  const tags = tagWords(tokens, typesOf(tokens)).map((w) => `${w.lower}/${w.tag}`);
  assert.deepEqual(tags.slice(0, 3), ['officials/name', 'said/verb', 'officials/word']);
});

test('sentence spans: the first span in order that holds a word whole covers it; spans come out by start', () => {
  const text = 'Vladimir Putin met Xi Jinping';
  const tokens = tokenize(text);
  const words = tagWords(tokens, typesOf(tokens));
  const spans: Span[] = [
    { start: 0, end: 14 }, // Vladimir Putin
    { start: 9, end: 14 }, // Putin (inside the first)
    { start: 19, end: 21 }, // Xi
    { start: 20, end: 29 }, // "i Jinping": holds "Jinping" whole, not "Xi"
  ];
  assert.deepEqual(coveringSpans(words, spans), [0, 0, -1, 2, 3]);
  assert.equal(coveringSpans(words, []), null);
  const next = spanCursor([{ start: 19, end: 21 }, { start: 0, end: 5 }, { start: 0, end: 14 }, { start: 40, end: 45 }]);
  assert.deepEqual(next({ start: 0, end: 15 }), [1, 2]);
  assert.deepEqual(next({ start: 15, end: 30 }), [0]);
  assert.deepEqual(next({ start: 30, end: 50 }), [3]);
});
