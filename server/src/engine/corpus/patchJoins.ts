import type { ActorTable } from '../actors/resolveActors';
import type { ClaimGraph } from '../claims/linkClaims';
import { actorPrint, PatchedActorTable } from './actorPatch';
import { residentLinkDocument } from './claimJoin';
import { patchClaimGraph, sameClaims } from './claimPatch';
import { residentContribution, type ResidentDocument } from './residentDocument';

/** The joins the corpus index holds between two exact joins. */
export interface Joins {
  actors: ActorTable;
  claims: ClaimGraph | undefined;
}

/**
 * Applies one changed document to the joins (provisionally: see CorpusIndex), from its two versions'
 * resident parts, which is what the joins read (no analysis is read to patch, so an edit reads no
 * file). `before` or `after` is undefined for a document added or removed. Says which joins changed.
 */
export function patchJoins(joins: Joins, path: string, before: ResidentDocument | undefined, after: ResidentDocument | undefined): { actorsChanged: boolean; claimsChanged: boolean } {
  const [old, doc] = [before, after].map((r) => r && residentContribution(r));
  const actorsChanged = actorPrint(old) !== actorPrint(doc);
  if (actorsChanged) {
    const patched = joins.actors instanceof PatchedActorTable ? joins.actors : new PatchedActorTable(joins.actors);
    patched.apply(path, old, doc);
    joins.actors = patched;
  }
  if (!joins.claims) return { actorsChanged, claimsChanged: false };
  const [oldClaims, claims] = [before, after].map((r) => r && residentLinkDocument(r));
  if (!actorsChanged && sameClaims(oldClaims, claims)) return { actorsChanged, claimsChanged: false };
  joins.claims = patchClaimGraph(joins.claims, path, oldClaims, claims);
  return { actorsChanged, claimsChanged: true };
}
