/**
 * The document's own date, as a range with evidence.
 *  1. Metadata (front matter `date:` or the workspace file), when it parses as a date.
 *  2. Otherwise constraints stated by the text, intersected strongest first:
 *     - a dateline: a short line near the top that is only a date ("Friday, July 21, 2017", "Paris, March 2019")
 *     - elapsed time since a known event ("nearly five months since X entered the White House",
 *       "more than two years into the occupation", "now in its second month") — from the grammar
 *     - a photo caption's date ("…, Kyiv, June 2025"): on or after it, within half a year
 *     - an office holder named with his title in the present tense ("President Joe Biden is …"): one of his terms
 *     - absolute dates in past contexts: the latest is a lower bound; in future contexts an upper bound
 *     - a known event mentioned outside future contexts: on or after its start
 *   A constraint that would empty the range is dropped (and reported). Several candidate ranges
 *   (one per term of office) are a disjunction: those that fit the rest are kept.
 */
import type { DocumentDate, Sentence } from '../types';
import { isUpperInitial } from '../text/chars';
import { tokenize } from '../text/tokenize';
import { intersect, isoDay, OPEN, type DayRange } from './calendar';
import { OFFICE_HOLDER_NAMES } from './dateLexicon';
import { dateAt, yearOnlyAt } from './calendarRules';
import type { DocumentEvents } from './events';
import { Scan, type DocumentConstraint, type Match } from './scan';
import { HOLDER_NAME, HYPOTHETICAL, type SentenceWords } from './sentenceWords';
import { rangeValue } from './values';

export interface FoundMatch {
  match: Match;
  scan: Scan;
  sentence: Sentence;
}

const DEADLINE = new Set(['by', 'until', 'till', 'before']);
const MAX_EVIDENCE = 6;

/** A metadata date ("2025-06-15", "2025-06", "2025", "June 2025", "15 June 2025", "June 15, 2025"), or null when it does not parse. */
export function parseMetadataDate(text: string): DocumentDate | null {
  const toks = tokenize(text.trim());
  if (toks.length === 0) return null;
  const scan = new Scan(toks);
  const m = dateAt(scan, 0) ?? yearOnlyAt(scan, 0);
  if (!m || m.base !== 'absolute' || m.end !== toks.length) return null;
  const r = m.resolve(null);
  if (!r?.value || !r.range) return null;
  return { value: r.value, from: isoDay(r.range.from), to: isoDay(r.range.to), source: 'metadata', evidence: `metadata date "${text.trim()}"` };
}

/** Infer the document's date from its text; null when nothing in it tells. */
export function inferDocumentDate(found: FoundMatch[], sentences: Sentence[], words: SentenceWords[], events: DocumentEvents): DocumentDate | null {
  const constraints = [...datelineConstraints(found), ...matchConstraints(found), ...officeHolderConstraints(sentences, words, events), ...eventMentionConstraints(sentences, words, events)];
  const combined = combine(constraints);
  if (!combined) return null;
  const { range, used, dropped } = combined;
  const value = rangeValue(range).value ?? `${isoDay(range.from)}/${isoDay(range.to)}`;
  const evidence = used.slice(0, MAX_EVIDENCE).map((c) => c.reason).join('; ') + (dropped.length ? `; ignored as inconsistent: ${dropped.map((c) => c.reason).join('; ')}` : '');
  return { value, from: isoDay(range.from), to: isoDay(range.to), source: 'inferred', evidence };
}

function quote(f: FoundMatch): string {
  const toks = f.scan.toks;
  return f.sentence.text.slice(toks[f.match.start].start - f.sentence.start, toks[f.match.end - 1].end - f.sentence.start);
}

/** A dateline: among the first sentences, one that is only a date, maybe after a place ("Paris, March 2019"). */
function datelineConstraints(found: FoundMatch[]): DocumentConstraint[] {
  const first = found.length ? found[0].sentence.index : 0;
  for (const f of found) {
    if (f.sentence.index > first + 3) break;
    const r = f.match.base === 'absolute' && f.match.kind === 'date' ? f.match.resolve(null) : null;
    if (!r?.range || !r.value || r.value.length < 7) continue;
    const toks = f.scan.toks;
    const after = toks.slice(f.match.end);
    const before = toks.slice(0, f.match.start);
    // a full date opening a sentence near the top ("Thursday, May 7, 2015 On Tuesday, …" when the line break was lost)
    const opening = f.match.start === 0 && r.range.from === r.range.to;
    const alone = toks.length <= 14 && after.every((t) => t.kind === 'punct') && before.length <= 5 && before.every((t) => t.kind !== 'word' || isUpperInitial(t.text));
    if (!opening && !alone) continue;
    return [{ candidates: [r.range], strength: 5, reason: `dateline "${quote(f)}"` }];
  }
  return [];
}

/** Whether a sentence talks of what might be ("if", "would"…). */
const isHypothetical = (words: SentenceWords) => (words.all & HYPOTHETICAL) !== 0;

