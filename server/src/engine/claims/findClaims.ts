import type { ActorFindings } from '../actors/findActors';
import type { DateFindings } from '../dates/findDates';
import type { ActorMention, Claim, ClaimFrame, DateExpression, LocalEntity, Sentence, Span } from '../types';
import type { TextModel } from '../text/textModel';
import { attributionFrame, findAttributions, subjectOf, type AttributionCue } from './attribution';
import { assessClause } from './checkability';
import { claimKeys, temporalScope } from './claimKeys';
import { claimsLexicon } from './claimsLexicon';
import { splitClauses, type Clause } from './clauses';
import { claimFrames } from './frames';
import { agentRoleOf, pronounResolver } from './pronouns';
import { findQuantities } from './quantities';
import { coveringSpans, spanCursor } from './sentenceSpans';
import { tagWords, type TaggedWord } from './wordTags';
import { CAPITALISED, STOPWORD, typesOf, type WordType } from './wordTypes';

/** Sentences longer than this are not prose (tables, run-on dumps): no claims are looked for in them. */
const MAX_SENTENCE_TOKENS = 200;
const LEADING_COORDINATORS = new Set(['and', 'but', 'yet', 'or']);
const TRAILING_PUNCTUATION = new Set([',', ';', ':', '-', '(', ')']);

/**
 * Checkable claims with their attribution, clause by clause, from the paragraph sentences of one
 * document. Pure and linear in the text: one pass over the sentences, with pointers into the
 * (sorted) actor mentions and date expressions.
 */
export function findClaims(model: TextModel, actors: ActorFindings, dates: DateFindings, docId: string): Claim[] {
  const types = model.sentences.map((s) => typesOf(s.tokens));
  // lower-case forms seen capitalised away from a sentence start: read from the whole document when first asked
  let names: Set<string> | null = null;
  const isNameInText = (lower: string) => (names ??= namesInText(model.sentences, types)).has(lower);
  const mentionCursor = spanCursor(actors.mentions);
  const dateCursor = spanCursor(dates.dates);
  const claims: Claim[] = [];
  let previous: Claim[] = [];
  let block = 0;
  for (let k = 0; k < model.sentences.length; k++) {
    const sentence = model.sentences[k];
    // a pronoun only refers back inside one paragraph
    let newParagraph = false;
    while (block < model.blocks.length && model.blocks[block].end <= sentence.start) {
      block++;
      newParagraph = true;
    }
    if (sentence.block !== 'paragraph' || sentence.tokens.length > MAX_SENTENCE_TOKENS || sentence.tokens.length < 3) {
      previous = [];
      continue;
    }
    // the cursors move forward only: sentences skipped above need no look-up
    const mentions = mentionCursor(sentence).map((m) => actors.mentions[m]);
    const sentenceDates = dateCursor(sentence);
    const found = claimsOfSentence(sentence, types[k], { mentions, entities: actors.entities }, { all: dates.dates, inSentence: sentenceDates }, isNameInText, previous, newParagraph);
    for (const claim of found) {
      claim.id = `c-${docId}-${claims.length + 1}`;
      claims.push(claim);
    }
    previous = found;
  }
  return claims;
}

