import { mentionCountOf } from './actors/mentionRefs';
import type { CorpusIndex } from './corpus/corpusIndex';
import { rangeOf } from './text/lines';
import type { DocumentAnalysis, Finding, Range, Span } from './types';

/** The index in the public JSON shape of docs/index-json.md (version 1). Add fields freely; never rename or remove one. */
export interface IndexJson {
  version: 1;
  documents: {
    path: string;
    title: string | null;
    date: { value: string; from: string; to: string; source: string; evidence: string } | null;
    boilerplate: Range[];
  }[];
  actors: { id: string; name: string; kind: string; aliases: string[]; roles: string[]; mentions: (Range & { path: string; text: string; kind: string; confidence: number })[] }[];
  dates: (Range & { path: string; text: string; value: string | null; kind: string; anchor: string; evidence: string })[];
  claims: (Range & { id: string; path: string; text: string; attribution: string; source: string | null; sourceText: string | null; actors: string[]; cluster: string | null; hedged: boolean })[];
  contradictions: { a: string; b: string; reason: string; confidence: number; type: string }[];
  diagnostics: (Range & { path: string; severity: string; code: string; message: string; related: (Range & { path: string; message: string })[] })[];
  skipped: { path: string; reason: string }[];
}

/** Documents in path order (the order an exact join lists an actor's mentions and roles in; a patched one may not). */
const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

export function exportIndex(index: CorpusIndex, findings: Finding[], rel: (id: string) => string, skipped: { id: string; reason: string }[] = []): IndexJson {
  const docs = index.paths().sort();
  const at = (path: string, span: Span) => rangeOf(index.get(path)!.lineStarts, span);
  const claimId = (ref: { path: string; index: number }) => index.claim(ref)?.id ?? `${ref.path}#${ref.index}`;
  const actorIds = (doc: DocumentAnalysis, entities: number[]) => [...new Set(entities.map((e) => index.actors.actorOf(doc.path, e)).filter((x): x is string => !!x))];
  return {
    version: 1,
    documents: docs.map((p) => {
      const d = index.get(p)!;
      return { path: rel(p), title: d.titleText, date: d.date && { ...d.date }, boilerplate: d.boilerplate.map((s) => at(p, s)) };
    }),
    actors: [...index.actors.actors]
      .sort((a, b) => mentionCountOf(b) - mentionCountOf(a) || (a.id < b.id ? -1 : 1))
      .map((a) => ({
        id: a.id,
        name: a.name,
        kind: a.kind,
        aliases: a.aliases,
        roles: [...new Set([...a.roles].sort(byPath).map((r) => r.role))],
        mentions: [...a.mentions].sort((x, y) => byPath(x, y) || x.index - y.index).map((ref) => {
          const m = index.mention(ref)!;
          return { path: rel(ref.path), ...at(ref.path, m), text: m.text, kind: m.kind, confidence: m.confidence };
        }),
      })),
    dates: docs.flatMap((p) => index.get(p)!.dates.map((d) => ({ path: rel(p), ...at(p, d), text: d.text, value: d.value, kind: d.kind, anchor: d.anchor, evidence: d.evidence }))),
    claims: docs.flatMap((p) => {
      const d = index.get(p)!;
      return d.claims.map((c, i) => ({
        id: c.id,
        path: rel(p),
        ...at(p, c),
        text: c.text,
        attribution: c.attribution,
        source: c.sourceEntity !== undefined ? (index.actors.actorOf(p, c.sourceEntity) ?? null) : null,
        sourceText: c.sourceText ?? null,
        actors: actorIds(d, c.entities),
        cluster: index.claims.clusterOf({ path: p, index: i })?.id ?? null,
        hedged: c.hedged,
      }));
    }),
    contradictions: index.claims.contradictions.map((c) => ({ a: claimId(c.a), b: claimId(c.b), reason: c.reason, confidence: c.confidence, type: c.type })),
    diagnostics: findings.map((f) => ({
      path: rel(f.path),
      ...at(f.path, f.span),
      severity: f.severity,
      code: f.code,
      message: f.message,
      related: f.related.map((r) => ({ path: rel(r.path), ...at(r.path, r.span), message: r.message })),
    })),
    skipped: skipped.map((s) => ({ path: rel(s.id), reason: s.reason })),
  };
}
