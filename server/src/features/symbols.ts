import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams, type SymbolInformation, type WorkspaceSymbolParams } from 'vscode-languageserver';
import { mentionCountOf } from '../engine/actors/mentionRefs';
import { clip } from '../engine/diagnostics';
import { fileName } from '../engine/describe';
import type { LanguageService } from '../engine/languageService';
import { claimQuote } from '../engine/corpus/claimQuote';
import { actorsMatching, claimsWithWords } from '../engine/queries';
import type { ActorKind, DocumentAnalysis, Span } from '../engine/types';
import { mentionLocation, toLocation, toRange } from './convert';

const ACTOR_SYMBOL: Record<ActorKind, SymbolKind> = {
  person: SymbolKind.Object,
  state: SymbolKind.Namespace,
  organization: SymbolKind.Class,
  place: SymbolKind.Module,
  group: SymbolKind.Struct,
  other: SymbolKind.Variable,
};

/** Outline: the title, the actors of the document, dated expressions, and claims grouped by section. */
export function provideDocumentSymbols(service: LanguageService, params: DocumentSymbolParams): DocumentSymbol[] {
  const doc = service.index.get(params.textDocument.uri);
  if (!doc) return [];
  const symbol = (name: string, detail: string, kind: SymbolKind, span: Span, children: DocumentSymbol[] = []): DocumentSymbol => ({
    name: name.trim() || '(untitled)',
    detail,
    kind,
    range: toRange(doc, span),
    selectionRange: toRange(doc, span),
    children,
  });
  const out: DocumentSymbol[] = [];
  if (doc.title && doc.titleText) out.push(symbol(doc.titleText, doc.date ? `dated ${doc.date.value}` : 'title', SymbolKind.File, doc.title));
  const actors = actorGroups(service, doc);
  if (actors.length) {
    const children = actors.map((a) => symbol(a.name, `${a.kind} · ${a.count} here`, ACTOR_SYMBOL[a.kind], a.first));
    out.push(symbol('Actors', `${actors.length}`, SymbolKind.Namespace, cover(actors.map((a) => a.first)), children));
  }
  const dated = doc.dates.filter((d) => d.value);
  if (dated.length) {
    out.push(symbol('Dates', `${dated.length}`, SymbolKind.Namespace, cover(dated), dated.map((d) => symbol(d.text, d.value ?? '', SymbolKind.Event, d))));
  }
  if (doc.claims.length) out.push(...claimSections(doc, symbol));
  return out;
}

function claimSections(doc: DocumentAnalysis, symbol: (n: string, d: string, k: SymbolKind, s: Span, c?: DocumentSymbol[]) => DocumentSymbol): DocumentSymbol[] {
  const sections = new Map<number, DocumentAnalysis['claims']>();
  for (const c of doc.claims) {
    const section = doc.sentences[c.sentence]?.section ?? -1;
    (sections.get(section) ?? sections.set(section, []).get(section)!).push(c);
  }
  return [...sections].map(([section, claims]) => {
    const heading = doc.headings[section];
    const children = claims.map((c) => symbol(clip(c.text, 70), c.attribution, SymbolKind.String, c));
    return symbol(heading ? `Claims · ${clip(heading.text, 40)}` : 'Claims', `${claims.length}`, SymbolKind.Namespace, cover(claims), children);
  });
}

function cover(spans: Span[]): Span {
  return { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
}

function actorGroups(service: LanguageService, doc: DocumentAnalysis) {
  const groups = new Map<string, { name: string; kind: ActorKind; count: number; first: Span }>();
  for (const m of doc.mentions) {
    const id = service.index.actors.actorOf(doc.path, m.entity);
    const actor = id ? service.index.actors.byId.get(id) : undefined;
    if (!actor || m.kind === 'demonym') continue;
    const g = groups.get(actor.id);
    if (g) g.count++;
    else groups.set(actor.id, { name: actor.name, kind: actor.kind, count: 1, first: m });
  }
  return [...groups.values()].sort((a, b) => a.first.start - b.first.start);
}

/** Ctrl+T: actors (by name or alias) and claims (by words) across the corpus. */
export async function provideWorkspaceSymbols(service: LanguageService, params: WorkspaceSymbolParams, isCancelled: () => boolean = () => false, limit = 200): Promise<SymbolInformation[]> {
  const query = params.query.trim().toLowerCase();
  const words = query.split(/\s+/).filter(Boolean);
  const out: SymbolInformation[] = [];
  for (const { actor, defining } of await actorsMatching(service.index, query, limit, isCancelled)) {
    const location = mentionLocation(service.index, defining);
    if (location) out.push({ name: actor.name, kind: ACTOR_SYMBOL[actor.kind], location, containerName: `${actor.kind} · ${mentionCountOf(actor)} mentions` });
  }
  if (out.length >= limit || isCancelled()) return out;
  if (words.length === 0) return out;
  for (const ref of await claimsWithWords(service.index, words, limit - out.length, isCancelled)) {
    const quote = claimQuote(service.index, ref);
    if (quote) out.push({ name: clip(quote.text, 80), kind: SymbolKind.String, location: toLocation(service.index.resident(ref.path)!, quote), containerName: `claim · ${quote.attribution} · ${fileName(ref.path)}` });
  }
  return out;
}