function claimsOfSentence(
  sentence: Sentence,
  types: WordType[],
  actors: { mentions: ActorMention[]; entities: LocalEntity[] },
  dates: { all: DateExpression[]; inSentence: number[] },
  isNameInText: (lower: string) => boolean,
  previous: Claim[],
  newParagraph: boolean,
): Claim[] {
  const mentions = actors.mentions;
  const words = tagWords(sentence.tokens, types);
  const clauses = splitClauses(words);
  const cues = findAttributions(words, clauses);
  const neighbour = cues.find((c) => c.neighbour);
  if (neighbour && onlyReports(words, neighbour)) {
    // "Bloomberg reported the information.": the attribution of the sentence before
    for (const claim of previous) if (claim.attribution === 'unsourced') applySource(claim, neighbour, words, mentions);
    return [];
  }
  const lastWord = words[words.length - 1];
  const question = lastWord.lower === '?' || (lastWord.lower === '"' && words[words.length - 2]?.lower === '?');
  const mentionOf = coveringSpans(words, mentions);
  const inDate = dates.inSentence.length > 0 ? coveringSpans(words, dates.inSentence.map((k) => dates.all[k])) : null;
  const isName = (j: number) => {
    const w = words[j];
    if (mentionOf !== null && mentionOf[j] >= 0) return true;
    return w.tag === 'name' && (j > 0 || isNameInText(w.lower)) && !(w.type.flags & STOPWORD);
  };
  const isDate = (j: number) => inDate !== null && inDate[j] >= 0;
  const entityAt = (j: number) => (mentionOf !== null && mentionOf[j] >= 0 ? mentions[mentionOf[j]].entity : undefined);
  const previousFrame = firstFrame(previous, (f) => f.args.length > 0 || f.argEntities.length > 0);
  const antecedent = pronounResolver(words, mentions, actors.entities, newParagraph ? null : agentRoleOf(firstFrame(previous, (f) => f.agentEntities.length > 0)));
  const sentenceCue = cues.find((c) => c.scope === 'sentence' && !c.neighbour);
  const out: Claim[] = [];
  let conditional = false;
  for (let k = 0; k < clauses.length; k++) {
    const clause = clauses[k];
    const cue = clauseCue(cues, k) ?? sentenceCue;
    const quantities = findQuantities(words, clause.from, clause.to);
    const assessment = assessClause(words, clause, { isName, isDate, quantities: quantities.length, attributed: !!cue, conditional, question });
    conditional ||= !!clause.opener && opensCondition(clause.opener);
    if (!assessment.claim) continue;
    if (cue && contentWordsOutside(words, clause, cue) < 2) continue; // the clause is only the attribution frame
    const source = cue?.source;
    // the attribution frame: its source and its cue word are not content
    const frame = attributionFrame(cue);
    const keys = claimKeys(words, clause, frame);
    const span = trimSpan(words, clause);
    const clauseSubject = assessment.subject;
    // in "X said that …" the subject is the source; who the reported clause is about is left unknown
    const subject = clauseSubject && source && clauseSubject.from < source.to && source.from < clauseSubject.to ? null : clauseSubject;
    const { entities, subjectEntities } = entitiesOf(words, mentions, span, source, subject);
    const scope = temporalScope(words, clause);
    const frames = claimFrames(words, {
      from: clause.from,
      to: clause.to,
      frame,
      entityAt,
      subject: subject ?? (clause.sharedSubject ? subjectOf(words, clauses[0]) ?? leadingNounPhrase(words, clauses[0]) : null),
      previous: previousFrame,
      antecedent,
    });
    const claim: Claim = {
      id: '',
      start: span.start,
      end: span.end,
      // the sentence's text has its line breaks made spaces already, unit for unit
      text: sentence.text.slice(span.start - sentence.start, span.end - sentence.start),
      sentence: sentence.index,
      attribution: 'unsourced',
      entities,
      quantities,
      dates: datesInside(dates, span),
      negated: keys.negated,
      terms: keys.terms,
      predicates: keys.predicates,
      names: keys.names,
      nouns: keys.nouns,
      frames,
      hedged: assessment.hedged,
      subject: subject ? subjectTerms(words, subject) : [],
      subjectEntities,
      years: scope.years,
      score: assessment.score,
    };
    if (scope.ordinal) claim.elapsed = scope.ordinal;
    const when = calendarRanges(dates.all, claim.dates);
    if (when.length > 0) claim.when = when;
    if (cue) applySource(claim, cue, words, mentions);
    out.push(claim);
  }
  return out;
}

/** The first frame of the claims that satisfies the test. */
function firstFrame(claims: Claim[], test: (f: ClaimFrame) => boolean): ClaimFrame | undefined {
  for (const c of claims) if (c.frames) for (const f of c.frames) if (test(f)) return f;
  return undefined;
}

/** The cue attributing clause k alone. */
function clauseCue(cues: AttributionCue[], k: number): AttributionCue | undefined {
  for (const c of cues) if (c.clause === k && c.scope === 'clause' && !c.neighbour) return c;
  return undefined;
}

function opensCondition(opener: string): boolean {
  return claimsLexicon().conditionalOpeners.has(opener);
}

/** The actors mentioned in the claim's span (not in its source), and those of them in its subject. */
function entitiesOf(words: TaggedWord[], mentions: ActorMention[], span: Span, source: { from: number; to: number } | undefined, subject: { from: number; to: number } | null): { entities: number[]; subjectEntities: number[] } {
  const entities = new Set<number>();
  const subjectEntities = new Set<number>();
  for (const m of mentions) {
    if (m.end <= span.start || m.start >= span.end) continue;
    if (source && m.start >= words[source.from].token.start && m.end <= words[source.to - 1].token.end) continue;
    entities.add(m.entity);
    if (subject && m.start >= words[subject.from].token.start && m.end <= words[subject.to - 1].token.end) subjectEntities.add(m.entity);
  }
  return { entities: [...entities], subjectEntities: [...subjectEntities] };
}

