import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findActors } from '../../../server/src/engine/actors/findActors';
import { builtinLexicon } from '../../../server/src/engine/actors/lexicon';
import { buildTextModel } from '../../../server/src/engine/text/textModel';

const lexicon = builtinLexicon();
const run = (text: string) => findActors(buildTextModel(text), lexicon);

test('any text gives a result: noise, punctuation, mixed scripts, emoji, capitals only', () => {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const noise = Array.from({ length: 20000 }, () => String.fromCharCode(Math.floor(random() * 0xffff))).join('');
  const inputs = [
    '',
    '...!?,;:--(((',
    noise,
    'Путин встретился с Трампом. 普京会见了特朗普。 Putin met Trump in Москва.',
    '😀😀😀 Putin 😀 U.S. 😀',
    'THE UNITED STATES AND RUSSIA AGREED. NATO SAID SO. VLADIMIR PUTIN SPOKE.',
    'A B C D E F G H I J K L M N O P Q R S T U V W X Y Z. '.repeat(200),
    'of of of of The The The the Of the'.repeat(100),
    '\u0000\u0001\uFFFE\uD800 Putin \uDC00',
  ];
  for (const text of inputs) {
    const result = run(text);
    assert.ok(Array.isArray(result.mentions));
    for (const m of result.mentions) {
      assert.ok(m.start >= 0 && m.end <= text.length && m.start < m.end);
      assert.ok(m.entity >= 0 && m.entity < result.entities.length);
    }
  }
});

function timeOf(text: string): number {
  const model = buildTextModel(text);
  const started = process.hrtime.bigint();
  findActors(model, lexicon);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

test('a 10 MB single line finishes, in time linear in its length', () => {
  const unit = 'Russian President Vladimir Putin met U.S. President Donald Trump in Moscow, and the Kremlin said the Russian president agreed with NATO. ';
  // numbered, so the line is no repeated label (which the layout would take for page furniture)
  const line = (size: number) => Array.from({ length: Math.ceil(size / (unit.length + 12)) }, (_, i) => `${unit}Item ${i}. `).join('');
  const small = line(1_000_000);
  const big = line(10_000_000);
  const t1 = timeOf(small);
  const t10 = timeOf(big);
  assert.ok(t10 < 60_000, `10 MB took ${t10} ms`);
  assert.ok(t10 < t1 * 25, `10x the text took ${(t10 / t1).toFixed(1)}x the time (${t1.toFixed(0)} ms -> ${t10.toFixed(0)} ms)`);
});

test('a 10 MB line of capitalised words without punctuation stays linear', () => {
  const words = 'Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu ';
  const t1 = timeOf(words.repeat(Math.ceil(1_000_000 / words.length)) + 'End.');
  const t10 = timeOf(words.repeat(Math.ceil(10_000_000 / words.length)) + 'End.');
  assert.ok(t10 < t1 * 25, `10x the text took ${(t10 / t1).toFixed(1)}x the time`);
});
