import type { SemanticTokens, SemanticTokensLegend, SemanticTokensParams } from 'vscode-languageserver';
import type { LanguageService } from '../engine/languageService';
import { positionAt } from '../engine/text/lines';
import type { DocumentAnalysis, Span } from '../engine/types';

/**
 * Semantic tokens: actors by kind (person, state, organization, place, group), dates, and claims with
 * their attribution as a modifier. Custom types declare standard super-types in package.json
 * (person -> variable, state -> namespace, …) so every theme colours them; claims have no super-type,
 * so they are only styled where the user asks (see README).
 */
export const TOKEN_TYPES = ['person', 'state', 'organization', 'place', 'group', 'actor', 'date', 'claim'] as const;
export const TOKEN_MODIFIERS = ['sourced', 'vague', 'unsourced', 'inferred', 'metonym', 'demonym', 'relative'] as const;
export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = (typeof TOKEN_TYPES)[number];
type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

interface Piece extends Span {
  type: TokenType;
  modifiers: TokenModifier[];
  /** Higher wins where pieces overlap. */
  priority: number;
}

export function provideSemanticTokens(service: LanguageService, params: SemanticTokensParams): SemanticTokens {
  const doc = service.index.get(params.textDocument.uri);
  if (!doc) return { data: [] };
  const pieces: Piece[] = [];
  for (const m of doc.mentions) {
    const id = service.index.actors.actorOf(doc.path, m.entity);
    const kind = id ? service.index.actors.byId.get(id)?.kind : undefined;
    const type: TokenType = kind && kind !== 'other' ? kind : 'actor';
    const modifiers: TokenModifier[] = m.kind === 'descriptive' ? ['inferred'] : m.kind === 'metonym' ? ['metonym'] : m.kind === 'demonym' ? ['demonym'] : [];
    pieces.push({ start: m.start, end: m.end, type, modifiers, priority: 2 });
  }
  for (const d of doc.dates) pieces.push({ start: d.start, end: d.end, type: 'date', modifiers: d.anchor === 'absolute' ? [] : ['relative'], priority: 2 });
  for (const c of doc.claims) pieces.push({ start: c.start, end: c.end, type: 'claim', modifiers: [c.attribution], priority: 1 });
  return { data: encode(doc, flatten(pieces)) };
}

/** Non-overlapping pieces in order: a higher-priority piece cuts a hole in a lower one. */
function flatten(pieces: Piece[]): Piece[] {
  const high = pieces.filter((p) => p.priority === 2).sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Piece[] = [];
  let lastEnd = -1;
  for (const p of high) {
    if (p.start < lastEnd) continue;
    kept.push(p);
    lastEnd = p.end;
  }
  const out: Piece[] = [...kept];
  for (const low of pieces.filter((p) => p.priority === 1)) {
    let from = low.start;
    for (const h of kept) {
      if (h.end <= from || h.start >= low.end) continue;
      if (h.start > from) out.push({ ...low, start: from, end: h.start });
      from = Math.max(from, h.end);
    }
    if (from < low.end) out.push({ ...low, start: from, end: low.end });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** LSP's relative encoding; pieces crossing a line break are split per line (clients need not support multi-line tokens). */
function encode(doc: DocumentAnalysis, pieces: Piece[]): number[] {
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  for (const p of pieces) {
    const typeIndex = TOKEN_TYPES.indexOf(p.type);
    const mods = p.modifiers.reduce((bits, m) => bits | (1 << TOKEN_MODIFIERS.indexOf(m)), 0);
    const start = positionAt(doc.lineStarts, p.start);
    const end = positionAt(doc.lineStarts, p.end);
    for (let line = start.line; line <= end.line; line++) {
      const from = line === start.line ? start.character : 0;
      const lineLength = (line + 1 < doc.lineStarts.length ? doc.lineStarts[line + 1] : doc.length) - doc.lineStarts[line];
      const to = line === end.line ? end.character : lineLength;
      const length = to - from;
      if (length <= 0) continue;
      data.push(line - prevLine, line === prevLine ? from - prevChar : from, length, typeIndex, mods);
      prevLine = line;
      prevChar = from;
    }
  }
  return data;
}
