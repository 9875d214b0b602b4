import type { Claim } from '../types';

/**
 * What the actor views read of each claim (see documentParts): whether it is attributed to a named
 * source, its source's local entity, and the local entities it names, as small integers made with
 * the resident part (on the thread that analysed the document). Reading them from the packed
 * claims meant stepping over every other field of every claim: at 100k articles ~1.2 s of the
 * views' pass after indexing, which waits on it.
 *
 * Per claim, in order: a head (4 * the number of entities + SOURCED_BIT when attributed to a named
 * source + HAS_SOURCE_BIT when it has a source entity), the source entity if any, then the entities.
 * 16-bit integers when every one fits (almost always), else 32-bit.
 */
export type ClaimActorFields = Uint16Array | Int32Array;

const HAS_SOURCE_BIT = 1;
const SOURCED_BIT = 2;

export function claimActorFieldsOf(claims: readonly Pick<Claim, 'attribution' | 'sourceEntity' | 'entities'>[]): ClaimActorFields {
  const words: number[] = [];
  let top = 0;
  for (const c of claims) {
    const head = 4 * c.entities.length + (c.attribution === 'sourced' ? SOURCED_BIT : 0) + (c.sourceEntity !== undefined ? HAS_SOURCE_BIT : 0);
    words.push(head);
    top = Math.max(top, head);
    if (c.sourceEntity !== undefined) {
      words.push(c.sourceEntity);
      top = Math.max(top, c.sourceEntity);
    }
    for (const e of c.entities) {
      words.push(e);
      top = Math.max(top, e);
    }
  }
  return top <= 0xffff ? Uint16Array.from(words) : Int32Array.from(words);
}

/** One claim's fields as forEachClaimActorFields gives them (the same object, refilled from claim to claim). */
export interface ClaimActors {
  sourced: boolean;
  /** The source's local entity, or -1. */
  sourceEntity: number;
  entities: number[];
}

/** Calls `each` with every claim's fields (see claimActorFieldsOf) and its index, in order. */
export function forEachClaimActorFields(fields: ClaimActorFields, each: (claim: ClaimActors, index: number) => void): void {
  const claim: ClaimActors = { sourced: false, sourceEntity: -1, entities: [] };
  for (let at = 0, index = 0; at < fields.length; index++) {
    const head = fields[at++];
    claim.sourced = (head & SOURCED_BIT) !== 0;
    claim.sourceEntity = head & HAS_SOURCE_BIT ? fields[at++] : -1;
    claim.entities.length = 0;
    for (let n = head >>> 2; n > 0; n--) claim.entities.push(fields[at++]);
    each(claim, index);
  }
}

/** The integer arrays a stored line may hold the fields in: which one by its bytes per integer. */
export function claimActorFieldsFromBytes(buffer: ArrayBuffer, bytesPerInteger: number): ClaimActorFields {
  if (bytesPerInteger === 2 && buffer.byteLength % 2 === 0) return new Uint16Array(buffer);
  if (bytesPerInteger === 4 && buffer.byteLength % 4 === 0) return new Int32Array(buffer);
  throw new Error('malformed resident document');
}
