import type { ActorMention, LocalEntity, Sentence } from '../types';
import type { TextModel } from '../text/textModel';
import type { ActorLexicon } from './lexicon';
import { assembleEntities } from './assemble';
import { addDescriptive, findDescriptive, type DescriptiveReference } from './descriptive';
import { scanSentence, type NameCandidate, type ScanMode } from './scan';
import { sentenceUnits, type Unit } from './units';
import { CONNECTOR, isWord } from './lexiconWords';

export interface ActorFindings {
  entities: LocalEntity[];
  mentions: ActorMention[];
}

/**
 * Mentions of actors in one document, grouped into document-local entities. Pure and linear in the
 * text: one pass over each sentence's words (pass 1, scan.ts), then one over the candidates with the
 * whole document's evidence (pass 2, assemble.ts), then descriptive references (descriptive.ts).
 * Page furniture ('boilerplate' sentences) is skipped.
 */
export function findActors(model: TextModel, lexicon: ActorLexicon): ActorFindings {
  const runningText: Unit[][] = [];
  const candidates: NameCandidate[] = [];
  const titleMode = new Set<number>();
  const refs: DescriptiveReference[] = [];
  const isCommonWord = (key: string) => lexicon.commonWords.has(key);
  for (const sentence of model.sentences) {
    if (sentence.block === 'boilerplate') continue;
    const units = sentenceUnits(sentence.tokens, isCommonWord);
    const mode = scanMode(lexicon, sentence, units);
    if (mode === 'title') titleMode.add(sentence.index);
    else runningText.push(units);
    for (const c of scanSentence(lexicon, units, sentence.index, mode, model.text)) candidates.push(c);
    if (mode === 'text') for (const r of findDescriptive(lexicon, units, sentence.index)) refs.push(r);
  }
  const table = assembleEntities(lexicon, model.text, candidates, runningText, titleMode);
  addDescriptive(lexicon, table, model.text, refs);
  return finish(table.mentions, refs);
}

function scanMode(lex: ActorLexicon, sentence: Sentence, units: readonly Unit[]): ScanMode {
  if (sentence.block === 'byline') return 'byline';
  if (sentence.block !== 'title' && sentence.block !== 'heading') return 'text';
  let content = 0;
  let capitalised = 0;
  for (const u of units) {
    if (isWord(lex, u, CONNECTOR) || u.key.length <= 2) continue;
    content++;
    if (u.upper) capitalised++;
  }
  return content > 0 && capitalised / content >= 0.75 ? 'title' : 'text';
}

/** Mentions in text order (a demonym inside a descriptive reference dropped), entities numbered by first mention. */
function finish(drafts: ReturnType<typeof assembleEntities>['mentions'], refs: DescriptiveReference[]): ActorFindings {
  const sorted = drafts.sort((a, b) => a.start - b.start || b.end - a.end);
  let r = 0;
  const kept = sorted.filter((m) => {
    while (r < refs.length && refs[r].end <= m.start) r++;
    return m.kind === 'descriptive' || !(r < refs.length && m.start >= refs[r].start && m.end <= refs[r].end);
  });
  const entities: LocalEntity[] = [];
  const mentions: ActorMention[] = [];
  let lastEnd = -1;
  for (const m of kept) {
    if (m.start < lastEnd) continue; // never two mentions over the same text
    lastEnd = m.end;
    if (m.entity.order < 0) {
      m.entity.order = entities.length;
      entities.push(m.entity.entity);
    }
    const i = m.entity.order;
    const mention: ActorMention = { start: m.start, end: m.end, text: m.text, kind: m.kind, entity: i, confidence: m.confidence, sentence: m.sentence };
    if (m.role) {
      mention.role = m.role;
      if (m.roleSpan) mention.roleSpan = m.roleSpan;
    }
    mentions.push(mention);
  }
  return { entities, mentions };
}
