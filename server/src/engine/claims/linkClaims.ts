import type { ActorTable } from '../actors/resolveActors';
import type { ClaimCluster, ClaimRef, Contradiction, DocumentAnalysis } from '../types';
import { keyWeights, signClaim, similarity, type ClaimSignature } from './claimSignature';
import { claimsLexicon } from './claimsLexicon';
import { compatible, judgePair } from './contradictions';

/** Claims joined across documents: the same claim told in several articles, and contradictions. */
export interface ClaimGraph {
  clusters: ClaimCluster[];
  clusterOf(ref: ClaimRef): ClaimCluster | undefined;
  contradictions: Contradiction[];
  contradictionsOf(ref: ClaimRef): Contradiction[];
}

export interface LinkOptions {
  /** weighted overlap from which two claims are the same claim */
  sameClaim?: number;
  /** weighted overlap from which two claims are about the same thing (contradiction candidates) */
  sameTopic?: number;
}

/** A key shared by more claims than this is too common to propose candidates (it still counts in the score). */
const MAX_POSTINGS = 400;
const MIN_SHARED_KEYS = 2;
const PRONOUNS = new Set(['it', 'they', 'he', 'she', 'we', 'i', 'you', 'this', 'that', 'which', 'who']);

/**
 * Candidate pairs come from an inverted index over actor ids, terms and quantity units (never all
 * pairs; very common keys do not propose candidates). A pair is the same claim when its weighted
 * overlap is high and it shares more than actors: a content term or a predicate besides them.
 * Clusters are the connected components of those links; contradictions are judged on pairs
 * about the same thing (see contradictions.ts).
 */
export function linkClaims(docs: ReadonlyMap<string, DocumentAnalysis>, actors: ActorTable, options: LinkOptions = {}): ClaimGraph {
  const sameClaim = options.sameClaim ?? 0.3;
  const sameTopic = options.sameTopic ?? 0.25;
  const signatures: ClaimSignature[] = [];
  for (const [path, doc] of docs) doc.claims.forEach((claim, index) => signatures.push(signClaim(path, index, claim, doc.date, actors)));
  const weight = keyWeights(signatures);
  const postings = new Map<string, number[]>();
  signatures.forEach((s, i) => {
    for (const k of s.keys) {
      let list = postings.get(k);
      if (!list) postings.set(k, (list = []));
      if (list.length <= MAX_POSTINGS) list.push(i);
    }
  });
  const parent = signatures.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const contradictions: Contradiction[] = [];
  const counts = new Map<number, number>();
  // each claim keeps its best same-claim partner: clusters grow along best matches, not along every weak link
  const best = new Float64Array(signatures.length);
  const partner = new Int32Array(signatures.length).fill(-1);
  const offer = (i: number, j: number, score: number) => {
    if (score > best[i]) {
      best[i] = score;
      partner[i] = j;
    }
  };
  signatures.forEach((a, i) => {
    counts.clear();
    for (const k of a.keys) {
      const list = postings.get(k)!;
      if (list.length > MAX_POSTINGS) continue;
      for (const j of list) if (j > i && signatures[j].ref.path !== a.ref.path) counts.set(j, (counts.get(j) ?? 0) + 1);
    }
    for (const [j, n] of counts) {
      if (n < MIN_SHARED_KEYS) continue;
      const b = signatures[j];
      const { score, shared } = similarity(a, b, weight);
      if (score < sameTopic || !sharesSubstance(shared, a, b)) continue;
      const verdict = judgePair(a, b, score);
      if (verdict) contradictions.push({ a: a.ref, b: b.ref, ...verdict });
      const samePolarity = polarity(a) === polarity(b);
      if (!verdict && samePolarity && score >= sameClaim && (sameQuantity(a, b) || compatibleSubjects(a, b))) {
        offer(i, j, score);
        offer(j, i, score);
      }
    }
  });
  partner.forEach((j, i) => {
    if (j >= 0) parent[find(j)] = find(i);
  });
  return buildGraph(signatures, find, contradictions);
}

/**
 * More than shared names ("two claims that share only a country and the word 'war' are not the
 * same claim"): a shared predicate or quantity unit plus a content term besides it, or three
 * shared content terms.
 */
function sharesSubstance(shared: string[], a: ClaimSignature, b: ClaimSignature): boolean {
  const content = shared.filter((k) => !k.startsWith('#') && !a.names.has(k) && !b.names.has(k));
  const names = shared.length - content.length - shared.filter((k) => k.startsWith('#')).length;
  const predicate = a.claim.predicates.find((p) => b.claim.predicates.includes(p));
  const quantity = shared.some((k) => k.startsWith('#'));
  if (content.length === 0) return false;
  if (predicate || quantity) return content.length >= 2 || quantity || names >= 1;
  return content.length >= 2 || names >= 2;
}

/** Who the claims are about agree: a shared subject key; an unknown subject (pronoun, elided, a reported clause) does not object. */
function compatibleSubjects(a: ClaimSignature, b: ClaimSignature): boolean {
  const sa = [...a.subject].filter((k) => !PRONOUNS.has(k));
  const sb = [...b.subject].filter((k) => !PRONOUNS.has(k));
  if (sa.length === 0 || sb.length === 0) return true;
  return sa.some((k) => b.subject.has(k));
}

/** Negation folded with negative predicates: "will not join" and "denying membership" are both negative. */
function polarity(s: ClaimSignature): boolean {
  const negative = claimsLexicon().negativePredicates;
  return s.claim.negated !== s.claim.predicates.some((p) => negative.has(p));
}

/** Both state a quantity of the same unit, values compatible. */
function sameQuantity(a: ClaimSignature, b: ClaimSignature): boolean {
  return a.claim.quantities.some((qa) => qa.unit !== '' && b.claim.quantities.some((qb) => qb.unit === qa.unit && compatible(qa, qb)));
}

function buildGraph(signatures: ClaimSignature[], find: (i: number) => number, contradictions: Contradiction[]): ClaimGraph {
  const groups = new Map<number, ClaimRef[]>();
  signatures.forEach((s, i) => {
    const root = find(i);
    let list = groups.get(root);
    if (!list) groups.set(root, (list = []));
    list.push(s.ref);
  });
  const clusters: ClaimCluster[] = [];
  const byRef = new Map<string, ClaimCluster>();
  for (const [root, refs] of groups) {
    if (refs.length < 2) continue;
    const cluster = { id: `k-${signatures[root].claim.id}`, claims: refs };
    clusters.push(cluster);
    for (const r of refs) byRef.set(refKey(r), cluster);
  }
  const contradictionsByRef = new Map<string, Contradiction[]>();
  for (const c of contradictions) {
    for (const r of [c.a, c.b]) {
      const key = refKey(r);
      const list = contradictionsByRef.get(key);
      if (list) list.push(c);
      else contradictionsByRef.set(key, [c]);
    }
  }
  return {
    clusters,
    clusterOf: (ref) => byRef.get(refKey(ref)),
    contradictions,
    contradictionsOf: (ref) => contradictionsByRef.get(refKey(ref)) ?? [],
  };
}

function refKey(ref: ClaimRef): string {
  return `${ref.path}\u0000${ref.index}`;
}
