/**
 * Evaluation of the dates engine.
 *  - GUM news (../shared/data/gum-news/dates.tsv): extent P/R/F1 (exact and overlap) and value accuracy,
 *    with each article's publication date (docs.jsonl dateCreated) given as metadata, as GUM articles carry it;
 *    then the same WITHOUT it: does the inferred document range contain dateCreated, and what value accuracy is left.
 *  - Seeds (test/gold/seeds-dates.json): inferred document ranges against the judged publication dates,
 *    and the values of the listed expressions.
 * Gold spans are token sequences joined by spaces; they are aligned to the text with white space removed.
 * Value comparison: a gold `when` must equal our value (seconds ":00" dropped); gold from/to and
 * notBefore/notAfter bounds must equal our from/to at the gold's precision (a year bound compares years).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findDates } from '../../server/src/engine/dates/findDates';
import { extractMarkup } from '../../server/src/engine/metadata';
import { buildTextModel } from '../../server/src/engine/text/textModel';
import type { DateExpression, DocumentDate } from '../../server/src/engine/types';

const ROOT = resolve(__dirname, '../../..');
const GUM = resolve(ROOT, '../shared/data/gum-news');
const SEEDS_GOLD = join(ROOT, 'test/gold/seeds-dates.json');

export interface GoldDate {
  doc: string;
  text: string;
  when?: string;
  from?: string;
  to?: string;
  notBefore?: string;
  notAfter?: string;
}

export function analyse(text: string, metadataDate?: string): { dates: DateExpression[]; date: DocumentDate | null } {
  const markup = extractMarkup(text);
  return findDates(buildTextModel(markup.text), { metadataDate: metadataDate ?? markup.metadata.date });
}

/** Offsets of gold token sequences in the text, in order (white space ignored). */
export function alignGold(text: string, golds: string[]): ({ start: number; end: number } | null)[] {
  const compact: number[] = [];
  let squeezed = '';
  for (let k = 0; k < text.length; k++) {
    if (/\s/.test(text[k])) continue;
    compact.push(k);
    squeezed += text[k].toLowerCase();
  }
  let cursor = 0;
  return golds.map((g) => {
    const needle = g.replace(/\s+/g, '').toLowerCase();
    let at = squeezed.indexOf(needle, cursor);
    if (at < 0) at = squeezed.indexOf(needle);
    if (at < 0 || !needle) return null;
    cursor = at + needle.length;
    return { start: compact[at], end: compact[at + needle.length - 1] + 1 };
  });
}

export function valueMatches(gold: GoldDate, d: DateExpression): boolean {
  const norm = (v: string | null | undefined) => (v ?? '').replace(/:00$/, '');
  if (gold.when) return norm(d.value) === norm(gold.when) || (!!d.from && d.from === d.to && d.from === gold.when);
  const bounds: [string | undefined, string | undefined][] = [
    [gold.from ?? gold.notBefore, d.from],
    [gold.to ?? gold.notAfter, d.to],
  ];
  let any = false;
  for (const [g, ours] of bounds) {
    if (!g) continue;
    any = true;
    if (!ours || ours.slice(0, g.length) !== g) return false;
  }
  return any;
}

