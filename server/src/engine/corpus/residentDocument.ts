import { contributionOf, type DocumentContribution } from '../actors/resolveActors';
import type { LinkClaim } from '../claims/claimSignature';
import { findingCandidates, type FindingCandidate } from '../diagnostics';
import type { ActorMention, Claim, DocumentAnalysis, DocumentDate, LocalEntity, MentionKind, Span, Suppressions } from '../types';
import { shareStrings } from './compactAnalysis';
import { packValue, unpackFields, unpackValue, type PackedValue } from './packedValues';

/**
 * What the corpus index keeps in memory of one document: exactly what the cross-document joins and
 * the per-actor views read, and what a request over the whole corpus needs (reference locations,
 * workspace symbols). The full analysis (tokens of dates, claim attribution details, suppressions,
 * blocks…) stays in the analysis store (corpus/analysisStore.ts) and is read back when a request
 * needs one document in full.
 */
export interface ResidentDocument {
  path: string;
  hash: string;
  date: DocumentDate | null;
  entities: LocalEntity[];
  /** Per mention, MENTION_STRIDE integers: entity, start, end, sentence, kind (index in MENTION_KINDS). */
  mentions: Int32Array;
  lineStarts: Int32Array;
  /** ResidentClaim[] without `id` and `text`, packed (see packedValues.ts; `residentClaims` unpacks them). */
  claims: PackedValue;
  /** Per claim, the two halves of its statement key (see statementKey). */
  statementKeys: Int32Array;
  /** When every claim's id is this prefix + its position from 1 (as findClaims numbers them), the ids are not stored. */
  claimIdPrefix: string | null;
  /** FindingCandidate[], packed: what may become a finding, whatever the settings (see diagnostics.ts). */
  candidates: PackedValue;
  suppressions: Suppressions;
}

/**
 * A claim as the claim linking (LinkClaim), the actor views and workspace symbols read it:
 * positions, content keys and frames, no attribution details and no text (`textKey` stands for it).
 */
export type ResidentClaim = LinkClaim & Pick<Claim, 'id' | 'start' | 'end' | 'attribution' | 'sourceEntity' | 'predicates'> & { textKey: string };

export const MENTION_STRIDE = 5;
export const MENTION_KINDS: readonly MentionKind[] = ['name', 'descriptive', 'metonym', 'demonym'];

const CLAIM_FIELDS = ['id', 'start', 'end', 'attribution', 'sourceEntity', 'entities', 'names', 'terms', 'quantities', 'frames', 'nouns', 'hedged', 'years', 'elapsed', 'predicates'] as const;

export function residentOf(doc: DocumentAnalysis): ResidentDocument {
  const r = residentFieldsOf(doc);
  return { ...r, entities: r.entities.map(shareEntity), mentions: Int32Array.from(r.mentions), lineStarts: Int32Array.from(r.lineStarts), claims: packValue(r.claims), statementKeys: Int32Array.from(r.statementKeys), candidates: packValue(r.candidates) };
}

/** The resident part's fields in plain form (arrays, claims unpacked). */
export function residentFieldsOf(doc: DocumentAnalysis): ResidentJson {
  const mentions: number[] = [];
  for (const m of doc.mentions) mentions.push(m.entity, m.start, m.end, m.sentence, MENTION_KINDS.indexOf(m.kind));
  const first = doc.claims[0]?.id;
  const prefix = first?.endsWith('-1') ? first.slice(0, -1) : null;
  const claimIdPrefix = prefix !== null && doc.claims.every((c, i) => c.id === `${prefix}${i + 1}`) ? prefix : null;
  const statementKeys = doc.claims.flatMap((c) => statementHash(c.text));
  const claims = doc.claims.map((c) => residentClaimOf(c, claimIdPrefix === null));
  return { path: doc.path, hash: doc.hash, date: doc.date, entities: doc.entities, mentions, lineStarts: doc.lineStarts, claims, statementKeys, claimIdPrefix, candidates: findingCandidates(doc), suppressions: doc.suppressions };
}

