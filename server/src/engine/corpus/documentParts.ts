import { forEachClaimActorFields } from './claimActorFields';
import { mentionCount, mentionEntity, mentionSentence, type ResidentDocument } from './residentDocument';

/**
 * What one document says about one actor, packed in one array of small integers (a view holds one
 * per document naming the actor, so for an actor named everywhere there are as many as documents):
 * [m, the actor's m mention indices in the document, c, c claim codes, then pairs of a co-mentioned
 * actor's number (ActorNumbers) and how often it is named in the same sentences]. A claim code is
 * 4 * its index + AS_SOURCE when the actor is the claim's source + SOURCED when it names a source.
 * Expanded into references on request.
 */
export type DocumentPart = Int32Array;
/** A part as it is read: as made, or as a view keeps it (viewParts.ts). */
export type PartView = ArrayLike<number>;

export const mentionTotal = (part: PartView) => part[0];
export const claimTotal = (part: PartView) => part[part[0] + 1];
export const mentionsOf = (part: PartView) => listOf(part, 1, 1 + part[0]);
export const claimCodesOf = (part: PartView) => listOf(part, part[0] + 2, part[0] + 2 + claimTotal(part));
export const coStart = (part: PartView) => part[0] + 2 + claimTotal(part);

function listOf(part: PartView, from: number, to: number): number[] {
  const list: number[] = [];
  for (let i = from; i < to; i++) list.push(part[i]);
  return list;
}

/** Bits of a claim code (4 * the claim's index + these): the actor is the claim's source; the claim is attributed to a named source. */
export const AS_SOURCE = 1;
export const SOURCED = 2;

/** Actor ids as small numbers, for packed document parts. */
export class ActorNumbers {
  private readonly numbers = new Map<string, number>();
  private readonly ids: string[] = [];

  of(id: string): number {
    let n = this.numbers.get(id);
    if (n === undefined) {
      n = this.ids.push(id) - 1;
      this.numbers.set(id, n);
    }
    return n;
  }

  id(n: number): string {
    return this.ids[n];
  }

  get count(): number {
    return this.ids.length;
  }
}

/** Counts of co-mentioned actors while one part is made (by actor number; zero between parts), and the actors counted, in order of first count. */
let coScratch = new Int32Array(1024);
const coCounted: number[] = [];
/** One part while it is written (see forEachDocumentPart; grown as needed). */
let partScratch = new Int32Array(256);
/** One document's integers while its parts are made: each entity's actor number, the owned mentions in sentence order, their actors, and their sentences' runs (grown as needed). */
const scratch = { ownerOf: new Int32Array(256), owned: new Int32Array(1024), owner: new Int32Array(1024), runStart: new Int32Array(1024), runEnd: new Int32Array(1024) };

/** Sorts list[from..to) in ascending order, in place (a part's mention indices: a few). */
function sortRun(list: Int32Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const v = list[i];
    let j = i;
    for (; j > from && list[j - 1] > v; j--) list[j] = list[j - 1];
    list[j] = v;
  }
}

/**
 * Calls `each` with the part of one document for each actor it names that `wanted` accepts, made
 * in one pass over its mentions and claims: each actor's mention indices, its claims' codes, and
 * the other actors named in its sentences with how often. `owners` gives each local entity's actor
 * (by entity index; none past its end). Each part is a view of a scratch array, valid until `each` returns.
 */
