/**
 * The compact side of the claim join: every claim of the corpus numbered once (documents in order,
 * claims in order), its keys interned to integers and held as one packed array (CSR: claim i's keys
 * are keys[offsets[i] .. offsets[i+1]) in signature order), key weights by key id, an inverted
 * index as packed arrays, and the folded statements of each document as sorted hashes. Nothing
 * here is an object per claim: the memory is a few integers per key occurrence.
 */
import type { EntityOwners } from '../actors/resolveActors';
import type { DocumentDate } from '../types';
import { STEP_ITEMS, STEP_DOCUMENTS, type JoinSteps } from '../joinSteps';
import { actorKeys, claimTextKey, forEachKey, keyFieldsOf, keyStrings, type ActorKeyOf, type KeyFields, type LinkClaim, type LinkDocument } from './claimSignature';
import { KeyNumbers } from './keyNumbers';

export type { KeyFields } from './claimSignature';

/**
 * A document as the join reads it: how many claims it has, and its claims made when asked (a
 * resident document unpacks them from its packed form), so that the join never holds every
 * document's claims as objects at once.
 */
export interface JoinDocument {
  hash: string;
  date: DocumentDate | null;
  claimCount: number;
  readClaims(): readonly LinkClaim[];
  /**
   * Calls `each` with each of its claims' key fields (see forEachKey) as numbers of this thread's
   * string table, in order, and returns how many claims there are: cheaper than readClaims when a
   * packed form allows it (the object passed may be the same one, refilled, from claim to claim).
   */
  forEachKeyClaim?(each: (claim: KeyFields<number>) => void): number;
}

/** A document whose claims are already objects, as the join reads it. */
export function joinDocumentOf(doc: LinkDocument | JoinDocument): JoinDocument {
  if ('readClaims' in doc) return doc;
  return { hash: doc.hash, date: doc.date, claimCount: doc.claims.length, readClaims: () => doc.claims };
}

/**
 * The claims of the corpus numbered 0..count-1: document d holds claims start[d] .. start[d+1]-1.
 * Documents' claims are read in a few passes in order, then only those of candidate pairs (a few
 * recent documents' claim lists are kept, so a list computed on access is not recomputed per claim).
 */
export class ClaimNumbering {
  readonly start: Int32Array;
  private readonly recent = new Map<number, readonly LinkClaim[]>();
  constructor(
    readonly paths: readonly string[],
    readonly docs: readonly JoinDocument[],
  ) {
    this.start = new Int32Array(docs.length + 1);
    docs.forEach((doc, d) => (this.start[d + 1] = this.start[d] + doc.claimCount));
  }

  get count(): number {
    return this.start[this.docs.length];
  }

