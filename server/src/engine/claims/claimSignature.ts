/**
 * What the corpus step reads of a claim (`LinkClaim`: no positions, no attribution) and what it
 * compares: a claim reduced to keys (actor ids, content terms, quantity units; see claimKeyIndex.ts)
 * and, for the few pairs that share enough keys, a full signature with resolved frames (who does
 * what to what, with actor ids). Built from the per-document claim alone (no text), so one changed
 * document only re-signs its own claims.
 */
import type { EntityOwners } from '../actors/resolveActors';
import type { Claim, ClaimFrame, DocumentDate, Quantity } from '../types';
import { canonical } from './claimKeys';
import { lemmatize } from './wordTags';

/** The fields of a claim the cross-document join reads; `textKey` (the folded text) stands for `text` when that is absent. */
export type LinkClaim = Pick<Claim, 'id' | 'entities' | 'names' | 'terms' | 'quantities' | 'frames' | 'nouns' | 'hedged' | 'years' | 'elapsed' | 'when'> & {
  text?: string;
  textKey?: string;
};

/** What the join reads of a document (a DocumentAnalysis is one). */
export interface LinkDocument {
  hash: string;
  date: DocumentDate | null;
  claims: readonly LinkClaim[];
}

/** Exactly what the join reads of a claim, with its text folded (for storing compact per-document summaries). */
export function linkClaimOf(claim: Claim): LinkClaim {
  return {
    id: claim.id,
    entities: claim.entities,
    names: claim.names,
    terms: claim.terms,
    quantities: claim.quantities,
    frames: claim.frames,
    nouns: claim.nouns,
    hedged: claim.hedged,
    years: claim.years,
    elapsed: claim.elapsed,
    when: claim.when,
    textKey: claimTextKey(claim),
  };
}

/** The claim's text folded (case, spacing): the same statement in two documents has the same key. */
export function claimTextKey(claim: LinkClaim): string {
  return claim.textKey ?? (claim.text ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A claim without its position or id, as the join reads it: equal prints link the same way. */
export function linkPrint(claim: LinkClaim): string {
  const c = claim;
  return JSON.stringify([claimTextKey(c), c.entities, c.names, c.terms, c.quantities, c.frames, c.nouns, c.hedged, c.years, c.elapsed, c.when]);
}

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

/** A claim as the pair rules (frameMatch.ts, contradictions.ts) compare it. */
export interface ClaimSignature {
  claim: LinkClaim;
  /** document date, when known */
  date: DocumentDate | null;
  /** actor ids ("@russia"), each once */
  actors: Set<string>;
  /** keys that only name someone or somewhere: actor ids and capitalised terms */
  names: Set<string>;
  frames: SignedFrame[];
  /** content terms used as nouns */
  nouns: Set<string>;
  /** What each of the claim's quantities counts, as a canonical term (by the quantity's index: see unitTerm). */
  counted: string[];
}

/** Actor key ("@russia") of a document's local entity, if the entity joined an actor. */
export type ActorKeyOf = (entity: number) => string | undefined;

export function actorKeys(path: string, actors: EntityOwners): ActorKeyOf {
  return (e) => {
    const id = actors.actorOf(path, e);
    return id ? '@' + id : undefined;
  };
}

/**
 * What forEachKey reads of a claim: its entities, and its names, terms and quantities' units as
 * strings, or as the numbers of this thread's string table that name them (a packed claim read
 * where it lies: corpus/claimJoin.ts). A unit of none is '' (or -1).
 */
export interface KeyFields<T> {
  entities: readonly number[];
  names?: readonly T[];
  terms: readonly T[];
  units: readonly T[];
}

/** The key fields of a claim made of objects. */
export function keyFieldsOf(claim: Pick<LinkClaim, 'entities' | 'names' | 'terms' | 'quantities'>): KeyFields<string> {
  return { entities: claim.entities, names: claim.names, terms: claim.terms, units: claim.quantities.map((q) => q.unit) };
}

/** Where forEachKey hands each key: an actor's key ("@russia", or a number standing for it), a term, a quantity's unit (to be "#people"; none when empty). */
export interface KeyVisitor<T, A = string> {
  actor(key: A): void;
  term(term: T): void;
  unit(unit: T): void;
}

/** A quantity unit's key ("#people"), none for a unit of none. */
export const unitKey = (unit: string): string | undefined => (unit ? '#' + unit : undefined);

/** Each key of forEachKey as its string, to `visit`. */
export function keyStrings(visit: (key: string) => void): KeyVisitor<string> {
  return {
    actor: visit,
    term: visit,
    unit: (u) => {
      const key = unitKey(u);
      if (key !== undefined) visit(key);
    },
  };
}

const NO_NAMES: readonly never[] = [];

/**
 * The keys of a claim in a fixed order (a key may come more than once: the caller keeps the first):
 * its actors, its terms (without the words of names its actors stand for: they would count twice),
 * its quantity units ("#people").
 */
export function forEachKey<T, A = string>(claim: KeyFields<T>, actorKey: (entity: number) => A | undefined, visit: KeyVisitor<T, A>): void {
  let anyActor = false;
  for (const e of claim.entities) {
    const id = actorKey(e);
    if (id !== undefined) {
      anyActor = true;
      visit.actor(id);
    }
  }
  const nameTerms = anyActor ? (claim.names ?? NO_NAMES) : NO_NAMES;
  for (const t of claim.terms) if (!nameTerms.includes(t)) visit.term(t);
  for (const u of claim.units) visit.unit(u);
}

export function signClaim(claim: LinkClaim, date: DocumentDate | null, actorKey: ActorKeyOf): ClaimSignature {
  const actors = new Set<string>();
  for (const e of claim.entities) {
    const id = actorKey(e);
    if (id) actors.add(id);
  }
  const names = new Set<string>([...actors, ...(claim.names ?? [])]);
  const nameSet = new Set(claim.names ?? []);
  const frames = (claim.frames ?? []).map((f) => signFrame(f, actorKey, nameSet));
  return { claim, date, actors, names, frames, nouns: new Set(claim.nouns ?? []), counted: claim.quantities.map(unitTerm) };
}

/** The counted noun of a quantity, as a canonical term ("3,000 residents" -> resident). */
export function unitTerm(q: Quantity): string {
  const words = q.text.toLowerCase().split(/\s+/);
  return canonical(lemmatize(words[words.length - 1] ?? ''));
}

function signFrame(frame: ClaimFrame, actorKey: ActorKeyOf, names: Set<string>): SignedFrame {
  // the head of the agent phrase is its last actor ("Russian President Vladimir Putin" -> Putin), else its last noun
  let agent = '';
  for (const e of frame.agentEntities) agent = actorKey(e) ?? agent;
  if (!agent) {
    const nouns = frame.agent.filter((t) => !names.has(t));
    agent = nouns[nouns.length - 1] ?? frame.agent[frame.agent.length - 1] ?? '';
  }
  const args = new Set<string>();
  const argIds = frame.argEntities.map(actorKey).filter((id): id is string => !!id);
  for (const id of argIds) args.add(id);
  for (const t of frame.args) if (argIds.length === 0 || !names.has(t)) args.add(t);
  return { event: frame.event, negated: frame.negated, agent, args, coref: !!frame.coref, nominal: !!frame.nominal };
}
