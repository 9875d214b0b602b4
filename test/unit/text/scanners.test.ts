/**
 * The tokenizer and the line tests of the layout scan character codes by hand. Their specification
 * is the regular expressions they replaced, kept here as the oracle: on real articles, on text
 * re-wrapped at several widths and on random strings of awkward characters (astral letters, lone
 * surrogates, combining marks, Unicode spaces, typographic punctuation), both must agree exactly.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import furniture from '../../../server/src/engine/lexicon/furniture.json';
import { fold, isLowerInitial, isUpperInitial } from '../../../server/src/engine/text/chars';
import { splitLines } from '../../../server/src/engine/text/layoutLines';
import { tokenize } from '../../../server/src/engine/text/tokenize';
import type { Token, TokenKind } from '../../../server/src/engine/types';

// ------------------------------------------------------------------ the oracle

const TOKEN_RE = new RegExp(
  [
    String.raw`(?<abbr>(?:\p{L}\.){2,})`,
    String.raw`(?<num>\d+(?:[,.]\d+)*(?:s\b|st\b|nd\b|rd\b|th\b)?)`,
    String.raw`(?<word>[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:[-\u2010\u2011'\u2019][\p{L}\p{M}\p{N}]+)*)`,
    String.raw`(?<other>[^\s])`,
  ].join('|'),
  'gu',
);

function foldByMap(text: string): string {
  const map: Record<string, string> = {
    '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'",
    '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u00AB': '"', '\u00BB': '"',
    '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
    '\u00A0': ' ', '\u2009': ' ', '\u202F': ' ', '\u2026': '.',
  };
  let out = '';
  for (const ch of text) out += ch.length === 1 ? (map[ch] ?? ch) : ch;
  return out;
}

function tokenizeByRegex(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(start, end);
  const make = (t: string, at: number, kind: TokenKind, afterNewline: boolean): Token => ({ text: t, norm: foldByMap(t), start: at, end: at + t.length, kind, afterNewline });
  let lastEnd = 0;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(slice); m; m = TOKEN_RE.exec(slice)) {
    const gap = slice.slice(lastEnd, m.index);
    const lineStart = start === 0 || text[start - 1] === '\n' || text[start - 1] === '\r';
    const afterNewline = gap.includes('\n') || gap.includes('\r') || (lastEnd === 0 && m.index === 0 && lineStart);
    lastEnd = m.index + m[0].length;
    const g = m.groups!;
    const at = start + m.index;
    if (g.word && /['\u2019][sS]$/.test(g.word) && g.word.length > 2) {
      tokens.push(make(g.word.slice(0, -2), at, 'word', afterNewline));
      tokens.push(make(g.word.slice(-2), at + g.word.length - 2, 'word', false));
      continue;
    }
    const kind: TokenKind = g.abbr || g.word ? 'word' : g.num ? 'number' : /[\p{S}\p{Extended_Pictographic}]/u.test(m[0]) ? 'symbol' : 'punct';
    tokens.push(make(m[0], at, kind, afterNewline));
  }
  return tokens;
}

const SMALL = new Set('a an the and or but nor of in on at to for from by with as into onto upon over under than that its it is are was be vs via per up out off not no so yet if'.split(' '));
function titleCaseByRegex(line: string): boolean {
  const words = line.match(/[\p{L}][\p{L}'\-]*/gu) ?? [];
  let content = 0;
  let capital = 0;
  for (const w of words) {
    if (SMALL.has(w.toLowerCase())) continue;
    content++;
    if (isUpperInitial(w)) capital++;
  }
  return content >= 1 && capital / content >= 0.75 && isUpperInitial(words[0] ?? '');
}

function furnitureByRegex(lower: string, folded: string): boolean {
  if (furniture.exact.includes(lower.replace(/\s+/g, ' '))) return true;
  if (furniture.prefix.some((p) => lower.startsWith(p))) return true;
  if (/^[-\u2013\u2014\u2022|*]\s*[\p{L}&]+(?:\s+[\p{L}&]+)?\s*$/u.test(folded) && folded.split(/\s+/).length <= 3) return true;
  const half = folded.length / 2;
  return folded.length >= 8 && folded.length <= 120 && Number.isInteger(half - 0.5) && folded.slice(0, half - 0.5) === folded.slice(half + 0.5);
}

