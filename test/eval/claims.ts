/**
 * Evaluation of the claims engine against test/gold/seeds-claims.json: claim detection and
 * attribution on a gold sample (seeds + GUM news), same-claim pairs across the seeds, and
 * contradictions (synthetic pairs from the issue's examples; the seeds hold none judged real).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDocument } from '../../server/src/engine/analyzeDocument';
import { builtinLexicon } from '../../server/src/engine/actors/lexicon';
import { resolveActors } from '../../server/src/engine/actors/resolveActors';
import { linkClaims, type ClaimGraph } from '../../server/src/engine/claims/linkClaims';
import type { Claim, ClaimRef, DocumentAnalysis } from '../../server/src/engine/types';

const ROOT = join(__dirname, '..', '..', '..');

interface GoldQuote {
  doc: string;
  quote: string;
}
interface GoldClaim extends GoldQuote {
  claim: boolean;
  attribution?: 'sourced' | 'vague' | 'unsourced';
  source?: string;
  hedged?: boolean;
  note?: string;
}
interface GoldPair {
  a: GoldQuote;
  b: GoldQuote;
  note: string;
}
interface JudgedLink extends GoldPair {
  right: boolean;
}
interface SyntheticPair {
  note: string;
  a: { date: string; text: string };
  b: { date: string; text: string };
}
export interface ClaimsGold {
  claims: GoldClaim[];
  sameClaim: GoldPair[];
  notContradiction: GoldPair[];
  syntheticContradictions: SyntheticPair[];
  syntheticNotContradictions: SyntheticPair[];
  linkJudgements: JudgedLink[];
}

export function loadGold(): ClaimsGold {
  return JSON.parse(readFileSync(join(ROOT, 'test', 'gold', 'seeds-claims.json'), 'utf8'));
}

export function analyze(path: string, text: string): DocumentAnalysis {
  return analyzeDocument(path, text, { lexicon: builtinLexicon() });
}

/** The engine claim that best covers a gold quote, if it covers enough of it. */
export function claimFor(doc: DocumentAnalysis, text: string, quote: string): { claim: Claim; index: number } | null {
  const folded = text.replace(/[\r\n]/g, ' ');
  const start = folded.indexOf(quote);
  if (start < 0) throw new Error(`gold quote not found in ${doc.path}: ${quote}`);
  const end = start + quote.length;
  let best: { claim: Claim; index: number; overlap: number } | null = null;
  doc.claims.forEach((claim, index) => {
    const overlap = Math.min(end, claim.end) - Math.max(start, claim.start);
    if (overlap > 0 && (!best || overlap > best.overlap)) best = { claim, index, overlap };
  });
  if (!best) return null;
  const { claim, index, overlap } = best as { claim: Claim; index: number; overlap: number };
  return overlap >= 0.5 * Math.min(quote.length, claim.end - claim.start) ? { claim, index } : null;
}

