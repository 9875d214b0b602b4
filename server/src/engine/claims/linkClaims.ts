import type { ActorTable } from '../actors/resolveActors';
import type { ClaimCluster, ClaimRef, Contradiction, DocumentAnalysis } from '../types';

/** Claims joined across documents: the same claim told in several articles, and contradictions. */
export interface ClaimGraph {
  clusters: ClaimCluster[];
  clusterOf(ref: ClaimRef): ClaimCluster | undefined;
  contradictions: Contradiction[];
  contradictionsOf(ref: ClaimRef): Contradiction[];
}

/** STUB (issue 5 replaces it): no clusters, no contradictions. */
export function linkClaims(docs: ReadonlyMap<string, DocumentAnalysis>, actors: ActorTable): ClaimGraph {
  void docs;
  void actors;
  return { clusters: [], clusterOf: () => undefined, contradictions: [], contradictionsOf: () => [] };
}
