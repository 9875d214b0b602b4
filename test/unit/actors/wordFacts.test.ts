// The name finder reads the facts of a word (key, capitals, initials, spelling skeleton) with fast
// paths that avoid regular expressions and allocation; these tests hold each fast path to the plain
// definition it replaces, on many generated words, and check that the lexicon still works after a
// structured clone (how it reaches a worker thread).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findActors } from '../../../server/src/engine/actors/findActors';
import { builtinLexicon } from '../../../server/src/engine/actors/lexicon';
import { isInitial, singleSpaced, spellingSkeleton, wordKey } from '../../../server/src/engine/actors/names';
import { sentenceUnits } from '../../../server/src/engine/actors/units';
import { buildTextModel } from '../../../server/src/engine/text/textModel';
import { tokenize } from '../../../server/src/engine/text/tokenize';

const plainWordKey = (text: string) =>
  (/[^\x00-\x7F]/.test(text) ? text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[\u2018\u2019\u02BC]/g, "'") : text).toLowerCase().replace(/\./g, '');
const plainIsInitial = (text: string) => /^(?:\p{Lu}\.?){1,3}$/u.test(text) && text.length <= 6;
const plainSkeleton = (key: string) =>
  key
    .replace(/[^a-z0-9]/g, '')
    .replace(/(iy|yy|ii|ij|yi)$/, 'y')
    .replace(/([a-z])\1+/g, '$1')
    .replace(/ck/g, 'k')
    .replace(/ph/g, 'f');
const plainIsUpper = (text: string) => {
  const c = text.codePointAt(0);
  if (c === undefined) return false;
  const ch = String.fromCodePoint(c);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
};
const plainAllCaps = (text: string) => {
  let letters = 0;
  for (const ch of text) {
    if (ch === '.' || ch === '&' || (ch >= '0' && ch <= '9')) continue;
    if (ch.toLowerCase() === ch) return false;
    letters++;
  }
  return letters >= 2;
};

function* words(count: number): Generator<string> {
  const letters = ['A', 'B', 'K', 'Z', 'a', 'c', 'k', 'p', 'h', 'y', 'i', 'j', 'z', 'É', 'é', 'ß', 'İ', 'ǅ', 'Ω', 'ć'];
  const inner = [...letters, '1', '&', '.'];
  let seed = 11;
  const pick = <T>(list: T[]) => list[(seed = (seed * 1103515245 + 12345) % 2147483648) % list.length];
  for (let n = 0; n < count; n++) {
    let w = pick(letters);
    for (let i = pick([0, 1, 2, 3, 5, 8]); i > 0; i--) w += pick(inner);
    yield w;
  }
}

test('word keys, initials and spelling skeletons agree with their plain definitions', () => {
  for (const w of words(40000)) {
    assert.equal(wordKey(w), plainWordKey(w), w);
    assert.equal(isInitial(w), plainIsInitial(w), w);
    const key = plainWordKey(w);
    assert.equal(spellingSkeleton(key), plainSkeleton(key), key);
  }
  for (const w of ['W', 'W.', 'H.W.', 'ABC', 'ABCD', 'A.B.C.', 'A..', '.A', 'Navalnyy', 'Navalniy', 'Jackson', 'Philipp', 'kiyy']) {
    assert.equal(isInitial(w), plainIsInitial(w), w);
    assert.equal(spellingSkeleton(w.toLowerCase()), plainSkeleton(w.toLowerCase()), w);
  }
});

test('single spacing agrees with replacing white space runs', () => {
  for (const s of ['Vladimir Putin', 'Vladimir\nPutin', 'Vladimir  Putin', 'Vladimir\u00A0Putin', 'A \u2009B', 'Élysée Palace', ' x ', '\tx', 'a\u3000b', 'a\uFEFFb']) {
    assert.equal(singleSpaced(s), s.replace(/\s+/g, ' '), JSON.stringify(s));
  }
});

test('units carry the key, capitals and initials of their text', () => {
  const text = [...words(20000)].join(' ');
  const units = sentenceUnits(tokenize(text));
  assert.ok(units.length > 15000);
  for (const u of units) {
    assert.equal(u.key, plainWordKey(u.text), u.text);
    assert.equal(u.upper, plainIsUpper(u.text), u.text);
    assert.equal(u.allCaps, u.upper && plainAllCaps(u.text), u.text);
    assert.equal(u.nameInitial, plainIsInitial(u.text), u.text);
  }
});

test('a lexicon sent to a worker (structured clone) finds the same actors', () => {
  const text = 'Russian President Vladimir Putin met U.S. Secretary of State John Kerry in Moscow. The Kremlin said Putin and Kerry agreed. The Russian president left.';
  const model = buildTextModel(text);
  const original = findActors(model, builtinLexicon());
  const cloned = findActors(model, structuredClone(builtinLexicon()));
  assert.deepEqual(cloned, original);
  assert.ok(original.mentions.some((m) => m.text === 'Vladimir Putin' && m.role === 'Russian President'));
});