function pct(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`;
}

interface Corpus {
  docs: Map<string, DocumentAnalysis>;
  texts: Map<string, string>;
}

function loadCorpus(paths: string[]): Corpus {
  const docs = new Map<string, DocumentAnalysis>();
  const texts = new Map<string, string>();
  for (const path of paths) {
    const text = readFileSync(join(ROOT, path), 'utf8');
    texts.set(path, text);
    docs.set(path, analyze(path, text));
  }
  return { docs, texts };
}

function refFor(corpus: Corpus, q: GoldQuote): ClaimRef | null {
  const found = claimFor(corpus.docs.get(q.doc)!, corpus.texts.get(q.doc)!, q.quote);
  return found ? { path: q.doc, index: found.index } : null;
}

function detectionAndAttribution(gold: ClaimsGold, corpus: Corpus, lines: string[]): void {
  let tp = 0;
  let fn = 0;
  let fp = 0;
  let tn = 0;
  let right = 0;
  let sourceRight = 0;
  let sourceTotal = 0;
  const classes = ['sourced', 'vague', 'unsourced'] as const;
  const confusion = new Map<string, number>();
  const misses: string[] = [];
  for (const g of gold.claims) {
    const found = claimFor(corpus.docs.get(g.doc)!, corpus.texts.get(g.doc)!, g.quote);
    if (!g.claim) {
      if (found) {
        fp++;
        misses.push(`  false claim  ${short(g.doc)}: ${g.quote.slice(0, 70)}`);
      } else tn++;
      continue;
    }
    if (!found) {
      fn++;
      misses.push(`  missed       ${short(g.doc)}: ${g.quote.slice(0, 70)}`);
      continue;
    }
    tp++;
    const predicted = found.claim.attribution;
    confusion.set(`${g.attribution}>${predicted}`, (confusion.get(`${g.attribution}>${predicted}`) ?? 0) + 1);
    if (predicted === g.attribution) right++;
    else misses.push(`  attribution  ${short(g.doc)}: gold ${g.attribution}, got ${predicted}${found.claim.cue ? ` (${found.claim.cue})` : ''}: ${g.quote.slice(0, 60)}`);
    if (g.source) {
      sourceTotal++;
      const got = (found.claim.sourceText ?? '').toLowerCase().replace(/[’]/g, "'");
      const want = g.source.toLowerCase().replace(/[’]/g, "'");
      if (got && (got.includes(want) || want.includes(got))) sourceRight++;
    }
  }
  const goldClaims = tp + fn;
  lines.push(`claim detection on the gold sample: precision ${pct(tp, tp + fp)} (${fp} of ${fp + tn} non-claims taken), recall ${pct(tp, goldClaims)} (${tp}/${goldClaims})`);
  lines.push(`attribution right: ${pct(right, goldClaims)} of all gold claims (${right}/${goldClaims}), ${pct(right, tp)} of the detected ones`);
  for (const c of classes) {
    const goldN = [...confusion].filter(([k]) => k.startsWith(c + '>')).reduce((s, [, v]) => s + v, 0);
    const predN = [...confusion].filter(([k]) => k.endsWith('>' + c)).reduce((s, [, v]) => s + v, 0);
    const hit = confusion.get(`${c}>${c}`) ?? 0;
    lines.push(`  ${c.padEnd(9)} precision ${pct(hit, predN)} recall ${pct(hit, goldN)} (gold ${goldN}, predicted ${predN}, among detected claims)`);
  }
  lines.push(`source text right: ${sourceRight}/${sourceTotal}`);
  lines.push(...misses);
}

function sameClaimPairs(gold: ClaimsGold, corpus: Corpus, graph: ClaimGraph, lines: string[]): void {
  let linked = 0;
  for (const p of gold.sameClaim) {
    const a = refFor(corpus, p.a);
    const b = refFor(corpus, p.b);
    const ca = a && graph.clusterOf(a);
    const ok = !!ca && !!b && graph.clusterOf(b) === ca;
    if (ok) linked++;
    else lines.push(`  not linked: ${p.note}${a ? '' : ' (first claim not detected)'}${b ? '' : ' (second claim not detected)'}`);
  }
  lines.splice(lines.length - (gold.sameClaim.length - linked), 0, `same-claim pairs linked: ${linked}/${gold.sameClaim.length}`);
  let crossLinks = 0;
  for (const c of graph.clusters) crossLinks += c.claims.length - 1;
  lines.push(`clusters: ${graph.clusters.length}, holding ${graph.clusters.reduce((s, c) => s + c.claims.length, 0)} claims (${crossLinks} links); every cluster:`);
  for (const c of graph.clusters) {
    lines.push(`  ${c.id}: ${c.claims.map((r) => `${short(r.path)} "${corpus.docs.get(r.path)!.claims[r.index].text.slice(0, 50)}"`).join(' | ')}`);
  }
}

/** Every link produced (pairs of claims of different documents in one cluster), judged right/wrong from the gold. */
function linkPrecision(gold: ClaimsGold, corpus: Corpus, graph: ClaimGraph, lines: string[]): void {
  const judged = new Map<string, JudgedLink>();
  for (const j of gold.linkJudgements) {
    const a = refFor(corpus, j.a);
    const b = refFor(corpus, j.b);
    if (a && b) judged.set(pairKey(a, b), j);
  }
  let right = 0;
  let wrong = 0;
  let unjudged = 0;
  const out: string[] = [];
  for (const c of graph.clusters) {
    for (let x = 0; x < c.claims.length; x++) {
      for (let y = x + 1; y < c.claims.length; y++) {
        const [a, b] = [c.claims[x], c.claims[y]];
        if (a.path === b.path) continue;
        const j = judged.get(pairKey(a, b));
        if (!j) unjudged++;
        else if (j.right) right++;
        else wrong++;
        const text = (r: ClaimRef) => `${short(r.path)} "${corpus.docs.get(r.path)!.claims[r.index].text.slice(0, 45)}"`;
        out.push(`  ${j ? (j.right ? 'right   ' : 'WRONG   ') : 'unjudged'} ${text(a)} / ${text(b)}`);
      }
    }
  }
  const falseKnown = gold.linkJudgements.filter((j) => !j.right);
  const falseLinked = falseKnown.filter((j) => {
    const a = refFor(corpus, j.a);
    const b = refFor(corpus, j.b);
    return !!a && !!b && !!graph.clusterOf(a) && graph.clusterOf(a) === graph.clusterOf(b);
  });
  lines.push(`links produced on the seeds (cross-document pairs in clusters): ${right + wrong + unjudged}: right ${right}, wrong ${wrong}, unjudged ${unjudged}; precision ${pct(right, right + wrong)} of judged`);
  lines.push(`known false links (judged wrong in the gold) still made: ${falseLinked.length}/${falseKnown.length}`);
  lines.push(...out);
}

const GUM_ARTICLES = join('..', 'shared', 'data', 'gum-news', 'articles');

/**
 * Held-out check: the GUM news articles (unrelated stories) linked with each other and with the
 * seeds must give about no links and no contradictions.
 */
function heldOut(lines: string[]): void {
  if (!existsSync(join(ROOT, GUM_ARTICLES))) {
    lines.push('held-out GUM check: articles not found');
    return;
  }
  const gum = readdirSync(join(ROOT, GUM_ARTICLES)).filter((f) => f.endsWith('.txt')).map((f) => join(GUM_ARTICLES, f));
  const seeds = readdirSync(join(ROOT, 'seeds')).map((f) => join('seeds', f));
  const corpus = loadCorpus([...gum, ...seeds]);
  const graph = linkClaims(corpus.docs, resolveActors(corpus.docs.values(), builtinLexicon()));
  const gumLinks = graph.clusters.filter((c) => c.claims.some((r) => r.path.startsWith(GUM_ARTICLES)));
  const alarms = graph.contradictions.filter((c) => c.type === 'contradiction' && (c.a.path.startsWith(GUM_ARTICLES) || c.b.path.startsWith(GUM_ARTICLES)));
  lines.push(`held-out: ${gum.length} GUM news articles + the seeds: clusters holding a GUM claim ${gumLinks.length}, contradictions involving GUM ${alarms.length}`);
  for (const c of gumLinks) lines.push(`  ${c.claims.map((r) => `${short(r.path)} "${corpus.docs.get(r.path)!.claims[r.index].text.slice(0, 45)}"`).join(' | ')}`);
}

function pairKey(a: ClaimRef, b: ClaimRef): string {
  const [x, y] = [`${a.path}#${a.index}`, `${b.path}#${b.index}`].sort();
  return `${x}|${y}`;
}