/** Constraints from the expressions found: stated elapsed times, captions, past and future dates, event mentions. */
function matchConstraints(found: FoundMatch[]): DocumentConstraint[] {
  const out: DocumentConstraint[] = [];
  let latestPast: { from: number; f: FoundMatch } | null = null;
  for (const f of found) {
    const { match, scan } = f;
    if (match.constraint) out.push({ ...match.constraint, reason: `"${quote(f)}" (${match.constraint.reason})` });
    if (match.base !== 'absolute' || match.kind !== 'date') continue;
    const r = match.resolve(null);
    if (!r?.range) continue;
    const hypothetical = isHypothetical(scan.words);
    const future = scan.futureAt(match.start) || DEADLINE.has(scan.low[match.start - 1]);
    if (f.sentence.block === 'caption') {
      out.push({ candidates: [{ from: r.range.from, to: r.range.to + 183 }], strength: 2, reason: `photo caption "${quote(f)}"` });
    } else if (future && !hypothetical) {
      out.push({ candidates: [{ from: -Infinity, to: r.range.to }], strength: 1, reason: `"${quote(f)}" is spoken of as ahead` });
    } else if (!future && !hypothetical && (!latestPast || r.range.from > latestPast.from)) {
      latestPast = { from: r.range.from, f };
    }
  }
  if (latestPast) out.push({ candidates: [{ from: latestPast.from, to: Infinity }], strength: 1, reason: `latest date mentioned "${quote(latestPast.f)}" (a lower bound)` });
  return out;
}

/** A known event mentioned outside future or hypothetical talk: the document is not older than it (the latest such event). */
function eventMentionConstraints(sentences: Sentence[], words: SentenceWords[], events: DocumentEvents): DocumentConstraint[] {
  let latest: { from: number; reason: string } | null = null;
  sentences.forEach((s, si) => {
    const refs = events.bySentence[si];
    if (!refs || refs.size === 0 || isHypothetical(words[si])) return;
    const scan = new Scan(s.tokens, words[si]);
    for (const ref of refs.values()) {
      if (!ref.event || scan.futureAt(ref.start)) continue;
      const from = ref.event.range.from;
      if (!latest || from > latest.from) latest = { from, reason: `mentions ${ref.event.label} (${isoDay(from)}): not earlier` };
    }
  });
  const found = latest as { from: number; reason: string } | null;
  return found ? [{ candidates: [{ from: found.from, to: Infinity }], strength: 1, reason: found.reason }] : [];
}

const PRESENT_WORDS = new Set(['is', 'are', 'has', 'have', 'remains', 'continues', 'says', 'insists', 'wants', 'seeks', 'plans']);
const NOT_VERBS = new Set(['was', 'has', 'his', 'this', 'as', 'us', 'its', 'is']);
const TITLES = new Set(['president', 'prime', 'chancellor', 'premier']);

/** "President Joe Biden is …", "As U.S. President Donald Trump pushes …": the holder is in office now (one of his terms). */
function officeHolderConstraints(sentences: Sentence[], words: SentenceWords[], events: DocumentEvents): DocumentConstraint[] {
  const out: DocumentConstraint[] = [];
  const seen = new Set<string>();
  if (events.holders.size === 0) return out;
  for (const [si, s] of sentences.entries()) {
    const { low, classes, all } = words[si];
    if (!(all & HOLDER_NAME)) continue;
    for (let i = 1; i < low.length; i++) {
      if (!(classes[i] & HOLDER_NAME)) continue;
      if (!TITLES.has(low[i - 1]) && !(low[i - 1] === 'minister' && low[i - 2] === 'prime')) continue;
      const holder = OFFICE_HOLDER_NAMES.match(low, i);
      if (!holder || seen.has(holder.data.id) || !isUpperInitial(s.tokens[i].text)) continue;
      const next = low[holder.end] ?? '';
      const present = PRESENT_WORDS.has(next) || (/^[a-z]{4,}s$/.test(next) && !next.endsWith('ss') && !NOT_VERBS.has(next));
      if (!present) continue;
      seen.add(holder.data.id);
      const text = s.text.slice(s.tokens[i - 1].start - s.start, s.tokens[Math.min(holder.end, low.length - 1)].end - s.start);
      out.push({ candidates: holder.data.terms, strength: 2, reason: `"${text}": in office (${holder.data.office})` });
    }
  }
  return out;
}

/**
 * Intersect constraints: unambiguous ones first, strongest first; then disjunctions, keeping the
 * candidates that fit. A constraint that would leave nothing is dropped.
 */
function combine(constraints: DocumentConstraint[]): { range: DayRange; used: DocumentConstraint[]; dropped: DocumentConstraint[] } | null {
  const order = constraints
    .map((c, k) => ({ c, k }))
    .sort((a, b) => (a.c.candidates.length > 1 ? 1 : 0) - (b.c.candidates.length > 1 ? 1 : 0) || b.c.strength - a.c.strength || a.k - b.k)
    .map((x) => x.c);
  let range: DayRange = OPEN;
  const used: DocumentConstraint[] = [];
  const dropped: DocumentConstraint[] = [];
  for (const c of order) {
    const fits = c.candidates.map((cand) => intersect(range, cand)).filter((r): r is DayRange => r !== null);
    if (fits.length === 0) {
      dropped.push(c);
      continue;
    }
    range = { from: Math.min(...fits.map((r) => r.from)), to: Math.max(...fits.map((r) => r.to)) };
    used.push(c);
  }
  if (used.length === 0 || (!Number.isFinite(range.from) && !Number.isFinite(range.to))) return null;
  return { range, used, dropped };
}
