import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import words from '../../../server/src/engine/lexicon/dates.json';
import knowledge from '../../../server/src/engine/lexicon/events.json';
import { findEventReferences } from '../../../server/src/engine/dates/events';
import { scanSentence, scanSentenceTryingEveryRule } from '../../../server/src/engine/dates/grammar';
import { Scan, type Match } from '../../../server/src/engine/dates/scan';
import { sentenceWords } from '../../../server/src/engine/dates/sentenceWords';
import { buildTextModel } from '../../../server/src/engine/text/textModel';

/** Both scans over every sentence of a text, with the document's event references, as comparable strings. */
function scansOf(text: string): { indexed: string[]; everyRule: string[] } {
  const sentences = buildTextModel(text).sentences;
  const words = sentences.map((s) => sentenceWords(s.tokens));
  const events = findEventReferences(sentences.map((s) => s.tokens), words);
  const show = (ms: Match[]) => JSON.stringify(ms.map((m) => [m.start, m.end, m.kind, m.base, m.mod, m.resolve(null)?.value, m.resolve(19000)?.value]));
  const indexed: string[] = [];
  const everyRule: string[] = [];
  sentences.forEach((s, si) => {
    const scan = () => new Scan(s.tokens, words[si], events, si);
    indexed.push(`${s.text} ${show(scanSentence(scan()))}`);
    everyRule.push(`${s.text} ${show(scanSentenceTryingEveryRule(scan()))}`);
  });
  return { indexed, everyRule };
}

const lexiconPhrases = (): string[] => {
  const lists = Object.entries(words).filter(([k]) => !k.startsWith('_')).map(([, v]) => (Array.isArray(v) ? v : Object.keys(v)));
  const events = knowledge.events.flatMap((e) => [...e.names, ...e.generic]);
  return [...new Set([...lists.flat(), ...events, 'q1', 'q3', 'mid-june', 'mid-2024', 'twenty-five', 'five-year', "'",
  // numbers of every shape
  '5', '11', '150', '2024', '20245', '283,353', '1,2025', '3.5', '20th', '21st', '100th', '1980s', '90s', '15:30', '9/11', '2017-07-21'])];
};

test('trying only the indexed rules finds exactly what trying every rule finds, on every lexicon word in many contexts', () => {
  const leads = ['', 'the ', 'its ', 'their ', 'in ', 'early ', 'every ', 'for ', 'last ', 'a ', 'since '];
  const tails = ['', ' 2024', ' years ago', ' of the war', ' century', ' quarter of 2023', ' day', ' 15, 2021', ' weeks later', " '90s", ' month of the invasion', ' July 2021', ' of March', ' pm', '-06-15', ' and a half years', '-year deal', ' people'];
  const phrases = lexiconPhrases();
  const capitalised = phrases.map((p) => p.charAt(0).toUpperCase() + p.slice(1));
  const sentences: string[] = [];
  // every lead and every tail with each word, not every combination (that would take seconds)
  [...phrases, ...capitalised].forEach((p, k) => {
    leads.forEach((lead, l) => sentences.push(`He said ${lead}${p}${tails[(k + l) % tails.length]} it was so.`));
    tails.forEach((tail, t) => sentences.push(`He said ${leads[(k + t) % leads.length]}${p}${tail} it was so.`));
  });
  // one sentence per paragraph keeps sentence splitting out of the way
  const text = `The war in Ukraine and Russia's full-scale invasion began.\n\n${sentences.join('\n\n')}`;
  const { indexed, everyRule } = scansOf(text);
  assert.equal(indexed.length, everyRule.length);
  for (let k = 0; k < indexed.length; k++) assert.equal(indexed[k], everyRule[k]);
});

test('trying only the indexed rules finds exactly what trying every rule finds, on the seed articles', () => {
  const dir = path.join(__dirname, '../../../../seeds');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
    const { indexed, everyRule } = scansOf(readFileSync(path.join(dir, name), 'utf8'));
    assert.deepEqual(indexed, everyRule, name);
  }
});