function contradictionReport(gold: ClaimsGold, corpus: Corpus, graph: ClaimGraph, lines: string[]): void {
  const alarms = graph.contradictions.filter((c) => c.type === 'contradiction');
  const warnings = alarms.filter((c) => c.confidence >= 0.5);
  lines.push(`seed contradictions raised: ${alarms.length} (${warnings.length} with confidence >= 0.5); changes: ${graph.contradictions.length - alarms.length}`);
  lines.push(`false contradictions per seed document (none is annotated real): ${(alarms.length / corpus.docs.size).toFixed(2)} (>= 0.5 confidence: ${(warnings.length / corpus.docs.size).toFixed(2)})`);
  for (const c of graph.contradictions) {
    const a = corpus.docs.get(c.a.path)!.claims[c.a.index];
    const b = corpus.docs.get(c.b.path)!.claims[c.b.index];
    lines.push(`  ${c.type} ${c.confidence}: ${c.reason} — ${short(c.a.path)} "${a.text.slice(0, 45)}" / ${short(c.b.path)} "${b.text.slice(0, 45)}"`);
  }
  let respected = 0;
  for (const p of gold.notContradiction) {
    const a = refFor(corpus, p.a);
    const b = refFor(corpus, p.b);
    const flagged = !!a && !!b && graph.contradictionsOf(a).some((c) => c.type === 'contradiction' && sameRef(c.a, b) !== sameRef(c.b, b) && (sameRef(c.a, a) || sameRef(c.b, a)));
    if (!flagged) respected++;
    else lines.push(`  flagged but must not be: ${p.note}`);
  }
  lines.push(`must-not-contradict pairs left alone: ${respected}/${gold.notContradiction.length}`);
  const found = gold.syntheticContradictions.filter((p) => syntheticVerdict(p) === 'contradiction').length;
  const left = gold.syntheticNotContradictions.filter((p) => syntheticVerdict(p) !== 'contradiction').length;
  lines.push(`synthetic contradictions found: ${found}/${gold.syntheticContradictions.length}; synthetic changes not raised as contradictions: ${left}/${gold.syntheticNotContradictions.length}`);
}