  /** The document holding claim i. */
  docOf(i: number): number {
    let lo = 0;
    let hi = this.docs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.start[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  claim(d: number, i: number): LinkClaim {
    return this.claims(d)[i - this.start[d]];
  }

  /** Document d's claims (read once while it is among the recently used). */
  claims(d: number): readonly LinkClaim[] {
    let claims = this.recent.get(d);
    if (!claims) {
      if (this.recent.size >= RECENT_DOCUMENTS) this.recent.delete(this.recent.keys().next().value!);
      claims = this.checked(d, this.docs[d].readClaims());
      this.recent.set(d, claims);
    }
    return claims;
  }

  /** Calls `each` with the key fields of document d's claims, in order: as table numbers when the document can give them (see JoinDocument.forEachKeyClaim), else as strings. */
  forEachKeyClaim(d: number, each: (claim: KeyFields<string>) => void, eachOfNumbers: (claim: KeyFields<number>) => void): void {
    const doc = this.docs[d];
    if (!doc.forEachKeyClaim) this.claims(d).forEach((c) => each(keyFieldsOf(c)));
    else this.checked(d, { length: doc.forEachKeyClaim(eachOfNumbers) });
  }

  private checked<T extends { length: number }>(d: number, claims: T): T {
    if (claims.length !== this.docs[d].claimCount) throw new Error(`document ${this.paths[d]} has ${claims.length} claims, not ${this.docs[d].claimCount}`);
    return claims;
  }
}

const RECENT_DOCUMENTS = 64;

export class ClaimKeyIndex {
  /** scratch for similarity: mark[key] === stamp when the other claim has the key */
  private readonly mark: Int32Array;
  private stamp = 0;

  private constructor(
    private readonly offsets: Int32Array,
    private readonly keys: Int32Array,
    private readonly weights: Float64Array,
    /** postings of key k: postings[postingStart[k] .. postingStart[k+1]), ascending; empty for a key too common to propose candidates */
    private readonly postingStart: Int32Array,
    private readonly postings: Int32Array,
  ) {
    this.mark = new Int32Array(weights.length);
  }

  /**
   * Interns the keys of every claim. Weights are inverse document frequencies over the claims (a
   * claim counts once per key; actor keys weigh 1.2x); a key held by more than `maxPostings`
   * claims gets no postings. Pauses every STEP_DOCUMENTS documents (see JoinSteps).
   */
  static *build(numbering: ClaimNumbering, actors: EntityOwners, maxPostings: number): JoinSteps<ClaimKeyIndex> {
    const ids = new Map<string, number>();
    const count = numbering.count;
    const offsets = new Int32Array(count + 1);
    let df: Int32Array = new Int32Array(1024);
    let lastClaim: Int32Array = new Int32Array(1024);
    let keys: Int32Array = new Int32Array(Math.max(1024, count * KEY_ROOM_PER_CLAIM));
    let length = 0;
    let claim = 0;
    const idOf = (key: string): number => {
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size;
        ids.set(key, id);
        if (id === df.length) {
          df = grown(df);
          lastClaim = grown(lastClaim);
        }
      }
      return id;
    };
    const visit = (id: number) => {
      if (lastClaim[id] === claim + 1) return;
      lastClaim[id] = claim + 1;
      df[id]++;
      if (length === keys.length) keys = grown(keys);
      keys[length++] = id;
    };
    const ofStrings = keyStrings((key) => visit(idOf(key)));
    const numbers = new KeyNumbers(idOf, visit);
    for (let d = 0; d < numbering.docs.length; d++) {
      const actorKey = cachedActorKeys(numbering.paths[d], actors);
      const actorKeyNumber = numbers.actorKeys(actorKey);
      numbering.forEachKeyClaim(
        d,
        (c) => (forEachKey(c, actorKey, ofStrings), (offsets[++claim] = length)),
        (c) => (forEachKey(c, actorKeyNumber, numbers), (offsets[++claim] = length)),
      );
      if (d % STEP_DOCUMENTS === STEP_DOCUMENTS - 1) yield;
    }
    const n = Math.max(1, count);
    const weights = new Float64Array(ids.size);
    for (const [key, id] of ids) {
      const idf = Math.log(1 + n / df[id]);
      weights[id] = key.startsWith('@') ? idf * 1.2 : idf;
      if (id % STEP_ITEMS === STEP_ITEMS - 1) yield;
    }
    const postingStart = new Int32Array(ids.size + 1);
    for (let k = 0; k < ids.size; k++) postingStart[k + 1] = postingStart[k] + (df[k] <= maxPostings ? df[k] : 0);
    const postings = new Int32Array(postingStart[ids.size]);
    const cursor = lastClaim.subarray(0, ids.size);
    cursor.set(postingStart.subarray(0, ids.size));
    for (let i = 0; i < count; i++) {
      for (let p = offsets[i]; p < offsets[i + 1]; p++) {
        const k = keys[p];
        if (cursor[k] < postingStart[k + 1]) postings[cursor[k]++] = i;
      }
      if (i % STEP_ITEMS === STEP_ITEMS - 1) yield;
    }
    return new ClaimKeyIndex(offsets, keys.subarray(0, length), weights, postingStart, postings);
  }

  /**
   * The claims from `from` on that share a key with claim i, each once, in the order a scan of
   * i's keys meets them; counts[j] is set to how many keys they share (the caller resets it).
   */
  candidates(i: number, from: number, counts: Int32Array, out: number[]): void {
    out.length = 0;
    for (let p = this.offsets[i]; p < this.offsets[i + 1]; p++) {
      const k = this.keys[p];
      const end = this.postingStart[k + 1];
      for (let q = lowerBound(this.postings, this.postingStart[k], end, from); q < end; q++) {
        const j = this.postings[q];
        if (counts[j]++ === 0) out.push(j);
      }
    }
  }

  /** Weighted overlap of two claims: shared weight over the geometric mean of their weights (a weighted cosine, 0..1). */
  similarity(i: number, j: number): number {
    if (++this.stamp === 0x7fffffff) {
      this.mark.fill(0);
      this.stamp = 1;
    }
    const { keys, weights, mark, stamp } = this;
    let wb = 0;
    for (let p = this.offsets[j]; p < this.offsets[j + 1]; p++) {
      mark[keys[p]] = stamp;
      wb += weights[keys[p]];
    }
    let wa = 0;
    let shared = 0;
    for (let p = this.offsets[i]; p < this.offsets[i + 1]; p++) {
      const w = weights[keys[p]];
      wa += w;
      if (mark[keys[p]] === stamp) shared += w;
    }
    const denominator = Math.sqrt(wa * wb);
    return denominator > 0 ? shared / denominator : 0;
  }
}

/**
 * Which documents state which statements (folded text): a sorted hash per claim within each
 * document's range, verified on the text itself, so an article's echo of another is found exactly.
 * A document's hashes are made when a candidate pair first asks about it.
 */
export class StatementIndex {
  private readonly hashes: Int32Array;
  /** within each document's range, its claims ordered by hash */
  private readonly order: Int32Array;
  private readonly hashed: Uint8Array;

