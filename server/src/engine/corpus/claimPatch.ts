import { linkPrint, type LinkClaim, type LinkDocument } from '../claims/claimSignature';
import type { ClaimGraph } from '../claims/linkClaims';
import type { ClaimCluster, ClaimRef, Contradiction, DocumentAnalysis } from '../types';

/**
 * A claim graph with one changed document applied on top of the previous graph: the document's
 * claims that are still there (same statement, wherever it moved) keep their clusters and
 * contradictions under their new index; claims that changed or are new stay unlinked until the
 * exact re-link (CorpusIndex.settle). O(changed document + the clusters it is in).
 */
export function patchClaimGraph(previous: ClaimGraph, path: string, old: LinkDocument | undefined, doc: LinkDocument | undefined): ClaimGraph {
  const remap = claimRemap(old?.claims ?? [], doc?.claims ?? []);
  const move = (ref: ClaimRef): ClaimRef | undefined => {
    if (ref.path !== path) return ref;
    const index = remap.get(ref.index);
    return index === undefined ? undefined : { path, index };
  };
  const clusters = new Map<ClaimCluster, ClaimCluster | null>();
  const contradictions = new Map<Contradiction, Contradiction | null>();
  old?.claims.forEach((_, index) => {
    const cluster = previous.clusterOf({ path, index });
    if (cluster && !clusters.has(cluster)) {
      const refs = cluster.claims.map(move).filter((r): r is ClaimRef => !!r);
      clusters.set(cluster, refs.length >= 2 ? { id: cluster.id, claims: refs } : null);
    }
    for (const c of previous.contradictionsOf({ path, index })) {
      if (contradictions.has(c)) continue;
      const a = move(c.a);
      const b = move(c.b);
      contradictions.set(c, a && b ? { ...c, a, b } : null);
    }
  });
  const inverse = new Map([...remap].map(([from, to]) => [to, from]));
  const before = (ref: ClaimRef): ClaimRef | undefined => {
    if (ref.path !== path) return ref;
    const index = inverse.get(ref.index);
    return index === undefined ? undefined : { path, index };
  };
  const swapCluster = (c: ClaimCluster | undefined) => (c && clusters.has(c) ? (clusters.get(c) ?? undefined) : c);
  const swapContradiction = (c: Contradiction) => (contradictions.has(c) ? contradictions.get(c) : c);
  let clusterList: ClaimCluster[] | undefined;
  let contradictionList: Contradiction[] | undefined;
  return {
    get clusters() {
      return (clusterList ??= previous.clusters.map(swapCluster).filter((c): c is ClaimCluster => !!c));
    },
    get contradictions() {
      return (contradictionList ??= previous.contradictions.map(swapContradiction).filter((c): c is Contradiction => !!c));
    },
    clusterOf(ref) {
      const was = before(ref);
      return was ? swapCluster(previous.clusterOf(was)) : undefined;
    },
    contradictionsOf(ref) {
      const was = before(ref);
      return was ? previous.contradictionsOf(was).map(swapContradiction).filter((c): c is Contradiction => !!c) : [];
    },
  };
}

/** Old claim index -> new claim index, for claims whose statement is unchanged (in order, each matched once). */
function claimRemap(old: readonly LinkClaim[], now: readonly LinkClaim[]): Map<number, number> {
  const free = new Map<string, number[]>();
  now.forEach((c, i) => {
    const k = claimPrint(c);
    (free.get(k) ?? free.set(k, []).get(k)!).push(i);
  });
  const out = new Map<number, number>();
  old.forEach((c, i) => {
    const next = free.get(claimPrint(c))?.shift();
    if (next !== undefined) out.set(i, next);
  });
  return out;
}

/** A claim without its position: what the linking reads (two claims with the same print link the same way). */
export function claimPrint(claim: LinkClaim): string {
  return linkPrint(claim);
}

/** Whether two versions of a document give the claim linking the same input (positions aside). */
export function sameClaims(a: LinkDocument | undefined, b: LinkDocument | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.claims.length !== b.claims.length || a.date?.value !== b.date?.value) return false;
  return a.claims.every((c, i) => claimPrint(c) === claimPrint(b.claims[i]));
}