function syntheticVerdict(p: SyntheticPair): string {
  const docs = new Map<string, DocumentAnalysis>();
  for (const [name, side] of [['a.txt', p.a], ['b.txt', p.b]] as const) docs.set(name, analyze(name, `---\ndate: ${side.date}\n---\n${side.text}\n`));
  const graph = linkClaims(docs, resolveActors(docs.values(), builtinLexicon()));
  if (graph.contradictions.some((c) => c.type === 'contradiction')) return 'contradiction';
  return graph.contradictions.length ? 'change' : 'none';
}

function sameRef(a: ClaimRef, b: ClaimRef): boolean {
  return a.path === b.path && a.index === b.index;
}

function short(path: string): string {
  return (path.split('/').pop() ?? path).replace(/_[0-9a-f]{16}\.txt$/, '').replace(/\.txt$/, '');
}

export async function evaluate(): Promise<string> {
  const gold = loadGold();
  const paths = [...new Set(gold.claims.map((c) => c.doc))];
  const corpus = loadCorpus(paths);
  const seeds = new Map([...corpus.docs].filter(([p]) => p.startsWith('seeds/')));
  const graph = linkClaims(seeds, resolveActors(seeds.values(), builtinLexicon()));
  const lines: string[] = [];
  const total = [...corpus.docs.values()].reduce((s, d) => s + d.claims.length, 0);
  lines.push(`claims found: ${total} in ${corpus.docs.size} documents (${[...corpus.docs].map(([p, d]) => `${short(p)} ${d.claims.length}`).join(', ')})`);
  detectionAndAttribution(gold, corpus, lines);
  sameClaimPairs(gold, { docs: seeds, texts: corpus.texts }, graph, lines);
  linkPrecision(gold, { docs: seeds, texts: corpus.texts }, graph, lines);
  contradictionReport(gold, { docs: seeds, texts: corpus.texts }, graph, lines);
  heldOut(lines);
  return lines.join('\n');
}
