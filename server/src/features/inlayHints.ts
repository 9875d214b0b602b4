import { InlayHintKind, type InlayHint, type InlayHintParams } from 'vscode-languageserver';
import type { LanguageService } from '../engine/languageService';
import { toOffset, toRange } from './convert';

/** Normalised values after relative date expressions ("last winter" → 2018-WI), inside the requested range. */
export function provideInlayHints(service: LanguageService, params: InlayHintParams): InlayHint[] {
  const doc = service.index.get(params.textDocument.uri);
  if (!doc) return [];
  const from = toOffset(doc, params.range.start);
  const to = toOffset(doc, params.range.end);
  return doc.dates
    .filter((d) => d.value && d.anchor !== 'absolute' && d.end >= from && d.start <= to && d.value !== d.text)
    .map((d) => ({
      position: toRange(doc, d).end,
      label: `→ ${d.value}`,
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip: d.evidence || undefined,
    }));
}
