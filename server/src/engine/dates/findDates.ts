import type { DateExpression, DocumentDate, Sentence } from '../types';
import type { TextModel } from '../text/textModel';
import { isoDay, parseIsoDay, type DayRange } from './calendar';
import { inferDocumentDate, parseMetadataDate, type FoundMatch } from './documentDate';
import { findEventReferences } from './events';
import { dateFromFileName } from './fileNameDate';
import { scanSentence } from './grammar';
import { Scan } from './scan';
import { OPENS, sentenceWords } from './sentenceWords';
import { rangeValue, type Resolved } from './values';

export interface DateFindings {
  dates: DateExpression[];
  /** The document's own date from its text or metadata; null when nothing tells. */
  date: DocumentDate | null;
}

export interface DateContext {
  /** A date the user gave for this document (front matter `date:` or the workspace file), as written there. */
  metadataDate?: string;
  /** The document's file name: a date written in it dates the document when no metadata does. */
  fileName?: string;
}

/**
 * Temporal expressions with TIMEX3-style values, and the document's date (see docs/dates.md).
 * Page furniture (boilerplate blocks) is skipped. Pure and linear in the text length.
 */
export function findDates(model: TextModel, context: DateContext): DateFindings {
  const sentences = model.sentences.filter((s) => s.block !== 'boilerplate');
  const words = sentences.map((s) => sentenceWords(s.tokens));
  const events = findEventReferences(sentences.map((s) => s.tokens), words);
  const found: FoundMatch[] = [];
  sentences.forEach((sentence, si) => {
    if (!(words[si].all & OPENS)) return;
    const scan = new Scan(sentence.tokens, words[si], events, si);
    for (const match of scanSentence(scan)) found.push({ match, scan, sentence });
  });
  const metadata = context.metadataDate ? parseMetadataDate(context.metadataDate) : null;
  const date = metadata ?? dateFromFileName(context.fileName) ?? inferDocumentDate(found, sentences, words, events);
  return { dates: resolveAll(found, date), date };
}

interface PassResult {
  resolved: Resolved | null;
  /** Index of the expression used as anchor, for base 'previous'. */
  previous: number;
}

/**
 * Resolve every expression against an anchor day: the document date (relative ones), the previous
 * date expression ("two years later"), or an event. Done once per end of the document's date range;
 * when the two disagree the value is coarsened and from/to cover both.
 */
function resolveAll(found: FoundMatch[], date: DocumentDate | null): DateExpression[] {
  const docRange: DayRange | null = date ? { from: parseIsoDay(date.from), to: parseIsoDay(date.to) } : null;
  const [first, last] = docRange ? [docRange.from, docRange.to].map((d) => (Number.isFinite(d) ? d : null)) : [null, null];
  const fromFirst = resolvePass(found, first);
  // resolving is deterministic: a document dated to one day needs one pass
  const fromLast = last === first ? fromFirst : resolvePass(found, last);
  return found.map((f, k) => toExpression(f, fromFirst[k], fromLast[k], date));
}

function resolvePass(found: FoundMatch[], docAnchor: number | null): PassResult[] {
  // the latest date in the text (any precision), and the latest single day (times of day attach to it)
  let reference: { day: number; index: number } | null = null;
  let referenceDay: { day: number; index: number } | null = null;
  return found.map((f, k) => {
    const m = f.match;
    const ref = m.kind === 'time' ? referenceDay : reference;
    const anchor = m.base === 'previous' ? ref?.day ?? docAnchor : m.base === 'absolute' ? null : docAnchor;
    const resolved = safeResolve(m, anchor);
    const previous = m.base === 'previous' && ref ? ref.index : -1;
    const r = resolved?.range;
    if (m.kind !== 'duration' && m.kind !== 'set' && r && Number.isFinite(r.from) && resolved.value && /^\d{4}/.test(resolved.value) && !resolved.value.includes('/')) {
      reference = { day: r.from, index: k };
      if (r.from === r.to) referenceDay = reference;
    }
    return { resolved, previous };
  });
}

/** Never let one odd expression stop the analysis. */
function safeResolve(m: FoundMatch['match'], anchor: number | null): Resolved | null {
  try {
    return m.resolve(anchor);
  } catch {
    return null;
  }
}

function toExpression(f: FoundMatch, a: PassResult, b: PassResult, date: DocumentDate | null): DateExpression {
  const { match, scan, sentence } = f;
  const start = scan.toks[match.start].start;
  const end = scan.toks[match.end - 1].end;
  const text = sentence.text.slice(start - sentence.start, end - sentence.start);
  const merged = merge(a.resolved, b.resolved);
  const expression: DateExpression = {
    start, end, text,
    value: merged.value,
    kind: match.kind,
    anchor: anchorOf(f, a.previous),
    evidence: evidenceOf(f, merged, a.resolved?.value !== b.resolved?.value, date),
    sentence: sentence.index,
  };
  if (merged.range && Number.isFinite(merged.range.from)) expression.from = isoDay(merged.range.from);
  if (merged.range && Number.isFinite(merged.range.to)) expression.to = isoDay(merged.range.to);
  if (match.mod) expression.mod = match.mod;
  return expression;
}

/** Results at the two ends of the document range: equal, or coarsened to a value that covers both. */
function merge(a: Resolved | null, b: Resolved | null): Resolved {
  if (!a || !b) return a ?? b ?? { value: null };
  if (a === b) return a;
  if (a.value === b.value) return a.range && b.range ? { ...a, range: { from: Math.min(a.range.from, b.range.from), to: Math.max(a.range.to, b.range.to) } } : a;
  if (!a.value || !b.value || !a.range || !b.range || /^P/.test(a.value)) return { value: a.value === null || b.value === null ? null : a.value, note: a.note ?? b.note };
  return rangeValue({ from: Math.min(a.range.from, b.range.from), to: Math.max(a.range.to, b.range.to) });
}

function anchorOf(f: FoundMatch, previous: number): string {
  switch (f.match.base) {
    case 'absolute': return 'absolute';
    case 'document': return 'document';
    case 'previous': return previous >= 0 ? `expression:${previous}` : 'document';
    case 'event': return `event:${f.match.event?.label ?? 'unknown'}`;
  }
}

function evidenceOf(f: FoundMatch, r: Resolved, coarsened: boolean, date: DocumentDate | null): string {
  if (r.note && !r.value) return r.note;
  const m = f.match;
  if (m.event && m.base === 'event') return `counted from ${m.event.label} (${m.event.candidates.map((c) => isoDay(c.from)).join(' or ')})`;
  if (m.event?.named && m.base === 'absolute') return `named day: ${m.event.label}`;
  if (m.constraint) return `${m.kind} since ${m.event?.label ?? 'an event'}; dates the document (${m.constraint.reason})`;
  if (m.base === 'absolute') return m.kind === 'duration' ? 'a length of time' : m.kind === 'set' ? 'a recurrence or rate' : /^[A-Z]/.test(r.value ?? '') ? 'a reference to present, past or future' : 'absolute date';
  if (m.base === 'previous' && !f.match.event) return 'relative to the previous date in the text';
  if (!date) return 'relative to the document date, which is unknown';
  const open = date.from === '..' || date.to === '..';
  if (open) return `relative to the document date, known only as ${date.value}`;
  return `relative to the document date ${date.value}${coarsened ? ' (a range: the value covers both ends)' : ''}`;
}

export type { Sentence };
