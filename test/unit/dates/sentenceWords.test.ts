import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { HYPOTHETICAL, OPENS, PAST_AUXILIARY, numberShapeAt, sentenceWords } from '../../../server/src/engine/dates/sentenceWords';
import { buildTextModel } from '../../../server/src/engine/text/textModel';

const SEEDS = path.resolve(__dirname, '../../../../seeds');

test('sentence words are the tokens in lower case, whatever their letters', () => {
  const texts = [
    ...readdirSync(SEEDS).filter((n) => n.endsWith('.txt')).map((n) => readFileSync(path.join(SEEDS, n), 'utf8')),
    'Mid-June, TWENTY-FIVE years ago, the Q3 report; ÉTÉ 2024, Ukraine’s war, “the 1980s”, ’90s.\nAN iPhone in McDonald’s ﬁeld — Ⓐ ⅰ Ⅻ. cease-\nfire, D-Day.',
  ];
  for (const text of texts) {
    for (const sentence of buildTextModel(text).sentences) {
      assert.deepEqual(sentenceWords(sentence.tokens).low, sentence.tokens.map((t) => t.norm.toLowerCase()), sentence.text);
    }
  }
});

test('word classes: openers by list and by shape, numbers by shape, the union of a sentence', () => {
  const [sentence] = buildTextModel('If it was MID-JUNE, Q3 or twenty-five days, 150,000 and 21st, for the 1980s.').sentences;
  const words = sentenceWords(sentence.tokens);
  const opens = sentence.tokens.filter((_, i) => words.classes[i] & OPENS).map((t) => t.text);
  assert.deepEqual(opens, ['MID-JUNE', 'Q3', 'twenty-five', '150,000', '21st', 'for', 'the', '1980s']);
  const shapes = sentence.tokens.map((t, i) => (t.kind === 'number' ? numberShapeAt(words, i) : null)).filter(Boolean);
  assert.deepEqual(shapes, ['grouped', 'ordinal', 'plural']);
  assert.ok(words.all & HYPOTHETICAL && words.all & PAST_AUXILIARY);
});