export function forEachDocumentPart(
  doc: ResidentDocument,
  owners: readonly (string | undefined)[],
  numbers: ActorNumbers,
  wanted: (id: string) => boolean,
  each: (id: string, part: DocumentPart) => void,
): void {
  const entities = doc.entities.length;
  const mentions = mentionCount(doc);
  if (scratch.ownerOf.length < entities) scratch.ownerOf = new Int32Array(Math.max(entities, 2 * scratch.ownerOf.length));
  if (scratch.owned.length < mentions) for (const k of ['owned', 'owner', 'runStart', 'runEnd'] as const) scratch[k] = new Int32Array(Math.max(mentions, 2 * scratch[k].length));
  const { ownerOf, runStart, runEnd, owner } = scratch;
  for (let e = 0; e < entities; e++) ownerOf[e] = owners[e] === undefined ? -1 : numbers.of(owners[e]!);
  // the mentions of actors, sentence by sentence (each sentence's mentions one run), in document order within each
  let count = 0;
  let inOrder = true;
  for (let index = 0, sentence = -1; index < mentions; index++) {
    if (ownerOf[mentionEntity(doc, index)] < 0) continue;
    if (mentionSentence(doc, index) < sentence) inOrder = false;
    sentence = mentionSentence(doc, index);
    scratch.owned[count++] = index;
  }
  const owned = scratch.owned.subarray(0, count);
  if (!inOrder) owned.sort((a, b) => mentionSentence(doc, a) - mentionSentence(doc, b) || a - b);
  for (let p = 0; p < count; p++) owner[p] = ownerOf[mentionEntity(doc, owned[p])];
  // where the run of each place's sentence starts and ends in `owned`
  for (let p = 0; p < count; p++) runStart[p] = p > 0 && mentionSentence(doc, owned[p]) === mentionSentence(doc, owned[p - 1]) ? runStart[p - 1] : p;
  for (let p = count - 1; p >= 0; p--) runEnd[p] = p + 1 < count && runStart[p + 1] === runStart[p] ? runEnd[p + 1] : p + 1;
  // each wanted actor's places in `owned` (null: an actor not wanted)
  const placesOf = new Map<number, number[] | null>();
  for (let p = 0; p < count; p++) {
    let places = placesOf.get(owner[p]);
    if (places === undefined) placesOf.set(owner[p], (places = wanted(numbers.id(owner[p])) ? [] : null));
    places?.push(p);
  }
  const claimsOf = claimCodes(doc, ownerOf, placesOf);
  if (coScratch.length < numbers.count) coScratch = new Int32Array(Math.max(numbers.count, 2 * coScratch.length));
  const co = coScratch;
  for (const [actor, places] of placesOf) {
    if (!places) continue;
    // the other actors named in the actor's sentences: how often, in order of first mention
    coCounted.length = 0;
    for (let i = 0; i < places.length; i++) {
      const p = places[i];
      if (i > 0 && runStart[p] === runStart[places[i - 1]]) continue; // a sentence counted already
      for (let q = runStart[p]; q < runEnd[p]; q++) if (owner[q] !== actor && co[owner[q]]++ === 0) coCounted.push(owner[q]);
    }
    const claims = claimsOf.get(actor) ?? [];
    // written in a scratch array, handed over as a view of it
    const most = 2 + places.length + claims.length + 2 * coCounted.length;
    if (partScratch.length < most) partScratch = new Int32Array(Math.max(most, 2 * partScratch.length));
    const part = partScratch;
    let at = 0;
    part[at++] = places.length;
    for (const p of places) part[at++] = owned[p];
    if (!inOrder) sortRun(part, 1, at);
    part[at++] = claims.length;
    for (const c of claims) part[at++] = c;
    for (const other of coCounted) {
      part[at++] = other;
      part[at++] = co[other];
      co[other] = 0;
    }
    each(numbers.id(actor), part.subarray(0, at));
  }
}

/** Each wanted actor's claim codes (by actor number): the claims naming it or attributed to it, in document order. */
function claimCodes(doc: ResidentDocument, ownerOf: Int32Array, placesOf: Map<number, number[] | null>): Map<number, number[]> {
  const codes = new Map<number, number[]>();
  const named: number[] = [];
  forEachClaimActorFields(doc.claimActors, (claim, i) => {
    const source = claim.sourceEntity >= 0 ? ownerOf[claim.sourceEntity] : -1;
    named.length = 0;
    if (source >= 0) named.push(source);
    for (const e of claim.entities) if (ownerOf[e] >= 0 && !named.includes(ownerOf[e])) named.push(ownerOf[e]);
    for (const actor of named) {
      if (!placesOf.get(actor)) continue;
      const code = 4 * i + (claim.sourced ? SOURCED : 0) + (source === actor ? AS_SOURCE : 0);
      (codes.get(actor) ?? codes.set(actor, []).get(actor)!).push(code);
    }
  });
  return codes;
}
