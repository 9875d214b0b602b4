import type { EntityOwners } from '../actors/resolveActors';
import type { Contradiction } from '../types';
import { buildClaimGraph, type ClaimGraph } from './claimGraph';
import { cachedActorKeys, ClaimKeyIndex, ClaimNumbering, joinDocumentOf, StatementIndex, type JoinDocument } from './claimKeyIndex';
import { runToEnd, STEP_ITEMS, STEP_DOCUMENTS, type JoinSteps } from '../joinSteps';
import { actorKeys, signClaim, type ClaimSignature, type LinkDocument } from './claimSignature';
import { compatible, judgePair } from './contradictions';
import { agentsConflict, bestAgreement, oppositeFrames, sharedNouns } from './frameMatch';

export type { ClaimGraph } from './claimGraph';

export interface LinkOptions {
  /** weighted overlap from which two claims are the same claim */
  sameClaim?: number;
  /** weighted overlap from which two claims are about the same thing (contradiction candidates) */
  sameTopic?: number;
}

/** A key shared by more claims than this is too common to propose candidates (it still counts in the score). */
export const MAX_POSTINGS = 400;
/** keys two claims must share to be compared */
export const MIN_SHARED_KEYS = 2;
/** weighted overlap from which two claims are compared (frame agreement may link them) */
export const FRAME_FLOOR = 0.15;
/** weighted overlap from which two claims with no agreeing frame may still be the same claim (on nouns) */
const CONTENT_SIMILARITY = 0.35;
/** weighted overlap needed when two frames agree on agent and event but share no participant */
const WEAK_FRAME_SIMILARITY = 0.3;
/** full signatures kept at once (only claims of candidate pairs are signed; the scan meets them again soon) */
const SIGNATURE_CACHE = 4096;

/** The signatures of one document's claims, as the pair rules compare them. */
export function signDocument(path: string, doc: LinkDocument, actors: EntityOwners): ClaimSignature[] {
  const actorKey = cachedActorKeys(path, actors);
  return doc.claims.map((claim) => signClaim(claim, doc.date, actorKey));
}

/**
 * Candidate pairs come from an inverted index over actor ids, terms and quantity units (never all
 * pairs; very common keys do not propose candidates; claimKeyIndex.ts). Two claims are the same
 * claim when they say the same WHO does the same WHAT (frames, see frameMatch.ts), or state
 * compatible figures of the same unit about shared things, or, failing both, share two content
 * nouns with a high weighted overlap and no conflicting agents. Each claim keeps its best partner;
 * clusters are the connected components of those links. Documents with the same content hash are
 * analysed once: their copies join the same clusters and contradictions, and never contradict each
 * other. Per claim, the join holds a few integers; full signatures are made only for the pairs
 * that share enough keys.
 */
export function linkClaims(docs: ReadonlyMap<string, LinkDocument | JoinDocument>, actors: EntityOwners, options: LinkOptions = {}): ClaimGraph {
  return runToEnd(claimJoinSteps(docs, actors, options));
}

/** linkClaims as steps: it pauses every few documents, so that a caller can spread it over slices of time. */
export function* claimJoinSteps(docs: ReadonlyMap<string, LinkDocument | JoinDocument>, actors: EntityOwners, options: LinkOptions = {}): JoinSteps<ClaimGraph> {
  const copies = yield* copiesByHash(docs);
  const paths = [...copies.keys()];
  const numbering = new ClaimNumbering(
    paths,
    paths.map((path) => joinDocumentOf(docs.get(path)!)),
  );
  yield;
  const keyIndex = yield* ClaimKeyIndex.build(numbering, actors, MAX_POSTINGS);
  const statements = new StatementIndex(numbering);
  const signatures = new SignatureCache(numbering, actors);
  const count = numbering.count;
  const contradictions: Contradiction[] = [];
  // each claim keeps its best same-claim partner: clusters grow along best matches, not along every weak link
  const best = new Float64Array(count);
  const partner = new Int32Array(count).fill(-1);
  const offer = (i: number, j: number, score: number) => {
    if (score > best[i]) {
      best[i] = score;
      partner[i] = j;
    }
  };
  const shared = new Int32Array(count);
  const candidates: number[] = [];
  for (let d = 0; d < paths.length; d++) {
    const end = numbering.start[d + 1];
    for (let i = numbering.start[d]; i < end; i++) {
      // claims of later documents only: each pair once, never two claims of one document
      keyIndex.candidates(i, end, shared, candidates);
      for (const j of candidates) {
        const n = shared[j];
        shared[j] = 0;
        if (n < MIN_SHARED_KEYS) continue;
        const score = keyIndex.similarity(i, j);
        if (score < FRAME_FLOOR) continue;
        const dj = numbering.docOf(j);
        // a statement the other document also makes itself is an echo of one article, not a conflict
        const echo = statements.states(d, j, dj) || statements.states(dj, i, d);
        const outcome = judgeCandidate(signatures.of(i, d), signatures.of(j, dj), score, echo, options);
        if (outcome.contradiction) {
          contradictions.push({ a: { path: paths[d], index: i - numbering.start[d] }, b: { path: paths[dj], index: j - numbering.start[dj] }, ...outcome.contradiction });
        } else if (outcome.link > 0) {
          offer(i, j, outcome.link);
          offer(j, i, outcome.link);
        }
      }
    }
    if (d % STEP_DOCUMENTS === STEP_DOCUMENTS - 1) yield;
  }
  return yield* buildClaimGraph(numbering, partner, contradictions, copies);
}