function residentClaimOf(claim: Claim, keepId: boolean): Partial<ResidentClaim> {
  const out: Record<string, unknown> = {};
  for (const field of CLAIM_FIELDS) if (claim[field] !== undefined) out[field] = claim[field];
  if (!keepId) delete out.id;
  return out;
}

/** The two 32-bit halves of a claim text's statement key. */
function statementHash(text: string): [number, number] {
  const folded = text.toLowerCase().replace(/\s+/g, ' ').trim();
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return [h1 | 0, h2 | 0];
}

const keyOf = (h1: number, h2: number) => `s${(h1 >>> 0).toString(36)}${(h2 >>> 0).toString(36)}`;

/**
 * A short key for a claim's text, equal for texts equal up to case and spacing (what the linking
 * compares to tell one article echoing another's statement: see claimTextKey).
 */
export function statementKey(text: string): string {
  return keyOf(...statementHash(text));
}

/** The document's claims as the joins read them (fresh objects). */
export function residentClaims(doc: ResidentDocument): ResidentClaim[] {
  const claims = unpackValue(doc.claims) as ResidentClaim[];
  claims.forEach((c, i) => {
    if (doc.claimIdPrefix !== null) c.id = `${doc.claimIdPrefix}${i + 1}`;
    c.textKey = keyOf(doc.statementKeys[2 * i], doc.statementKeys[2 * i + 1]);
  });
  return claims;
}

const SPAN_FIELDS = new Set(['start', 'end']);

/** Where each of the document's claims is (only the positions unpacked: a finding that quotes another document's claim needs no more). */
export function residentClaimSpans(doc: ResidentDocument): Span[] {
  return unpackFields(doc.claims, SPAN_FIELDS) as unknown as Span[];
}

export function residentFindingCandidates(doc: ResidentDocument): FindingCandidate[] {
  return unpackValue(doc.candidates) as FindingCandidate[];
}

export type ResidentJson = Omit<ResidentDocument, 'mentions' | 'lineStarts' | 'claims' | 'statementKeys' | 'candidates'> & { mentions: number[]; lineStarts: number[]; claims: unknown; statementKeys: number[]; candidates: unknown };

/**
 * One shared object per distinct local entity across the corpus: the same state, organisation or
 * person written the same way in thousands of articles is the same entity object (nothing mutates
 * an entity once analysed).
 */
const sharedEntities = new Map<string, LocalEntity>();

export function shareEntity(entity: LocalEntity): LocalEntity {
  return shareEntityJson(JSON.stringify(entity));
}

/** The shared entity written as this JSON (as JSON.stringify writes an entity). */
export function shareEntityJson(key: string): LocalEntity {
  const known = sharedEntities.get(key);
  if (known) return known;
  const shared = shareStrings(JSON.parse(key)) as LocalEntity;
  sharedEntities.set(key, shared);
  return shared;
}

export function mentionCount(doc: ResidentDocument): number {
  return doc.mentions.length / MENTION_STRIDE;
}

export function mentionEntity(doc: ResidentDocument, index: number): number {
  return doc.mentions[index * MENTION_STRIDE];
}

export function mentionSentence(doc: ResidentDocument, index: number): number {
  return doc.mentions[index * MENTION_STRIDE + 3];
}

export function mentionSpan(doc: ResidentDocument, index: number): Span {
  return { start: doc.mentions[index * MENTION_STRIDE + 1], end: doc.mentions[index * MENTION_STRIDE + 2] };
}

export function mentionKind(doc: ResidentDocument, index: number): ActorMention['kind'] {
  return MENTION_KINDS[doc.mentions[index * MENTION_STRIDE + 4]];
}

/** What the actor join reads of a resident document (see resolveActors). */
export function residentContribution(doc: ResidentDocument): DocumentContribution {
  const mentions = Array.from({ length: mentionCount(doc) }, (_, i) => ({ entity: mentionEntity(doc, i) }));
  return contributionOf({ path: doc.path, date: doc.date, entities: doc.entities, mentions } as unknown as DocumentAnalysis);
}
