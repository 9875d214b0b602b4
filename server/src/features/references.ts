import type { Location, ReferenceParams } from 'vscode-languageserver';
import type { LanguageService } from '../engine/languageService';
import { claimAt, mentionAt, sameClaims } from '../engine/queries';
import { toLocation, toOffset } from './convert';

/**
 * References: on an actor, every mention in every corpus document (aliases included);
 * on a claim, every statement of the same claim in other documents.
 */
export function provideReferences(service: LanguageService, params: ReferenceParams): Location[] {
  const index = service.index;
  const doc = index.get(params.textDocument.uri);
  if (!doc) return [];
  const offset = toOffset(doc, params.position);
  const hit = mentionAt(index, doc.path, offset);
  if (hit?.actor) return index.views.locations(hit.actor, params.context.includeDeclaration ? undefined : { path: doc.path, index: hit.index });
  const claim = claimAt(index, doc.path, offset);
  if (!claim) return [];
  const refs = sameClaims(index, claim.ref);
  if (refs.length === 0) return [];
  const all = params.context.includeDeclaration ? [claim.ref, ...refs] : refs;
  return all.map((r) => toLocation(index.get(r.path)!, index.claim(r)!));
}