interface Score {
  gold: number;
  found: number;
  exact: number;
  overlap: number;
  valueRight: number;
  errors: string[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const isCalendar = (d: DateExpression) => d.kind !== 'set' && !(d.value ?? '').endsWith('_REF') && d.kind !== 'duration';

function score(docs: Map<string, GoldDate[]>, texts: Map<string, string>, meta: Map<string, string> | null, filter: (d: DateExpression) => boolean): Score {
  const s: Score = { gold: 0, found: 0, exact: 0, overlap: 0, valueRight: 0, errors: [] };
  for (const [doc, golds] of docs) {
    const text = texts.get(doc)!;
    const { dates } = analyse(text, meta?.get(doc));
    const ours = dates.filter(filter);
    s.gold += golds.length;
    s.found += ours.length;
    const spans = alignGold(text, golds.map((g) => g.text));
    const used = new Set<number>();
    golds.forEach((g, k) => {
      const span = spans[k];
      if (!span) return;
      let hit = -1;
      for (let j = 0; j < ours.length; j++) if (!used.has(j) && overlaps(span, ours[j])) { hit = j; if (ours[j].start === span.start && ours[j].end === span.end) break; }
      if (hit < 0) {
        s.errors.push(`${doc}: missed "${g.text}"`);
        return;
      }
      used.add(hit);
      const d = ours[hit];
      s.overlap++;
      if (d.start === span.start && d.end === span.end) s.exact++;
      if (valueMatches(g, d)) s.valueRight++;
      else s.errors.push(`${doc}: "${g.text}" gold ${g.when ?? `${g.from ?? g.notBefore ?? ''}..${g.to ?? g.notAfter ?? ''}`} got ${d.value} ${d.from ?? ''}..${d.to ?? ''} ("${d.text}")`);
    });
  }
  return s;
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
const fmt = (x: number) => x.toFixed(3);

function prf(s: Score, matched: number): string {
  const p = s.found ? matched / s.found : 0;
  const r = s.gold ? matched / s.gold : 0;
  return `P ${fmt(p)} R ${fmt(r)} F1 ${fmt(f1(p, r))}`;
}

function loadGum(): { docs: Map<string, GoldDate[]>; texts: Map<string, string>; created: Map<string, string> } {
  const lines = readFileSync(join(GUM, 'dates.tsv'), 'utf8').trim().split('\n').slice(1);
  const docs = new Map<string, GoldDate[]>();
  for (const line of lines) {
    const [doc, when, from, to, notBefore, notAfter, text] = line.split('\t');
    const g: GoldDate = { doc, text, when: when || undefined, from: from || undefined, to: to || undefined, notBefore: notBefore || undefined, notAfter: notAfter || undefined };
    docs.set(doc, [...(docs.get(doc) ?? []), g]);
  }
  const texts = new Map<string, string>();
  const created = new Map<string, string>();
  for (const line of readFileSync(join(GUM, 'docs.jsonl'), 'utf8').trim().split('\n')) {
    const d = JSON.parse(line) as { doc: string; dateCreated: string };
    created.set(d.doc, d.dateCreated);
    texts.set(d.doc, readFileSync(join(GUM, 'articles', `${d.doc}.txt`), 'utf8'));
    if (!docs.has(d.doc)) docs.set(d.doc, []);
  }
  return { docs, texts, created };
}

function gumReport(verbose: boolean): string {
  if (!existsSync(join(GUM, 'dates.tsv'))) return 'GUM: data not found';
  const { docs, texts, created } = loadGum();
  const out: string[] = [];
  const withMeta = score(docs, texts, created, () => true);
  const calendar = score(docs, texts, created, isCalendar);
  out.push(`GUM news, ${docs.size} articles, ${withMeta.gold} gold expressions; publication date given as metadata`);
  out.push(`  extent exact    all kinds: ${prf(withMeta, withMeta.exact)}   calendar only: ${prf(calendar, calendar.exact)}`);
  out.push(`  extent overlap  all kinds: ${prf(withMeta, withMeta.overlap)}   calendar only: ${prf(calendar, calendar.overlap)}`);
  out.push(`  value accuracy on matched extents: ${fmt(withMeta.valueRight / Math.max(1, withMeta.overlap))} (${withMeta.valueRight}/${withMeta.overlap}); on all gold: ${fmt(withMeta.valueRight / withMeta.gold)}`);
  const noMeta = score(docs, texts, null, () => true);
  let contained = 0;
  let dated = 0;
  const misses: string[] = [];
  for (const [doc, text] of texts) {
    const { date } = analyse(text);
    const c = created.get(doc)!;
    if (date) dated++;
    if (date && date.from <= c && (date.to === '..' || c <= date.to)) contained++;
    else misses.push(`${doc}: created ${c}, inferred ${date ? `${date.from}..${date.to} (${date.evidence})` : 'none'}`);
  }
  out.push(`WITHOUT metadata: ${dated}/${texts.size} articles dated from their text; range contains dateCreated in ${contained}/${texts.size}`);
  out.push(`  value accuracy on matched extents: ${fmt(noMeta.valueRight / Math.max(1, noMeta.overlap))} (${noMeta.valueRight}/${noMeta.overlap})`);
  if (misses.length) out.push(...misses.map((m) => `  not contained: ${m}`));
  if (verbose) out.push('  errors (with metadata):', ...withMeta.errors.map((e) => `    ${e}`));
  return out.join('\n');
}

interface SeedGold {
  documents: Record<string, { publication: { from: string; to: string; reasoning: string }; expressions: { text: string; occurrence?: number; value: string | null }[] }>;
}

function seedsReport(verbose: boolean): string {
  if (!existsSync(SEEDS_GOLD)) return 'seeds: no gold file';
  const gold = JSON.parse(readFileSync(SEEDS_GOLD, 'utf8')) as SeedGold;
  const out: string[] = ['Seeds (no metadata; document dates inferred from the text):'];
  let contained = 0;
  let total = 0;
  let right = 0;
  let found = 0;
  let expressions = 0;
  const errors: string[] = [];
  for (const [path, g] of Object.entries(gold.documents)) {
    const { dates, date } = analyse(readFileSync(join(ROOT, path), 'utf8'));
    total++;
    const ok = !!date && date.from <= g.publication.from && (date.to === '..' || g.publication.to <= date.to);
    if (ok) contained++;
    out.push(`  ${path.split('/').pop()}: judged ${g.publication.from}..${g.publication.to}; inferred ${date ? `${date.from}..${date.to} (${date.value})` : 'none'} ${ok ? 'contains it' : 'DOES NOT contain it'}`);
    for (const e of g.expressions) {
      expressions++;
      const hits = dates.filter((d) => d.text.replace(/\s+/g, ' ') === e.text);
      const d = hits[(e.occurrence ?? 1) - 1];
      if (!d) {
        errors.push(`${path}: missed "${e.text}"`);
        continue;
      }
      found++;
      if (d.value === e.value) right++;
      else errors.push(`${path}: "${e.text}" expected ${e.value} got ${d.value}`);
    }
  }
  out.push(`  document ranges containing the judged publication date: ${contained}/${total}`);
  out.push(`  listed expressions found: ${found}/${expressions}; value right: ${right}/${expressions} (${fmt(right / Math.max(1, expressions))})`);
  if (verbose || errors.length <= 12) out.push(...errors.map((e) => `    ${e}`));
  return out.join('\n');
}

export async function evaluate(): Promise<string> {
  const verbose = process.env.EVAL_VERBOSE === '1';
  return [gumReport(verbose), seedsReport(verbose)].join('\n\n');
}
