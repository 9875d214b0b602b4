import { monthOf, type DocumentContribution } from '../actors/resolveActors';
import type { LinkClaim } from '../claims/claimSignature';
import { findingCandidates, type FindingCandidate } from '../diagnostics';
import type { ActorMention, Claim, DocumentAnalysis, DocumentDate, LocalEntity, MentionKind, Span, Suppressions } from '../types';
import { claimActorFieldsOf, type ClaimActorFields } from './claimActorFields';
import { shareStrings } from './compactAnalysis';
import { packFieldsOf, packValue, unpackFields, unpackValue, type PackedValue, type PackingTable } from './packedValues';
import { sharedArray } from './sharedBytes';

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
  /** What the actor views read of each claim (its source and the entities it names: see claimActorFields.ts), beside the packed claims. */
  claimActors: ClaimActorFields;
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
export type ResidentClaim = LinkClaim & Pick<Claim, 'id' | 'start' | 'end' | 'attribution' | 'sourceEntity' | 'sourceText' | 'predicates'> & { textKey: string };

/** What a request quoting a claim of another document shows (see corpus/claimQuote.ts): its resident fields and its text. */
export type ClaimQuote = Pick<Claim, 'start' | 'end' | 'attribution' | 'sourceText' | 'text'>;

export const MENTION_STRIDE = 5;
export const MENTION_KINDS: readonly MentionKind[] = ['name', 'descriptive', 'metonym', 'demonym'];

const CLAIM_FIELDS = ['id', 'start', 'end', 'attribution', 'sourceEntity', 'sourceText', 'entities', 'names', 'terms', 'quantities', 'frames', 'nouns', 'hedged', 'years', 'elapsed', 'predicates', 'when'] as const;

export function residentOf(doc: DocumentAnalysis): ResidentDocument {
  const r = residentFieldsOf(doc);
  return withSharedArrays({ ...r, entities: r.entities.map(shareEntity) });
}

/**
 * The resident part (a new object of its own) with its arrays in this thread's blocks of shared
 * memory (sharedBytes.ts), as the index keeps it: not for one that leaves the thread (its arrays
 * move to the other).
 */
export function withSharedArrays(r: ResidentDocument): ResidentDocument {
  const shared = (p: PackedValue): PackedValue => ({ bytes: sharedArray(p.bytes), doubles: p.doubles && sharedArray(p.doubles) });
  r.mentions = sharedArray(r.mentions);
  r.lineStarts = sharedArray(r.lineStarts);
  r.statementKeys = sharedArray(r.statementKeys);
  r.claimActors = sharedArray(r.claimActors);
  r.claims = shared(r.claims);
  r.candidates = shared(r.candidates);
  return r;
}

const CLAIM_FIELDS_WITHOUT_ID = CLAIM_FIELDS.filter((f) => f !== 'id');

/**
 * The resident part of an analysis, its claims and candidates packed with `table` (this thread's by
 * default), its entities the analysis' own (not shared).
 */
export function residentFieldsOf(doc: DocumentAnalysis, table?: PackingTable): ResidentDocument {
  const mentions = new Int32Array(doc.mentions.length * MENTION_STRIDE);
  let at = 0;
  for (const m of doc.mentions) {
    mentions[at++] = m.entity;
    mentions[at++] = m.start;
    mentions[at++] = m.end;
    mentions[at++] = m.sentence;
    mentions[at++] = MENTION_KINDS.indexOf(m.kind);
  }
  const first = doc.claims[0]?.id;
  const prefix = first?.endsWith('-1') ? first.slice(0, -1) : null;
  const claimIdPrefix = prefix !== null && doc.claims.every((c, i) => c.id === `${prefix}${i + 1}`) ? prefix : null;
  const statementKeys = new Int32Array(doc.claims.length * 2);
  doc.claims.forEach((c, i) => statementHashInto(c.text, statementKeys, 2 * i));
  // claims with only the resident fields (CLAIM_FIELDS), packed before the candidates (the table numbers strings as first seen)
  const claims = packFieldsOf(doc.claims, claimIdPrefix === null ? CLAIM_FIELDS : CLAIM_FIELDS_WITHOUT_ID, table);
  const candidates = packValue(findingCandidates(doc), table);
  const claimActors = claimActorFieldsOf(doc.claims);
  return { path: doc.path, hash: doc.hash, date: doc.date, entities: doc.entities, mentions, lineStarts: Int32Array.from(doc.lineStarts), claims, statementKeys, claimActors, claimIdPrefix, candidates, suppressions: doc.suppressions };
}

/**
 * Writes the two 32-bit halves of a claim text's statement key at `out[at]` and `out[at + 1]`: the
 * hash of the text in lower case, each run of white space (as JS's \s and trim() know it) one space,
 * none at either end, made in one pass over the lower-cased text.
 */
function statementHashInto(text: string, out: Int32Array, at: number): void {
  const lower = text.toLowerCase();
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  let started = false;
  let space = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (isJsWhiteSpace(c)) {
      space = started;
      continue;
    }
    if (space) {
      h1 = Math.imul(h1 ^ 32, 0x01000193);
      h2 = Math.imul(h2 ^ 32, 0x5bd1e995);
      space = false;
    }
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    started = true;
  }
  out[at] = h1;
  out[at + 1] = h2;
}

/** Whether a UTF-16 code unit is white space or a line terminator (what /\s/ matches and trim() removes). */
function isJsWhiteSpace(c: number): boolean {
  if (c > 32 && c < 0xa0) return false;
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The two 32-bit halves of a claim text's statement key. */
export function statementHash(text: string): [number, number] {
  const out = new Int32Array(2);
  statementHashInto(text, out, 0);
  return [out[0], out[1]];
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
export function residentClaims(doc: Pick<ResidentDocument, 'claims' | 'claimIdPrefix' | 'statementKeys'>): ResidentClaim[] {
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

const QUOTE_FIELDS = new Set(['start', 'end', 'attribution', 'sourceText']);

/** Each claim's position, attribution and source as written (what a quote of it shows besides its text). */
export function residentQuoteFields(doc: ResidentDocument): Omit<ClaimQuote, 'text'>[] {
  return unpackFields(doc.claims, QUOTE_FIELDS) as unknown as Omit<ClaimQuote, 'text'>[];
}

export function residentFindingCandidates(doc: ResidentDocument): FindingCandidate[] {
  return unpackValue(doc.candidates) as FindingCandidate[];
}


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
  // as contributionOf makes it from an analysis, the mentions' entities read straight from the packed integers
  const mentionEntities = new Array<number>(mentionCount(doc));
  for (let i = 0; i < mentionEntities.length; i++) mentionEntities[i] = mentionEntity(doc, i);
  return { path: doc.path, month: monthOf(doc.date?.value), entities: doc.entities, mentionEntities };
}
