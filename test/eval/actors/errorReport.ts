/**
 * The engine's errors on GUM news named mentions, by category (ACTORS_EVAL_VERBOSE=1):
 * - relaxed only: right name, but GUM's span holds a leading "the" or a trailing "'s";
 * - span, prediction shorter / longer / crossing: overlapping but not the same name;
 * - type confusion: same span (relaxed), different type;
 * - missed: no prediction overlaps the gold mention;
 * - spurious: the prediction overlaps no gold mention (scored or unscored).
 */
import type { GumDocument } from './gumGold';
import type { Predictor } from './gumEval';
import { relaxedSpan, type Span } from './scoring';

type Category = 'relaxed only' | 'prediction shorter' | 'prediction longer' | 'crossing' | 'type confusion' | 'missed' | 'spurious';

export function errorReport(docs: GumDocument[], predict: Predictor, limit = 40): string {
  const buckets = new Map<Category, Map<string, number>>();
  const add = (c: Category, text: string) => {
    const b = buckets.get(c) ?? buckets.set(c, new Map()).get(c)!;
    b.set(text, (b.get(text) ?? 0) + 1);
  };
  for (const doc of docs) {
    const gold = doc.gold.filter((g) => g.named);
    const pred = predict(doc);
    const others: { start: number; end: number }[] = [...doc.unscored, ...doc.gold.filter((g) => !g.named)];
    for (const g of gold) {
      const over = pred.filter((p) => overlaps(g, p));
      if (over.length === 0) {
        add('missed', `${g.text} [${g.type}]`);
        continue;
      }
      const exact = over.find((p) => p.start === g.start && p.end === g.end);
      const relaxed = exact ?? over.find((p) => sameRelaxed(g, p));
      if (relaxed) {
        if (relaxed.type !== g.type) add('type confusion', `${g.text} [${g.type} as ${relaxed.type}]`);
        else if (!exact) add('relaxed only', `${g.text} / ${relaxed.text}`);
        continue;
      }
      const p = over[0];
      const category: Category = p.start >= g.start && p.end <= g.end ? 'prediction shorter' : p.start <= g.start && p.end >= g.end ? 'prediction longer' : 'crossing';
      add(category, `${g.text} / ${over.map((o) => o.text).join(' + ')}`);
    }
    for (const p of pred) if (!gold.some((g) => overlaps(g, p)) && !others.some((o) => overlaps(o, p))) add('spurious', `${p.text} [${p.type}]`);
  }
  const lines: string[] = [];
  for (const [category, counts] of buckets) {
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit);
    lines.push(`${category} (${total}): ${top.map(([k, v]) => (v > 1 ? `${v}× ${k}` : k)).join('; ')}`);
  }
  return lines.join('\n');
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function sameRelaxed(g: Span, p: Span): boolean {
  const [gs, ge] = relaxedSpan(g);
  const [ps, pe] = relaxedSpan(p);
  return gs === ps && ge === pe;
}