/**
 * What two claims whose weighted overlap is `score` (at least FRAME_FLOOR) are: a contradiction (or
 * a change), else the same claim with some strength (`link` > 0), else unrelated (`link` 0).
 * `echo`: one document also states the other's statement itself.
 */
export function judgeCandidate(a: ClaimSignature, b: ClaimSignature, score: number, echo: boolean, options: LinkOptions = {}): { contradiction: Verdict | null; link: number } {
  const contradiction = echo || score < (options.sameTopic ?? 0.2) ? null : judgePair(a, b, score);
  if (contradiction) return { contradiction, link: 0 };
  return { contradiction: null, link: sameClaimScore(a, b, score, options.sameClaim ?? CONTENT_SIMILARITY) };
}

type Verdict = NonNullable<ReturnType<typeof judgePair>>;

/** Full signatures of recently compared claims. */
class SignatureCache {
  private readonly cache = new Map<number, ClaimSignature>();

  constructor(
    private readonly numbering: ClaimNumbering,
    private readonly actors: EntityOwners,
  ) {}

  of(i: number, d: number): ClaimSignature {
    let s = this.cache.get(i);
    if (!s) {
      if (this.cache.size >= SIGNATURE_CACHE) this.cache.delete(this.cache.keys().next().value!);
      s = signClaim(this.numbering.claim(d, i), this.numbering.docs[d].date, actorKeys(this.numbering.paths[d], this.actors));
      this.cache.set(i, s);
    }
    return s;
  }
}

/** 0 when the two claims are not the same claim; else how strongly they are (for choosing best partners). */
function sameClaimScore(a: ClaimSignature, b: ClaimSignature, score: number, contentSimilarity: number): number {
  if (figuresDisagree(a, b)) return 0;
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

function sharedActors(a: ClaimSignature, b: ClaimSignature): number {
  let n = 0;
  for (const id of a.actors) if (b.actors.has(id)) n++;
  return n;
}

/**
 * For some unit both claims count in (not a span of time), no figure of one can be a figure of the
 * other ("6,467 million dollars" / "3,501 million dollars"): whatever else they share, they do not
 * state the same thing (a contradiction or a change when they are about the same thing: judgePair).
 */
function figuresDisagree(a: ClaimSignature, b: ClaimSignature): boolean {
  const qa = a.claim.quantities;
  const qb = b.claim.quantities;
  for (const q of qa) {
    if (q.unit === '' || TIME_UNITS.has(q.unit) || !qb.some((o) => o.unit === q.unit)) continue;
    if (!qa.some((x) => x.unit === q.unit && qb.some((y) => y.unit === q.unit && compatible(x, y)))) return true;
  }
  return false;
}

/**
 * Both state a quantity of the same unit (not a span of time or a percentage of who knows what)
 * whose ranges overlap and whose figures are close ("over a million" / "a million"; not "over 345"
 * / "millions"). Returns the words the figures count, which do not count as shared content.
 */
function sameQuantity(a: ClaimSignature, b: ClaimSignature): { unitTerms: Set<string> } | null {
  const qas = a.claim.quantities;
  const qbs = b.claim.quantities;
  for (let i = 0; i < qas.length; i++) {
    const qa = qas[i];
    if (qa.unit === '' || TIME_UNITS.has(qa.unit) || qa.unit === 'percent') continue;
    for (let j = 0; j < qbs.length; j++) {
      const qb = qbs[j];
      if (qb.unit !== qa.unit || !compatible(qa, qb)) continue;
      if (Math.max(qa.value, qb.value) > CLOSE_FIGURES * Math.min(qa.value, qb.value)) continue;
      return { unitTerms: new Set([a.counted[i], b.counted[j]]) };
    }
  }
  return null;
}

const CLOSE_FIGURES = 1.5;

const TIME_UNITS = new Set(['years', 'months', 'weeks', 'days', 'hours']);

/**
 * Representative path of each distinct content hash -> the other paths with that content, in path
 * order (so cluster ids and the order of contradictions do not depend on the order documents were read).
 */
function* copiesByHash(docs: ReadonlyMap<string, { hash: string }>): JoinSteps<Map<string, string[]>> {
  const byHash = new Map<string, string>();
  const copies = new Map<string, string[]>();
  const paths = [...docs.keys()];
  // documents usually come in path order already (CorpusIndex): checking is cheaper than sorting
  if (paths.some((path, i) => i > 0 && paths[i - 1] > path)) paths.sort();
  for (const [n, path] of paths.entries()) {
    if (n % STEP_ITEMS === STEP_ITEMS - 1) yield;
    const doc = docs.get(path)!;
    const first = doc.hash ? byHash.get(doc.hash) : undefined;
    if (first) copies.get(first)!.push(path);
    else {
      if (doc.hash) byHash.set(doc.hash, path);
      copies.set(path, []);
    }
  }
  return copies;
}
