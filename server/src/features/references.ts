import type { Location, ReferenceParams } from 'vscode-languageserver';
import type { LanguageService } from '../engine/languageService';
import { KEPT_LOCATIONS } from '../engine/corpus/locatedMentions';
import { claimAt, mentionAt, sameClaims } from '../engine/queries';
import { claimLocation, toOffset } from './convert';

/**
 * References listed at most by default (setting `corpusLens.references.maxResults`; 0: no limit):
 * the default of VS Code's own `search.maxResults`. An actor named in most articles of a large
 * archive has hundreds of thousands of mentions: a list no reader scrolls, megabytes of JSON that
 * freeze the references view. Views keep the places of this many mentions. The command "Show All
 * Mentions of the Actor" lists every one.
 */
export const DEFAULT_MAX_REFERENCES = KEPT_LOCATIONS;

/** Told when the list was cut at the limit: how many are listed, how many there are, of what. */
export type OnTruncated = (listed: number, total: number, of: string) => void;

/**
 * References: on an actor, its mentions in every corpus document (aliases included), in reading
 * order; on a claim, every statement of the same claim in other documents. At most `maxResults`
 * (0: all); `onTruncated` hears when some were left out.
 */
export function provideReferences(service: LanguageService, params: ReferenceParams, maxResults = DEFAULT_MAX_REFERENCES, onTruncated?: OnTruncated): Location[] {
  const index = service.index;
  const limit = maxResults > 0 ? maxResults : Infinity;
  const doc = index.get(params.textDocument.uri);
  if (!doc) return [];
  const offset = toOffset(doc, params.position);
  const hit = mentionAt(index, doc.path, offset);
  if (hit?.actor) {
    const skip = params.context.includeDeclaration ? undefined : { path: doc.path, index: hit.index };
    const locations = index.views.locations(hit.actor, skip, limit);
    const total = index.views.mentionCount(hit.actor) - (skip ? 1 : 0);
    if (locations.length >= limit && total > locations.length) onTruncated?.(locations.length, total, `mentions of ${hit.actor.name}`);
    return locations;
  }
  const claim = claimAt(index, doc.path, offset);
  if (!claim) return [];
  const refs = sameClaims(index, claim.ref);
  if (refs.length === 0) return [];
  const all = params.context.includeDeclaration ? [claim.ref, ...refs] : refs;
  if (all.length > limit) onTruncated?.(limit, all.length, 'statements of the claim');
  return all.slice(0, limit).flatMap((r) => claimLocation(index, r) ?? []);
}
