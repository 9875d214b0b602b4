import { DocumentHighlightKind, type DocumentHighlight, type DocumentHighlightParams } from 'vscode-languageserver';
import type { LanguageService } from '../engine/languageService';
import { entitiesOf, mentionAt } from '../engine/queries';
import { toOffset, toRange } from './convert';

/** Every mention of the actor under the cursor in the open document; its full-name mentions as "write" highlights. */
export function provideDocumentHighlights(service: LanguageService, params: DocumentHighlightParams): DocumentHighlight[] {
  const doc = service.index.get(params.textDocument.uri);
  if (!doc) return [];
  const hit = mentionAt(service.index, doc.path, toOffset(doc, params.position));
  if (!hit?.actor) return [];
  const entities = entitiesOf(service.index, doc, hit.actor.id);
  const full = hit.actor.name.toLowerCase();
  return doc.mentions
    .filter((m) => entities.has(m.entity))
    .map((m) => ({
      range: toRange(doc, m),
      kind: m.text.replace(/\s+/g, ' ').toLowerCase().includes(full) ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
    }));
}
