/**
 * A table from word forms to values, hashed in JavaScript. Every token of a new document is a new
 * string, which the engine's Map (or an object's properties) must first hash — and an object
 * intern — in native code; hashing the few characters of a word here and comparing hashes before
 * strings is several times cheaper per token. Open addressing with a bounded number of probes: a
 * form that finds no slot is simply not remembered, so no input can make a look-up slow; the table
 * starts over when half full.
 */
const MAX_PROBES = 8;

export class FormTable<T> {
  private readonly mask: number;
  private readonly capacity: number;
  private keys: (string | null)[];
  private hashes: Int32Array;
  private values: (T | null)[];
  private count = 0;

  /** @param bits log2 of the number of slots; at most half of them are used */
  constructor(bits: number) {
    this.capacity = 1 << bits;
    this.mask = this.capacity - 1;
    this.keys = new Array<string | null>(this.capacity).fill(null);
    this.hashes = new Int32Array(this.capacity);
    this.values = new Array<T | null>(this.capacity).fill(null);
  }

  get(form: string): T | undefined {
    const hash = hashOf(form);
    let slot = hash & this.mask;
    for (let probe = 0; probe < MAX_PROBES; probe++) {
      const key = this.keys[slot];
      if (key === null) return undefined;
      if (this.hashes[slot] === hash && key === form) return this.values[slot] as T;
      slot = (slot + 1) & this.mask;
    }
    return undefined;
  }

  /** Remembers the value of a form not in the table (a copy of the form is kept, never the caller's string). */
  add(form: string, value: T): void {
    if (this.count >= this.capacity >> 1) this.clear();
    const hash = hashOf(form);
    let slot = hash & this.mask;
    for (let probe = 0; probe < MAX_PROBES; probe++) {
      if (this.keys[slot] === null) {
        this.keys[slot] = detached(form);
        this.hashes[slot] = hash;
        this.values[slot] = value;
        this.count++;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  private clear(): void {
    this.keys.fill(null);
    this.values.fill(null);
    this.count = 0;
  }
}

/** FNV-1a over the UTF-16 code units. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}

/** A copy of the string that shares no storage with it (a token's form may be a slice of a whole document). */
function detached(text: string): string {
  return (' ' + text).slice(1); // the concatenation is copied out when sliced
}
