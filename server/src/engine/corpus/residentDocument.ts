import { contributionOf, type DocumentContribution } from '../actors/resolveActors';
import type { ActorMention, Claim, DocumentAnalysis, DocumentDate, LocalEntity, MentionKind, Span } from '../types';
import { shareStrings } from './compactAnalysis';
import { packValue, unpackValue, type PackedValue } from './packedValues';

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
  /** ResidentClaim[], packed (see packedValues.ts; `residentClaims` unpacks them). */
  claims: PackedValue;
}

/**
 * A claim as the claim linking, the actor views and workspace symbols read it: positions, content
 * keys and frames, no attribution details; `text` is the statement key (statementKey), not the text.
 */
export type ResidentClaim = Pick<
  Claim,
  | 'id'
  | 'start'
  | 'end'
  | 'text'
  | 'attribution'
  | 'sourceEntity'
  | 'entities'
  | 'subjectEntities'
  | 'subject'
  | 'names'
  | 'terms'
  | 'quantities'
  | 'frames'
  | 'nouns'
  | 'hedged'
  | 'years'
  | 'elapsed'
  | 'predicates'
>;

export const MENTION_STRIDE = 5;
export const MENTION_KINDS: readonly MentionKind[] = ['name', 'descriptive', 'metonym', 'demonym'];

const CLAIM_FIELDS = ['id', 'start', 'end', 'text', 'attribution', 'sourceEntity', 'entities', 'subjectEntities', 'subject', 'names', 'terms', 'quantities', 'frames', 'nouns', 'hedged', 'years', 'elapsed', 'predicates'] as const;

export function residentOf(doc: DocumentAnalysis): ResidentDocument {
  const mentions = new Int32Array(doc.mentions.length * MENTION_STRIDE);
  doc.mentions.forEach((m, i) => mentions.set([m.entity, m.start, m.end, m.sentence, MENTION_KINDS.indexOf(m.kind)], i * MENTION_STRIDE));
  return { path: doc.path, hash: doc.hash, date: doc.date, entities: doc.entities, mentions, lineStarts: Int32Array.from(doc.lineStarts), claims: packValue(doc.claims.map(residentClaimOf)) };
}

function residentClaimOf(claim: Claim): ResidentClaim {
  const out: Record<string, unknown> = {};
  for (const field of CLAIM_FIELDS) if (claim[field] !== undefined) out[field] = claim[field];
  out.text = statementKey(claim.text);
  return out as ResidentClaim;
}

/**
 * A short key for a claim's text, equal for texts equal up to case and spacing (what the linking
 * compares to tell one article echoing another's statement), and unchanged by that folding itself.
 */
export function statementKey(text: string): string {
  const folded = text.toLowerCase().replace(/\s+/g, ' ').trim();
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return `s${(h1 >>> 0).toString(36)}${(h2 >>> 0).toString(36)}`;
}

export function residentClaims(doc: ResidentDocument): ResidentClaim[] {
  return unpackValue(doc.claims) as ResidentClaim[];
}

/** The resident part as plain JSON (typed arrays as arrays, claims unpacked): what a worker thread sends. */
export function residentToJson(doc: ResidentDocument): string {
  return JSON.stringify({ ...doc, mentions: Array.from(doc.mentions), lineStarts: Array.from(doc.lineStarts), claims: residentClaims(doc) });
}

/** Parses `residentToJson`'s output, sharing short strings across documents (see compactAnalysis). */
export function residentFromJson(json: string): ResidentDocument {
  const raw = JSON.parse(json) as Omit<ResidentDocument, 'mentions' | 'lineStarts' | 'claims'> & { mentions: number[]; lineStarts: number[]; claims: ResidentClaim[] };
  if (typeof raw?.path !== 'string' || !Array.isArray(raw.mentions) || !Array.isArray(raw.claims) || !Array.isArray(raw.entities)) throw new Error('malformed resident document');
  const shared = shareStrings({ ...raw, mentions: [], lineStarts: [], claims: [] }) as ResidentDocument;
  return { ...shared, mentions: Int32Array.from(raw.mentions), lineStarts: Int32Array.from(raw.lineStarts), claims: packValue(raw.claims) };
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
