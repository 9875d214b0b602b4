/**
 * Spans (actor mentions, date expressions) met sentence by sentence, and which of them covers each
 * word of a sentence: linear in the spans and words, so a long sentence with many mentions costs
 * no more than its length.
 */
import type { Span } from '../types';
import type { TaggedWord } from './wordTags';

/**
 * For spans in any order: returns, sentence after sentence (in text order), the indices of the spans
 * starting inside it, sorted by start (ties in their original order).
 */
export function spanCursor(spans: readonly Span[]): (s: Span) => number[] {
  const sorted = inTextOrder(spans);
  let at = 0;
  return (s) => {
    while (at < sorted.length && spans[sorted[at]].start < s.start) at++;
    const out: number[] = [];
    for (let k = at; k < sorted.length && spans[sorted[k]].start < s.end; k++) out.push(sorted[k]);
    return out;
  };
}

/** Indices of the spans sorted by start, ties in their original order (at once when they already are). */
function inTextOrder(spans: readonly Span[]): number[] {
  const order = spans.map((_, k) => k);
  for (let k = 1; k < spans.length; k++) if (spans[k].start < spans[k - 1].start) return order.sort((a, b) => spans[a].start - spans[b].start || a - b);
  return order;
}

/**
 * For each word, the position in `spans` of the first span that contains it whole, or -1; null when
 * there are no spans. Words are in text order and do not overlap, so the words inside a span are a
 * run found by binary search.
 */
export function coveringSpans(words: TaggedWord[], spans: readonly Span[]): number[] | null {
  if (spans.length === 0) return null;
  const out: number[] = [];
  for (let j = 0; j < words.length; j++) out.push(-1);
  for (let k = spans.length - 1; k >= 0; k--) {
    const span = spans[k];
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (words[mid].token.start < span.start) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo; j < words.length && words[j].token.end <= span.end; j++) out[j] = k;
  }
  return out;
}
