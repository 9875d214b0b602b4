/**
 * Named-mention evaluation on the GUM news gold: the engine, and (when the package is installed
 * beside the repo) compromise as the library candidate. See docs/nlp-comparison.md.
 */
import { createRequire } from 'node:module';
import { analyzeDocument } from '../../../server/src/engine/analyzeDocument';
import { builtinLexicon } from '../../../server/src/engine/actors/lexicon';
import type { ActorKind, DocumentAnalysis } from '../../../server/src/engine/types';
import type { GoldType, GumDocument } from './gumGold';
import { formatPrf, score, type MatchMode, type Span } from './scoring';

export type Predictor = (doc: GumDocument) => Span[];

const KIND_TYPE: Partial<Record<ActorKind, GoldType>> = { person: 'person', group: 'organization', state: 'place', place: 'place', organization: 'organization' };

/** What the engine predicts as named mentions: names and metonyms of typed actors, plural demonyms as groups of people. */
export function engineSpans(analysis: DocumentAnalysis): Span[] {
  const out: Span[] = [];
  for (const m of analysis.mentions) {
    const kind = analysis.entities[m.entity].kind;
    let type = KIND_TYPE[kind];
    if (m.kind === 'descriptive') continue;
    if (m.kind === 'demonym') {
      if (!/s$/.test(m.text)) continue; // "Russian troops": an adjective, not a mention
      type = 'person';
    }
    if (!type) continue;
    // GUM's person spans hold the title ("U.S. President Donald Trump"): the mention with its role is that phrase
    const start = m.roleSpan && type === 'person' ? m.roleSpan.start : m.start;
    out.push({ start, end: m.end, type, text: start === m.start ? m.text : `${m.role} ${m.text}` });
  }
  return out;
}

export const enginePredictor: Predictor = (doc) => engineSpans(analyzeDocument(`${doc.name}.txt`, doc.text, { lexicon: builtinLexicon() }));

/** compromise's people/places/organizations, when `compromise` can be loaded (COMPROMISE_PATH or node_modules). */
export function compromisePredictor(): Predictor | undefined {
  let nlp: ((text: string) => CompromiseDoc) | undefined;
  try {
    const req = createRequire(`${process.cwd()}/`);
    const loaded = req(process.env.COMPROMISE_PATH ?? 'compromise') as { default?: unknown };
    nlp = (loaded.default ?? loaded) as (text: string) => CompromiseDoc;
  } catch {
    return undefined;
  }
  return (doc) => {
    const d = nlp!(doc.text);
    const out: Span[] = [];
    const add = (list: CompromiseMatch[], type: GoldType) => {
      for (const m of list) {
        const raw = doc.text.slice(m.offset.start, m.offset.start + m.offset.length);
        const trimmed = raw.replace(/[\s.,;:!?"'’”)]+$/u, '');
        const lead = /^[\s"“(]+/.exec(trimmed)?.[0].length ?? 0;
        out.push({ start: m.offset.start + lead, end: m.offset.start + trimmed.length, type, text: trimmed.slice(lead) });
      }
    };
    add(d.people().json({ offset: true }), 'person');
    add(d.places().json({ offset: true }), 'place');
    add(d.organizations().json({ offset: true }), 'organization');
    return out;
  };
}

interface CompromiseMatch {
  offset: { start: number; length: number };
}
interface CompromiseView {
  json(options: { offset: true }): CompromiseMatch[];
}
interface CompromiseDoc {
  people(): CompromiseView;
  places(): CompromiseView;
  organizations(): CompromiseView;
}

export interface GumReport {
  text: string;
  /** Untyped relaxed F1 on named mentions: the headline number. */
  headline: number;
}

export function evaluateOnGum(docs: GumDocument[], predict: Predictor, label: string): GumReport {
  const gold: Span[] = [];
  const goldAll: Span[] = [];
  const predicted: Span[] = [];
  const unscored: Span[] = [];
  let offset = 0;
  const started = process.hrtime.bigint();
  let chars = 0;
  for (const doc of docs) {
    // one coordinate space for all documents: shift each document's offsets
    for (const g of doc.gold) {
      const s = { start: g.start + offset, end: g.end + offset, type: g.type, text: g.text };
      goldAll.push(s);
      if (g.named) gold.push(s);
    }
    for (const u of doc.unscored) unscored.push({ start: u.start + offset, end: u.end + offset, type: 'person', text: u.text });
    for (const g of doc.gold) if (!g.named) unscored.push({ start: g.start + offset, end: g.end + offset, type: g.type, text: g.text });
    for (const p of predict(doc)) predicted.push({ ...p, start: p.start + offset, end: p.end + offset });
    offset += doc.text.length + 1;
    chars += doc.text.length;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const lines = [`${label}: ${predicted.length} predicted mentions (${(chars / 1e6 / seconds).toFixed(2)} MB/s for the whole pass on ${(chars / 1024).toFixed(0)} KB, start-up included)`];
  let headline = 0;
  for (const mode of ['exact', 'relaxed', 'overlap'] as MatchMode[]) {
    for (const typed of [false, true]) {
      const counts = score(gold, predicted, mode, typed, unscored);
      lines.push(`  ${mode.padEnd(7)} ${typed ? 'typed  ' : 'untyped'} all          ${formatPrf(counts.get('all'))}`);
      if (typed) for (const t of ['person', 'place', 'organization']) lines.push(`                        ${t.padEnd(12)} ${formatPrf(counts.get(t))}`);
      if (mode === 'relaxed' && !typed) headline = Number(formatPrf(counts.get('all')).match(/F1 ([\d.]+)/)![1]);
    }
  }
  const recallAll = score(goldAll, predicted, 'overlap', false).get('all');
  lines.push(`  (recall against every gold row with an identity, pronouns and descriptions included, overlap: ${recallAll ? (recallAll.tp / recallAll.gold).toFixed(3) : '-'} of ${goldAll.length})`);
  return { text: lines.join('\n'), headline };
}
