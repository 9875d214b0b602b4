/** Precision / recall / F1 of predicted mention spans against gold spans, one-to-one matching. */
import type { GoldType } from './gumGold';

export interface Span {
  start: number;
  end: number;
  type: GoldType;
  /** Text used by the relaxed match (leading "the", trailing "'s" dropped). */
  text: string;
}

export type MatchMode = 'exact' | 'relaxed' | 'overlap';

export interface Counts {
  tp: number;
  predicted: number;
  gold: number;
}

/** Span without a leading article and a trailing possessive: "the United States's" -> "United States". */
export function relaxedSpan(s: { start: number; end: number; text: string }): [number, number] {
  let start = s.start;
  let end = s.end;
  const lead = /^(?:the|The|THE)\s+/.exec(s.text);
  if (lead) start += lead[0].length;
  const tail = /(?:\s*['’]s|['’])$/.exec(s.text);
  if (tail && end - tail[0].length > start) end -= tail[0].length;
  return [start, end];
}

function matches(mode: MatchMode, g: Span, p: Span): boolean {
  if (mode === 'exact') return g.start === p.start && g.end === p.end;
  if (mode === 'overlap') return g.start < p.end && p.start < g.end;
  const [gs, ge] = relaxedSpan(g);
  const [ps, pe] = relaxedSpan(p);
  return gs === ps && ge === pe;
}

/**
 * Counts per type (and 'all'), typed or not. A prediction left unmatched that matches (in the same
 * mode) a gold person/place/organization mention outside the scored set (`unscored`: a name without a Wikipedia identity, a
 * description) is neither right nor wrong: it is not counted.
 */
export function score(gold: Span[], predicted: Span[], mode: MatchMode, typed: boolean, unscored: Span[] = []): Map<string, Counts> {
  const out = new Map<string, Counts>();
  const bump = (key: string, field: keyof Counts) => {
    const c = out.get(key) ?? { tp: 0, predicted: 0, gold: 0 };
    c[field]++;
    out.set(key, c);
  };
  for (const g of gold) {
    bump('all', 'gold');
    bump(g.type, 'gold');
  }
  const used = new Set<number>();
  const sortedPred = predicted.map((p, i) => ({ p, i })).sort((a, b) => a.p.start - b.p.start);
  let from = 0;
  for (const g of [...gold].sort((a, b) => a.start - b.start)) {
    while (from < sortedPred.length && sortedPred[from].p.end <= g.start - 200) from++;
    let best = -1;
    let bestOverlap = 0;
    for (let k = from; k < sortedPred.length && sortedPred[k].p.start < g.end + 1; k++) {
      const { p, i } = sortedPred[k];
      if (used.has(i) || !matches(mode, g, p) || (typed && p.type !== g.type)) continue;
      const overlap = Math.min(g.end, p.end) - Math.max(g.start, p.start);
      if (overlap > bestOverlap) {
        bestOverlap = overlap;
        best = i;
      }
    }
    if (best >= 0) {
      used.add(best);
      bump('all', 'tp');
      bump(g.type, 'tp');
    }
  }
  const others = [...unscored].sort((a, b) => a.start - b.start);
  predicted.forEach((p, i) => {
    if (!used.has(i) && matchesAny(mode, others, p)) return;
    bump('all', 'predicted');
    bump(p.type, 'predicted');
  });
  return out;
}

function matchesAny(mode: MatchMode, sorted: Span[], p: Span): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start < p.start - 300) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < sorted.length && sorted[k].start <= p.end; k++) if (matches(mode, sorted[k], p)) return true;
  return false;
}

export function prf(c: Counts | undefined): { p: number; r: number; f: number } {
  if (!c) return { p: 0, r: 0, f: 0 };
  const p = c.predicted ? c.tp / c.predicted : 0;
  const r = c.gold ? c.tp / c.gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

export function formatPrf(c: Counts | undefined): string {
  const { p, r, f } = prf(c);
  return `P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f.toFixed(3)}  (tp ${c?.tp ?? 0}, pred ${c?.predicted ?? 0}, gold ${c?.gold ?? 0})`;
}
