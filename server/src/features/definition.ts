import type { DefinitionParams, Location } from 'vscode-languageserver';
import type { LanguageService } from '../engine/languageService';
import { definingMention, mentionAt } from '../engine/queries';
import { mentionLocation, toOffset } from './convert';

/** Go to definition on a mention: the actor's defining mention (first full-name mention, earliest dated document first). */
export function provideDefinition(service: LanguageService, params: DefinitionParams): Location | null {
  const doc = service.index.get(params.textDocument.uri);
  if (!doc) return null;
  const hit = mentionAt(service.index, doc.path, toOffset(doc, params.position));
  if (!hit?.actor) return null;
  const ref = definingMention(service.index, hit.actor);
  return ref ? (mentionLocation(service.index, ref) ?? null) : null;
}
