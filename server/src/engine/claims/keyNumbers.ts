/**
 * The claim join's key pass over packed claims (claimKeyIndex.ts), whose terms and units are
 * numbers of this thread's string table: each key's number looked up by its text the first time
 * that table number (or, for an actor, that document's entity) is met, then read from an array.
 * At 100k articles the pass meets ~19M keys among a few hundred thousand distinct strings; looking
 * each up in a map of strings, and making a "#unit" string for each quantity and an "@actor" string
 * for each entity met again, was most of its time.
 */
import { tableString } from '../corpus/packedValues';
import { unitKey, type ActorKeyOf, type KeyVisitor } from './claimSignature';

/** Not yet met. */
const UNSEEN = -1;
/** Met, and no key: a unit of none, an entity that joined no actor. */
const NO_KEY = -2;

export class KeyNumbers implements KeyVisitor<number, number> {
  private termKeys: Int32Array = new Int32Array(1024).fill(UNSEEN);
  private unitKeys: Int32Array = new Int32Array(1024).fill(UNSEEN);
  private entityKeys: Int32Array = new Int32Array(256);
  /** For which document entityKeys holds key numbers (those of entities met: entityMet[e] === this). */
  private entityMet: Int32Array = new Int32Array(256);
  private document = 0;

  constructor(
    /** A key's number (made when it is new). */
    private readonly idOf: (key: string) => number,
    /** Counts a key, by number, for the claim being read. */
    private readonly visit: (id: number) => void,
  ) {}

  actor(id: number): void {
    this.visit(id);
  }

  term(n: number): void {
    this.termKeys = room(this.termKeys, n);
    if (this.termKeys[n] === UNSEEN) this.termKeys[n] = this.idOf(tableString(n));
    this.visit(this.termKeys[n]);
  }

  unit(n: number): void {
    if (n < 0) return; // none written
    this.unitKeys = room(this.unitKeys, n);
    if (this.unitKeys[n] === UNSEEN) {
      const key = unitKey(tableString(n));
      this.unitKeys[n] = key === undefined ? NO_KEY : this.idOf(key);
    }
    if (this.unitKeys[n] !== NO_KEY) this.visit(this.unitKeys[n]);
  }

  /** The key numbers of the next document's entities (from their actor keys, each looked up once while that document's claims are read). */
  actorKeys(keyOf: ActorKeyOf): (entity: number) => number | undefined {
    this.document++;
    return (e) => {
      if (e >= this.entityKeys.length) [this.entityKeys, this.entityMet] = [grown(this.entityKeys, e), grown(this.entityMet, e)];
      if (this.entityMet[e] !== this.document) {
        this.entityMet[e] = this.document;
        const key = keyOf(e);
        this.entityKeys[e] = key === undefined ? NO_KEY : this.idOf(key);
      }
      return this.entityKeys[e] === NO_KEY ? undefined : this.entityKeys[e];
    };
  }
}

/** `keys`, or a larger copy with room for index n (new places not yet met). */
function room(keys: Int32Array, n: number): Int32Array {
  if (n < keys.length) return keys;
  const larger = grown(keys, n);
  larger.fill(UNSEEN, keys.length);
  return larger;
}

function grown(a: Int32Array, n: number): Int32Array {
  const larger = new Int32Array(Math.max(n + 1, 2 * a.length));
  larger.set(a);
  return larger;
}
