import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeDocument } from '../../../server/src/engine/analyzeDocument';
import { builtinLexicon } from '../../../server/src/engine/actors/lexicon';
import { encodeLines } from '../../../server/src/engine/corpus/analysisStore';
import { internTable, packFieldsOf, packValue, PackingTable, remapValue } from '../../../server/src/engine/corpus/packedValues';
import { statementHash } from '../../../server/src/engine/corpus/residentDocument';

const SEEDS = path.resolve(__dirname, '../../../../seeds');
const FIELDS = ['id', 'start', 'end', 'attribution', 'sourceEntity', 'entities', 'names', 'terms', 'quantities', 'frames', 'nouns', 'hedged', 'years', 'elapsed', 'predicates'];

/** An object of the fields an item defines, in the order of `fields` (what packFieldsOf stands for). */
function picked(item: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (item[f] !== undefined) out[f] = item[f];
  return out;
}

test('packing the fields of each claim gives the same bytes and table as packing objects of those fields (every seed)', () => {
  const lexicon = builtinLexicon();
  for (const file of readdirSync(SEEDS)) {
    const analysis = analyzeDocument(`/corpus/${file}`, readFileSync(path.join(SEEDS, file), 'utf8'), { lexicon });
    for (const fields of [FIELDS, FIELDS.slice(1)]) {
      const [direct, viaObjects] = [new PackingTable(), new PackingTable()];
      const claims = analysis.claims as unknown as Record<string, unknown>[];
      const a = packFieldsOf(claims, fields, direct);
      const b = packValue(claims.map((c) => picked(c, fields)), viaObjects);
      assert.deepEqual(a, b, file);
      assert.deepEqual([direct.strings, direct.shapes], [viaObjects.strings, viaObjects.shapes], file);
    }
  }
});

test('a value packed with its own table and mapped to this thread\'s table has the bytes it would have packed here (seeds, numbers of every size)', () => {
  const lexicon = builtinLexicon();
  const values: unknown[] = [[0, -1, 63, 64, -65, 2 ** 27 - 1, 2 ** 27, -(2 ** 27), 1.5, -0.25, 1e300, { many: Array.from({ length: 300 }, (_, i) => `s${i}`) }, 'é', true, false, null, []]];
  for (const file of readdirSync(SEEDS)) values.push(analyzeDocument(`/corpus/${file}`, readFileSync(path.join(SEEDS, file), 'utf8'), { lexicon }));
  for (const value of values) {
    const table = new PackingTable();
    const own = packValue(value, table);
    assert.deepEqual(remapValue(own, internTable(table)), { bytes: packValue(value).bytes, doubles: own.doubles });
  }
});

/** The statement hash as it was first written: lower case, white space runs folded, trimmed, then hashed. */
function statementHashByFolding(text: string): [number, number] {
  const folded = text.toLowerCase().replace(/\s+/g, ' ').trim();
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return [h1 | 0, h2 | 0];
}

test('the one-pass statement hash equals the fold-then-hash formula on random texts (Unicode spaces, NBSP, U+2028, mixed case, İ)', () => {
  const units = ['a', 'Z', 'İ', 'ı', 'Σ', 'ß', 'ẞ', 'É', '7', '.', '\u0307', '\ud83d\ude00', '\ud800', ' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u0085', '\u180e', '\x1c', '!', '\x7f', '\x9f'];
  let seed = 12345;
  const random = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
  const texts = ['', ' ', '  \u00a0 ', 'Russia  rejected\nthe offer.', 'İSTANBUL', 'x'];
  for (let i = 0; i < 20000; i++) texts.push(Array.from({ length: random(24) }, () => units[random(units.length)]).join(''));
  for (const text of texts) assert.deepEqual(statementHash(text), statementHashByFolding(text), JSON.stringify(text));
  // every UTF-16 code unit on its own and between words, so no white space character is missed
  for (let c = 0; c < 0x10000; c++) {
    const text = `A${String.fromCharCode(c)}b ${String.fromCharCode(c)}`;
    assert.deepEqual(statementHash(text), statementHashByFolding(text), `U+${c.toString(16)}`);
  }
});

test('encoded lines are both lines, each with its newline, in UTF-8, and the analysis line length in bytes', () => {
  const big = 'é'.repeat(3 << 20);
  for (const [analysis, resident] of [['{"a":1}', '{}'], ['{"t":"ümlaut ’quote’ 😀"}', '{"s":["İ"]}'], ['', ''], ['\ud800x', 'y'], [big, 'r'], ['{"after":"big"}', '{}']]) {
    const { bytes, analysisLength } = encodeLines(analysis, resident);
    assert.deepEqual(Buffer.from(bytes), Buffer.from(`${analysis}\n${resident}\n`));
    assert.equal(analysisLength, Buffer.byteLength(analysis));
    assert.equal(bytes.byteOffset, 0);
    assert.equal(bytes.buffer.byteLength, bytes.byteLength, 'the bytes own their memory (to be transferred)');
  }
});
