/**
 * The result of the claim join: clusters (connected components of best-partner links, with the
 * copies of duplicated documents) and contradictions, looked up by claim. Only claims that are in
 * a cluster or a contradiction are held; everything per claim of the join is gone.
 */
import type { ClaimCluster, ClaimRef, Contradiction } from '../types';
import type { ClaimNumbering } from './claimKeyIndex';
import { STEP_ITEMS, STEP_DOCUMENTS, type JoinSteps } from '../joinSteps';

/** Claims joined across documents: the same claim told in several articles, and contradictions. */
export interface ClaimGraph {
  clusters: ClaimCluster[];
  clusterOf(ref: ClaimRef): ClaimCluster | undefined;
  contradictions: Contradiction[];
  contradictionsOf(ref: ClaimRef): Contradiction[];
}

/** Values by claim reference, grouped by document (few documents hold any). */
class ByRef<T> {
  private readonly byPath = new Map<string, Map<number, T>>();

  get(ref: ClaimRef): T | undefined {
    return this.byPath.get(ref.path)?.get(ref.index);
  }

  set(ref: ClaimRef, value: T): void {
    let inDoc = this.byPath.get(ref.path);
    if (!inDoc) this.byPath.set(ref.path, (inDoc = new Map()));
    inDoc.set(ref.index, value);
  }
}

/**
 * Clusters are the connected components of the links claim i -> partner[i] (-1: none), in the
 * order of their first claim, named after the claim at the root of the union; a copy of a document
 * states its original's claims and gets its contradictions, against the other side's original.
 * `partner` is used as scratch.
 */
export function* buildClaimGraph(numbering: ClaimNumbering, partner: Int32Array, found: Contradiction[], copies: ReadonlyMap<string, readonly string[]>): JoinSteps<ClaimGraph> {
  const clusters = yield* clustersOf(numbering, partner, copies);
  const contradictions: Contradiction[] = [];
  for (const c of found) {
    contradictions.push(c);
    for (const path of copies.get(c.a.path) ?? []) contradictions.push({ ...c, a: { path, index: c.a.index } });
    for (const path of copies.get(c.b.path) ?? []) contradictions.push({ ...c, b: { path, index: c.b.index } });
  }
  return claimGraphOf({ clusters, contradictions });
}

/** What a claim graph is made of, as plain data (what a worker thread that joined the claims sends back). */
export interface ClaimGraphParts {
  clusters: ClaimCluster[];
  contradictions: Contradiction[];
}

/** The claim graph of these clusters and contradictions: its look-ups by claim, in a scope that holds nothing else of the join. */
export function claimGraphOf({ clusters, contradictions }: ClaimGraphParts): ClaimGraph {
  const byRef = new ByRef<ClaimCluster>();
  for (const cluster of clusters) for (const ref of cluster.claims) byRef.set(ref, cluster);
  const contradictionsByRef = new ByRef<Contradiction[]>();
  for (const c of contradictions) {
    for (const r of [c.a, c.b]) {
      const list = contradictionsByRef.get(r);
      if (list) list.push(c);
      else contradictionsByRef.set(r, [c]);
    }
  }
  return {
    clusters,
    clusterOf: (ref) => byRef.get(ref),
    contradictions,
    contradictionsOf: (ref) => contradictionsByRef.get(ref) ?? [],
  };
}

function* clustersOf(numbering: ClaimNumbering, partner: Int32Array, copies: ReadonlyMap<string, readonly string[]>): JoinSteps<ClaimCluster[]> {
  const count = numbering.count;
  const parent = new Int32Array(count);
  for (let i = 0; i < count; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (let i = 0; i < count; i++) {
    if (partner[i] >= 0) parent[find(partner[i])] = find(i);
    if (i % STEP_ITEMS === STEP_ITEMS - 1) yield;
  }
  const copiesOf = numbering.paths.map((path) => copies.get(path) ?? []);
  const size = partner.fill(0);
  yield* forEachClaim(numbering, (i, d) => (size[find(i)] += 1 + copiesOf[d].length));
  const clusters: ClaimCluster[] = [];
  const clusterOfRoot = new Map<number, ClaimCluster>();
  yield* forEachClaim(numbering, (i, d) => {
    const root = find(i);
    if (size[root] < 2) return;
    let cluster = clusterOfRoot.get(root);
    if (!cluster) {
      cluster = { id: `k-${numbering.claim(numbering.docOf(root), root).id}`, claims: [] };
      clusterOfRoot.set(root, cluster);
      clusters.push(cluster);
    }
    const index = i - numbering.start[d];
    for (const path of [numbering.paths[d], ...copiesOf[d]]) {
      cluster.claims.push({ path, index });
    }
  });
  return clusters;
}

function* forEachClaim(numbering: ClaimNumbering, visit: (i: number, d: number) => void): JoinSteps<void> {
  for (let d = 0; d < numbering.docs.length; d++) {
    for (let i = numbering.start[d]; i < numbering.start[d + 1]; i++) visit(i, d);
    if (d % STEP_DOCUMENTS === STEP_DOCUMENTS - 1) yield;
  }
}
