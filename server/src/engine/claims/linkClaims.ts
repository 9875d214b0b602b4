import type { ActorTable } from '../actors/resolveActors';
import type { ClaimCluster, ClaimRef, Contradiction, DocumentAnalysis, Quantity } from '../types';
import { keyWeights, signClaim, similarity, type ClaimSignature } from './claimSignature';
import { claimsLexicon } from './claimsLexicon';
import { compatible, judgePair } from './contradictions';
import { bestAgreement, oppositeFrames, sharedNouns } from './frameMatch';
import { canonical } from './claimKeys';
import { lemmatize } from './wordTags';

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
/** weighted overlap from which frame agreement may link two claims */
const FRAME_FLOOR = 0.15;
/** weighted overlap from which two claims with no agreeing frame may still be the same claim (on nouns) */
const CONTENT_SIMILARITY = 0.35;
/** weighted overlap needed when two frames agree on agent and event but share no participant */
const WEAK_FRAME_SIMILARITY = 0.3;

/** The signatures of one document's claims: all the corpus step needs from it (usable incrementally). */
export function signDocument(path: string, doc: DocumentAnalysis, actors: ActorTable): ClaimSignature[] {
  return doc.claims.map((claim, index) => signClaim(path, index, claim, doc.date, actors));
}

/**
 * Candidate pairs come from an inverted index over actor ids, terms and quantity units (never all
 * pairs; very common keys do not propose candidates). Two claims are the same claim when they say
 * the same WHO does the same WHAT (frames, see frameMatch.ts), or state compatible figures of the
 * same unit about shared things, or, failing both, share two content nouns with a high weighted
 * overlap and no conflicting agents. Each claim keeps its best partner; clusters are the connected
 * components of those links. Documents with the same content hash are analysed once: their copies
 * join the same clusters and contradictions, and never contradict each other.
 */
export function linkClaims(docs: ReadonlyMap<string, DocumentAnalysis>, actors: ActorTable, options: LinkOptions = {}): ClaimGraph {
  const sameTopic = options.sameTopic ?? 0.2;
  const contentSimilarity = options.sameClaim ?? CONTENT_SIMILARITY;
  const copies = copiesByHash(docs);
  const signatures: ClaimSignature[] = [];
  for (const path of copies.keys()) signatures.push(...signDocument(path, docs.get(path)!, actors));
  const weight = keyWeights(signatures);
  const statements = statementsByDocument(signatures);
  const postings = new Map<string, number[]>();
  signatures.forEach((s, i) => {
    for (const k of s.keys) {
      let list = postings.get(k);
      if (!list) postings.set(k, (list = []));
      if (list.length <= MAX_POSTINGS) list.push(i);
    }
  });
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
      const { score } = similarity(a, b, weight);
      if (score < FRAME_FLOOR) continue;
      // a statement the other document also makes itself is an echo of one article, not a conflict
      const echo = statements.get(a.ref.path)!.has(b.textKey) || statements.get(b.ref.path)!.has(a.textKey);
      const verdict = echo || score < sameTopic ? null : judgePair(a, b, score);
      if (verdict) {
        contradictions.push({ a: a.ref, b: b.ref, ...verdict });
        continue;
      }
      const link = sameClaimScore(a, b, score, contentSimilarity);
      if (link > 0) {
        offer(i, j, link);
        offer(j, i, link);
      }
    }
  });
  return buildGraph(signatures, partner, contradictions, copies);
}

/** 0 when the two claims are not the same claim; else how strongly they are (for choosing best partners). */
function sameClaimScore(a: ClaimSignature, b: ClaimSignature, score: number, contentSimilarity: number): number {
  const agreement = bestAgreement(a, b);
  // the same agent and event with shared participants; with none shared, the wording must agree more
  if (agreement && (agreement.strength > 2 || (agreement.strength === 2 && score >= WEAK_FRAME_SIMILARITY))) return score + 0.25 * agreement.strength;
  if (oppositeFrames(a, b)) return 0;
  const nouns = sharedNouns(a, b);
  const quantity = sameQuantity(a, b);
  if (quantity && (sharedNouns(a, b, quantity.unitTerms) >= 1 || sharedActors(a, b) >= 1)) return score + 0.5;
  if (score >= contentSimilarity && nouns >= 2 && !agentsConflict(a, b)) return score;
  return 0;
}

