import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { sentenceWords } from '../../../server/src/engine/dates/sentenceWords';
import { buildTextModel } from '../../../server/src/engine/text/textModel';

const SEEDS = path.resolve(__dirname, '../../../../seeds');

test('words read in the document text are the words read in the tokens: lower case, classes, number shapes', () => {
  const texts = [
    ...readdirSync(SEEDS).filter((n) => n.endsWith('.txt')).map((n) => readFileSync(path.join(SEEDS, n), 'utf8')),
    'Mid-June, TWENTY-FIVE years ago, the Q3 report; ÉTÉ 2024, Ukraine’s war, “the 1980s”, ’90s, 21st, 150,000 and 3.5.\nAN iPhone in McDonald’s ﬁeld — Ⓐ ⅰ Ⅻ. cease-\nfire, D-Day.',
  ];
  for (const text of texts) {
    for (const sentence of buildTextModel(text).sentences) {
      const fromText = sentenceWords(sentence.tokens, text);
      assert.deepEqual(fromText, sentenceWords(sentence.tokens), sentence.text);
      assert.deepEqual(fromText.low, sentence.tokens.map((t) => t.norm.toLowerCase()), sentence.text);
    }
  }
});