  constructor(private readonly numbering: ClaimNumbering) {
    this.hashes = new Int32Array(numbering.count);
    this.order = new Int32Array(numbering.count);
    this.hashed = new Uint8Array(numbering.docs.length);
  }

  /** Whether document d states claim x (of document dx) itself. */
  states(d: number, x: number, dx: number): boolean {
    this.hash(d);
    this.hash(dx);
    const h = this.hashes[x];
    const { order, hashes, numbering } = this;
    let lo = numbering.start[d];
    let hi = numbering.start[d + 1];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hashes[order[mid]] < h) lo = mid + 1;
      else hi = mid;
    }
    let text: string | undefined;
    for (let p = lo; p < numbering.start[d + 1] && hashes[order[p]] === h; p++) {
      text ??= claimTextKey(numbering.claim(dx, x));
      if (claimTextKey(numbering.claim(d, order[p])) === text) return true;
    }
    return false;
  }

  private hash(d: number): void {
    if (this.hashed[d]) return;
    this.hashed[d] = 1;
    const start = this.numbering.start[d];
    const end = this.numbering.start[d + 1];
    for (let i = start; i < end; i++) {
      this.hashes[i] = statementHash(this.numbering.claim(d, i));
      this.order[i] = i;
    }
    this.order.subarray(start, end).sort((x, y) => this.hashes[x] - this.hashes[y]);
  }
}

/** Actor keys of one document's entities, each looked up once. */
export function cachedActorKeys(path: string, actors: EntityOwners): ActorKeyOf {
  const lookup = actorKeys(path, actors);
  const cache = new Map<number, string | undefined>();
  return (e) => {
    if (cache.has(e)) return cache.get(e);
    const key = lookup(e);
    cache.set(e, key);
    return key;
  };
}

/**
 * Room made at once for each claim's keys (claims hold ~6 keys on generated articles, ~7 on the
 * seeds): at 100k articles the keys (~19M) then fit in one array made once, instead of one grown by
 * doubling (the last growth held 67 + 134 MB at once, 59 MB of it left unused, and copied 67 MB in
 * one step of the join).
 */
const KEY_ROOM_PER_CLAIM = 8;

function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** First position in sorted[lo, hi) holding a value >= value. */
function lowerBound(sorted: Int32Array, lo: number, hi: number, value: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * FNV-1a of the claim's folded text (claimTextKey), computed without building it when the text is
 * ASCII: upper case lowered, runs of white space as one space, none at either end.
 */
export function statementHash(claim: LinkClaim): number {
  const text = claim.textKey ?? claim.text ?? '';
  let h = FNV_OFFSET;
  let space = false;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c > 127) return hashText(claimTextKey(claim));
    if (c === 32 || (c >= 9 && c <= 13)) {
      space = started;
      continue;
    }
    if (space) h = Math.imul(h ^ 32, FNV_PRIME);
    space = false;
    started = true;
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  return h | 0;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashText(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h | 0;
}