function mainAgent(s: ClaimSignature): string {
  return s.frames.find((f) => f.agent !== '')?.agent ?? '';
}

function agentsConflict(a: ClaimSignature, b: ClaimSignature): boolean {
  const x = mainAgent(a);
  const y = mainAgent(b);
  return x !== '' && y !== '' && x !== y;
}

function sharedActors(a: ClaimSignature, b: ClaimSignature): number {
  let n = 0;
  for (const id of a.actors) if (b.actors.has(id)) n++;
  return n;
}

/**
 * Both state a quantity of the same unit (not a span of time or a percentage of who knows what)
 * whose ranges overlap and whose figures are close ("over a million" / "a million"; not "over 345"
 * / "millions"). Returns the words the figures count, which do not count as shared content.
 */
function sameQuantity(a: ClaimSignature, b: ClaimSignature): { unitTerms: Set<string> } | null {
  for (const qa of a.claim.quantities) {
    if (qa.unit === '' || TIME_UNITS.has(qa.unit) || qa.unit === 'percent') continue;
    for (const qb of b.claim.quantities) {
      if (qb.unit !== qa.unit || !compatible(qa, qb)) continue;
      if (Math.max(qa.value, qb.value) > CLOSE_FIGURES * Math.min(qa.value, qb.value)) continue;
      return { unitTerms: new Set([unitTerm(qa), unitTerm(qb)]) };
    }
  }
  return null;
}

const CLOSE_FIGURES = 1.5;

/** The counted noun of a quantity, as a canonical term ("3,000 residents" -> resident). */
function unitTerm(q: Quantity): string {
  const words = q.text.toLowerCase().split(/\s+/);
  return canonical(lemmatize(words[words.length - 1] ?? ''));
}

const TIME_UNITS = new Set(['years', 'months', 'weeks', 'days', 'hours']);

/** Representative path of each distinct content hash -> the other paths with that content. */
function copiesByHash(docs: ReadonlyMap<string, DocumentAnalysis>): Map<string, string[]> {
  const byHash = new Map<string, string>();
  const copies = new Map<string, string[]>();
  for (const [path, doc] of docs) {
    const first = doc.hash ? byHash.get(doc.hash) : undefined;
    if (first) copies.get(first)!.push(path);
    else {
      if (doc.hash) byHash.set(doc.hash, path);
      copies.set(path, []);
    }
  }
  return copies;
}

function statementsByDocument(signatures: ClaimSignature[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const s of signatures) {
    let set = out.get(s.ref.path);
    if (!set) out.set(s.ref.path, (set = new Set()));
    set.add(s.textKey);
  }
  return out;
}

function buildGraph(signatures: ClaimSignature[], partner: Int32Array, found: Contradiction[], copies: Map<string, string[]>): ClaimGraph {
  const parent = signatures.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  partner.forEach((j, i) => {
    if (j >= 0) parent[find(j)] = find(i);
  });
  const groups = new Map<number, ClaimRef[]>();
  signatures.forEach((s, i) => {
    const root = find(i);
    let list = groups.get(root);
    if (!list) groups.set(root, (list = []));
    list.push(s.ref);
    // a copy of the document states the same claim
    for (const path of copies.get(s.ref.path) ?? []) list.push({ path, index: s.ref.index });
  });
  const clusters: ClaimCluster[] = [];
  const byRef = new Map<string, ClaimCluster>();
  for (const [root, refs] of groups) {
    if (refs.length < 2) continue;
    const cluster = { id: `k-${signatures[root].claim.id}`, claims: refs };
    clusters.push(cluster);
    for (const r of refs) byRef.set(refKey(r), cluster);
  }
  // each copy gets the contradictions of its original, against the other side's original (linear in copies)
  const contradictions: Contradiction[] = [];
  for (const c of found) {
    contradictions.push(c);
    for (const path of copies.get(c.a.path) ?? []) contradictions.push({ ...c, a: { path, index: c.a.index } });
    for (const path of copies.get(c.b.path) ?? []) contradictions.push({ ...c, b: { path, index: c.b.index } });
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