const JOINING_END = /(?:[,;\-\u2013\u2014(]|\b(?:a|an|the|and|or|but|of|in|on|at|to|for|from|by|with|as|that|which|who|whose|than|into|its|his|her|their|our|is|are|was|were|be|been|has|have|had|not|no|this|these|those|such|so|if|when|while|where|although|because|since|after|before|about|over|under|between|against|without|within|through|during)\s*)$/i;

/** What the line tests found, by regular expressions over each trimmed, folded line. */
function linesByRegex(text: string) {
  const out = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let gap = 0;
  for (let m = re.exec(text); m && m[0].length > 0; m = re.exec(text)) {
    const content = m[0].replace(/[\r\n]+$/, '');
    const trimmed = content.trim();
    if (!trimmed) {
      gap++;
      continue;
    }
    const start = m.index + content.length - content.trimStart().length;
    const folded = foldByMap(trimmed);
    const teaser = /(?:\.\.\.|\u2026)\s*$/.test(folded);
    out.push({
      start,
      end: start + trimmed.length,
      text: folded,
      gapBefore: gap,
      words: trimmed.split(/\s+/).length,
      terminal: /[.!?]["'\u201D\u2019)\]]*\s*$/.test(folded) && !teaser,
      teaser,
      titleCase: titleCaseByRegex(folded),
      furniture: furnitureByRegex(folded.toLowerCase(), folded),
      endsJoining: JOINING_END.test(folded),
      endsLikeCaption: /,\s*\p{Lu}[\p{L}\s.'-]*,\s*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)?\d{4}\s*$/iu.test(folded),
      captionLabel: /^(?:image|photo|picture|photograph|caption|credit|file photo)\s*[:|]/i.test(folded),
      initialUpper: isUpperInitial(folded),
      initialLower: isLowerInitial(folded),
      initialQuote: /^["']/.test(folded),
    });
    gap = 0;
  }
  return out;
}

// ------------------------------------------------------------------ the texts

const SEEDS = path.resolve(__dirname, '../../../../seeds');
const articles = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(path.join(SEEDS, f), 'utf8'));

/** The article's words hard-wrapped at `width` columns, with CRLF line ends when asked. */
function rewrap(text: string, width: number, eol: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = '';
    }
    line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join(eol);
}

const PIECES = [
  'a', 'B', 'z', 'S', 's', 't', 'h', 'n', 'd', 'r', '1', '9', '0', '.', ',', "'", '\u2019', '-', '\u2010', '\u2011', '\u2013', '_',
  ' ', '  ', '\n', '\r\n', '\r', '\t', '\u00A0', '\u2009', '\u3000', '\uFEFF', '\u2028', 'é', 'e\u0301', '\u0301', 'İ', 'Σ', 'ß', 'K',
  '日本', '\u0661', '😀', '\uD835\uDC00', '\uD800', '\uDC00', '©', '$', '+', '…', '...', '"', '\u201C', '\u201D', '(', ')', '!', '?',
  'U.S.', 'e.g.', '1st', '2nd', '1920s', '3,5.7', 'Putin’s', "it's", 'By ', 'The ', 'Of ', 'and ', '- News', 'Read more: ', 'Click here',
  'READ MORE: ', 'İmage courtesy', 'Related', 'Also\u00A0 read', 'logo logo', 'Photo: ', 'photograph |', 'CREDIT:', 'ı', 'ſ', '\u2014 Sport',
  ', Kyiv, June 2025', ', Paris, 1999', 'and\u2009', ' of', 'Then,', '(', 'whose', 'Whose', 'whosever', '_of', '\u2018', '\u00AB', '\u2032',
];

function randomTexts(count: number): string[] {
  let seed = 20250607;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  return Array.from({ length: count }, () => Array.from({ length: next(60) + 1 }, () => PIECES[next(PIECES.length)]).join(''));
}

const texts = [...articles, ...articles.flatMap((a) => [rewrap(a, 72, '\n'), rewrap(a, 90, '\r\n')]), ...randomTexts(4000)];

// ------------------------------------------------------------------ the tests

test('tokenize agrees with the token regex on articles, re-wrapped articles and awkward random text', () => {
  for (const text of texts) {
    assert.deepEqual(tokenize(text), tokenizeByRegex(text), JSON.stringify(text.slice(0, 80)));
    const [from, to] = [Math.floor(text.length / 3), Math.floor((2 * text.length) / 3)];
    assert.deepEqual(tokenize(text, from, to), tokenizeByRegex(text, from, to), 'a range of the text');
  }
});

test('a range that cuts a surrogate pair or a word ends the tokens there', () => {
  const text = 'x 😀y Putin’s 1920sx 2nd';
  for (let from = 0; from < text.length; from++) for (let to = from; to <= text.length; to++) assert.deepEqual(tokenize(text, from, to), tokenizeByRegex(text, from, to), `${from}-${to}`);
});

test('lines: bounds, gaps, word counts, final punctuation, teasers, title case, furniture, joining and caption ends, initials agree with the regular expressions', () => {
  for (const text of texts) {
    const got = splitLines(text).map((l) => ({ start: l.start, end: l.end, text: l.text, gapBefore: l.gapBefore, words: l.words, terminal: l.terminal, teaser: l.teaser, titleCase: l.titleCase, furniture: l.furniture,
      endsJoining: l.endsJoining, endsLikeCaption: l.endsLikeCaption, captionLabel: l.captionLabel, initialUpper: l.initialUpper, initialLower: l.initialLower, initialQuote: l.initialQuote }));
    assert.deepEqual(got, linesByRegex(text), JSON.stringify(text.slice(0, 80)));
  }
});

test('fold and the initial-case tests agree with their definitions on every BMP character', () => {
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    assert.equal(fold(`a${ch}b`), foldByMap(`a${ch}b`));
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    assert.equal(isUpperInitial(ch), ch !== lower && ch === upper, `upper U+${c.toString(16)}`);
    assert.equal(isLowerInitial(ch), ch !== upper && ch === lower, `lower U+${c.toString(16)}`);
  }
  assert.equal(isUpperInitial('\uD801\uDC00'), true, 'an astral capital (Deseret)');
  assert.equal(isUpperInitial(''), false);
});
