/**
 * What the corpus step compares: a claim reduced to weighted keys (actor ids, content terms,
 * quantity units) and to resolved frames (who does what to what, with actor ids), built from the
 * per-document Claim alone (no text), so one changed document only re-signs its own claims.
 */
import type { ActorTable } from '../actors/resolveActors';
import type { Claim, ClaimFrame, ClaimRef, DocumentDate } from '../types';

export interface SignedFrame {
  event: string;
  negated: boolean;
  /** the agent's head: an actor id ("@russia") or its head noun ("government"); '' when unknown */
  agent: string;
  /** arguments: actor ids and terms */
  args: Set<string>;
  /** the agent was a pronoun resolved to an earlier actor: weaker evidence, never enough for a contradiction */
  coref: boolean;
  /** read from an event noun: background unless its participants agree closely */
  nominal: boolean;
}

export interface ClaimSignature {
  ref: ClaimRef;
  claim: Claim;
  /** document date, when known */
  date: DocumentDate | null;
  /** actor ids ("@russia") and terms, each once */
  keys: string[];
  keySet: Set<string>;
  actors: Set<string>;
  /** keys that only name someone or somewhere: actor ids and capitalised terms */
  names: Set<string>;
  /** subject: actor ids of the subject, else its terms */
  subject: Set<string>;
  frames: SignedFrame[];
  /** content terms used as nouns */
  nouns: Set<string>;
  /** the claim's text folded (case, spacing): the same statement in two documents has the same key */
  textKey: string;
}

export function signClaim(path: string, index: number, claim: Claim, date: DocumentDate | null, actors: ActorTable): ClaimSignature {
  const actorId = (e: number) => {
    const id = actors.actorOf(path, e);
    return id ? '@' + id : undefined;
  };
  const actorIds = new Set<string>();
  for (const e of claim.entities) {
    const id = actorId(e);
    if (id) actorIds.add(id);
  }
  const subject = new Set<string>();
  for (const e of claim.subjectEntities ?? []) {
    const id = actorId(e);
    if (id) subject.add(id);
  }
  for (const t of claim.subject ?? []) subject.add(t);
  const keys = new Set<string>(actorIds);
  // with actors resolved, their ids stand for the names: the name words would count them twice
  const nameTerms = new Set(actorIds.size > 0 ? claim.names ?? [] : []);
  for (const t of claim.terms) if (!nameTerms.has(t)) keys.add(t);
  for (const q of claim.quantities) if (q.unit) keys.add('#' + q.unit);
  const names = new Set<string>([...actorIds, ...(claim.names ?? [])]);
  const frames = (claim.frames ?? []).map((f) => signFrame(f, actorId, new Set(claim.names ?? [])));
  const textKey = claim.text.toLowerCase().replace(/\s+/g, ' ').trim();
  return { ref: { path, index }, claim, date, keys: [...keys], keySet: keys, actors: actorIds, names, subject, frames, nouns: new Set(claim.nouns ?? []), textKey };
}

function signFrame(frame: ClaimFrame, actorId: (e: number) => string | undefined, names: Set<string>): SignedFrame {
  // the head of the agent phrase is its last actor ("Russian President Vladimir Putin" -> Putin), else its last noun
  let agent = '';
  for (const e of frame.agentEntities) agent = actorId(e) ?? agent;
  if (!agent) {
    const nouns = frame.agent.filter((t) => !names.has(t));
    agent = nouns[nouns.length - 1] ?? frame.agent[frame.agent.length - 1] ?? '';
  }
  const args = new Set<string>();
  const argIds = frame.argEntities.map(actorId).filter((id): id is string => !!id);
  for (const id of argIds) args.add(id);
  for (const t of frame.args) if (argIds.length === 0 || !names.has(t)) args.add(t);
  return { event: frame.event, negated: frame.negated, agent, args, coref: !!frame.coref, nominal: !!frame.nominal };
}

/** Inverse document frequency of each key over the claims (a claim counts once per key). */
export function keyWeights(signatures: ClaimSignature[]): (key: string) => number {
  const df = new Map<string, number>();
  for (const s of signatures) for (const k of s.keys) df.set(k, (df.get(k) ?? 0) + 1);
  const n = Math.max(1, signatures.length);
  const weights = new Map<string, number>();
  for (const [key, count] of df) {
    const idf = Math.log(1 + n / count);
    weights.set(key, key.startsWith('@') ? idf * 1.2 : idf);
  }
  return (key) => weights.get(key) ?? Math.log(1 + n);
}

/** Weighted overlap of two signatures: shared weight over the geometric mean of their weights (a weighted cosine, 0..1). */
export function similarity(a: ClaimSignature, b: ClaimSignature, weight: (key: string) => number): { score: number; shared: string[] } {
  const inB = b.keySet;
  let shared = 0;
  let wa = 0;
  let wb = 0;
  const sharedKeys: string[] = [];
  for (const k of a.keys) {
    const w = weight(k);
    wa += w;
    if (inB.has(k)) {
      shared += w;
      sharedKeys.push(k);
    }
  }
  for (const k of b.keys) wb += weight(k);
  const denominator = Math.sqrt(wa * wb);
  return { score: denominator > 0 ? shared / denominator : 0, shared: sharedKeys };
}