/** The calendar ranges of those date expressions that resolve to one (not durations, sets or times of day), in order, each once. */
function calendarRanges(all: readonly DateExpression[], inside: readonly number[]): string[] {
  const out: string[] = [];
  for (const k of inside) {
    const { kind, from, to } = all[k];
    if (kind !== 'date' || !from || !to) continue;
    const range = `${from}/${to}`;
    if (!out.includes(range)) out.push(range);
  }
  return out;
}

function datesInside(dates: { all: DateExpression[]; inSentence: number[] }, span: Span): number[] {
  const out: number[] = [];
  for (const k of dates.inSentence) if (dates.all[k].start >= span.start && dates.all[k].end <= span.end) out.push(k);
  return out;
}

function applySource(claim: Claim, cue: AttributionCue, words: TaggedWord[], mentions: ActorMention[]): void {
  claim.attribution = cue.attribution;
  claim.cue = cue.cue;
  if (!cue.source) return;
  const span: Span = { start: words[cue.source.from].token.start, end: words[cue.source.to - 1].token.end };
  claim.sourceSpan = span;
  let sourceText = '';
  for (let k = cue.source.from; k < cue.source.to; k++) {
    const token = words[k].token;
    if (k > cue.source.from && words[k - 1].token.end < token.start) sourceText += ' ';
    sourceText += token.text;
  }
  claim.sourceText = sourceText;
  const mention = mentions.find((m) => m.start < span.end && m.end > span.start);
  if (mention) claim.sourceEntity = mention.entity;
}

function subjectTerms(words: TaggedWord[], subject: { from: number; to: number }): string[] {
  const out: string[] = [];
  for (let j = subject.from; j < subject.to; j++) {
    const w = words[j];
    if (w.tag === 'name' || (w.tag === 'word' && !(w.type.flags & STOPWORD)) || w.tag === 'pron') out.push(w.tag === 'name' ? w.type.nameTerm : w.type.lemmaTerm);
  }
  return out;
}

/** "Putin, despite being courted, …": the noun phrase opening a clause, up to its first comma or verb. */
function leadingNounPhrase(words: TaggedWord[], clause: Clause): { from: number; to: number } | null {
  let from = clause.from;
  while (from < clause.to && LEADING_COORDINATORS.has(words[from].lower)) from++;
  let to = from;
  while (to < clause.to && (words[to].tag === 'name' || words[to].tag === 'det' || (words[to].tag === 'word' && !words[to].lower.endsWith('ly')))) to++;
  return to > from && words[to]?.lower === ',' ? { from, to } : null;
}

/** Content words in the clause outside the cue and its source. */
function contentWordsOutside(words: TaggedWord[], clause: Clause, cue: AttributionCue): number {
  let n = 0;
  const cueWords = cue.cue.includes(' ') ? cue.cue.split(' ') : null;
  for (let j = clause.from; j < clause.to; j++) {
    if (cue.source && j >= cue.source.from && j < cue.source.to) continue;
    const w = words[j];
    if ((w.token.kind !== 'word' && w.token.kind !== 'number') || w.type.flags & STOPWORD) continue;
    if (cueWords ? !cueWords.includes(w.lower) : w.lower !== cue.cue) n++;
  }
  return n;
}

/** A reporting sentence with nothing else in it: source + verb + an anaphoric object. */
function onlyReports(words: TaggedWord[], cue: AttributionCue): boolean {
  let n = 0;
  for (const w of words) if (w.token.kind === 'word') n++;
  return n <= 8 && !!cue.source;
}

function trimSpan(words: TaggedWord[], clause: Clause): Span {
  let from = clause.from;
  let to = clause.to;
  while (from < to - 1 && ((words[from].tag === 'punct' && words[from].lower !== '"') || LEADING_COORDINATORS.has(words[from].lower))) from++;
  while (to > from + 1 && TRAILING_PUNCTUATION.has(words[to - 1].lower)) to--;
  return { start: words[from].token.start, end: words[to - 1].token.end };
}

/** Lower-case words seen capitalised away from a sentence start: the document's names. */
function namesInText(sentences: Sentence[], types: WordType[][]): Set<string> {
  const out = new Set<string>();
  for (let k = 0; k < sentences.length; k++) {
    const sentenceTypes = types[k];
    for (let i = 1; i < sentenceTypes.length; i++) {
      const type = sentenceTypes[i];
      if (!(type.flags & CAPITALISED) || type.kind !== 'word') continue;
      const prev = sentenceTypes[i - 1].lower;
      if (prev !== '"' && prev !== ':' && prev !== "'") out.add(type.lower);
    }
  }
  return out;
}
