import type { Block, Sentence, Token } from '../types';
import abbreviations from '../lexicon/abbreviations.json';
import { foldedUnitAt, isUpperInitial } from './chars';
import { tokenize } from './tokenize';

const NO_STOP = new Set([...abbreviations.titles, ...abbreviations.other]);
const STARTERS = new Set(abbreviations.sentenceStarters);
const CLOSERS = new Set(['"', "'", ')', ']']);

/** Split every block into sentences with tokens. Titles, headings, captions and bylines are one sentence each. */
export function splitSentences(text: string, blocks: Block[]): Sentence[] {
  const sentences: Sentence[] = [];
  let section = -1;
  let headingCount = 0;
  for (const block of blocks) {
    if (block.kind === 'heading') section = headingCount++;
    const tokens = tokenize(text, block.start, block.end);
    if (tokens.length === 0) continue;
    const groups = block.kind === 'paragraph' || block.kind === 'boilerplate' ? splitTokens(text, tokens) : [tokens];
    for (const group of groups) {
      const start = group[0].start;
      const end = group[group.length - 1].end;
      sentences.push({
        index: sentences.length,
        start,
        end,
        text: sentenceText(text, group),
        tokens: group,
        block: block.kind,
        section: block.kind === 'heading' ? -1 : section,
      });
    }
  }
  return sentences;
}

/** The sentence's source with line breaks made spaces: a break can only lie before a token marked `afterNewline`. */
function sentenceText(text: string, tokens: Token[]): string {
  const source = text.slice(tokens[0].start, tokens[tokens.length - 1].end);
  for (let i = 1; i < tokens.length; i++) if (tokens[i].afterNewline) return source.replace(/[\r\n]/g, ' ');
  return source;
}

function splitTokens(text: string, tokens: Token[]): Token[][] {
  const groups: Token[][] = [];
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (!endsWithStop(text, tokens[i])) continue;
    const end = endsSentenceAt(tokens, i);
    if (end < 0) continue;
    groups.push(tokens.slice(from, end + 1));
    from = end + 1;
    i = end;
  }
  if (from < tokens.length) groups.push(from === 0 ? tokens : tokens.slice(from));
  return groups;
}

/** Whether the token's norm ends with ". ! ?", read in the text (the norm is the text folded, unit for unit). */
function endsWithStop(text: string, token: Token): boolean {
  const last = foldedUnitAt(text, token.end - 1);
  return last === 46 || last === 33 || last === 63;
}

/** If a sentence ends with token i, the index of its last token (closing quotes included); else -1. */
function endsSentenceAt(tokens: Token[], i: number): number {
  const t = tokens[i];
  const stop = t.norm === '.' || t.norm === '!' || t.norm === '?';
  const abbrStop = t.kind === 'word' && t.norm.endsWith('.') && t.norm.length > 2;
  if (!stop && !abbrStop) return -1;
  let last = i;
  while (last + 1 < tokens.length && (tokens[last + 1].norm === '.' || CLOSERS.has(tokens[last + 1].norm)) && tokens[last + 1].start === tokens[last].end) last++;
  const next = tokens[last + 1];
  if (!next) return last;
  if (!(isUpperInitial(next.text) || next.kind === 'number' || next.norm === '"' || next.norm === "'" || next.norm === '(')) return -1;
  if (t.norm === '.') {
    const prev = tokens[i - 1];
    if (prev && prev.end === t.start && prev.kind === 'word') {
      const word = prev.norm.toLowerCase();
      if (NO_STOP.has(word)) return -1;
      if (/^\p{Lu}$/u.test(prev.text)) return -1; // an initial: "George W. Bush"
    }
  }
  // "the U.S. President" vs "... with the U.S. The next ...": after an abbreviation, only a typical opener starts a new sentence
  if (abbrStop && !STARTERS.has(next.norm.toLowerCase())) return -1;
  return last;
}
