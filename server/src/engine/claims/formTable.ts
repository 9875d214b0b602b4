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
  /** slot k holds its form's hash, the form and its value at 3k, 3k + 1, 3k + 2: one look-up reads one place in memory */
  private entries: (number | string | T | null)[];
  private count = 0;

  /** @param bits log2 of the number of slots; at most half of them are used */
  constructor(bits: number) {
    this.capacity = 1 << bits;
    this.mask = this.capacity - 1;
    this.entries = new Array<number | string | T | null>(3 * this.capacity).fill(null);
  }

  get(form: string): T | undefined {
    const hash = hashOf(form);
    const entries = this.entries;
    let slot = hash & this.mask;
    for (let probe = 0; probe < MAX_PROBES; probe++) {
      const at = 3 * slot;
      const key = entries[at + 1];
      if (key === null) return undefined;
      if (entries[at] === hash && key === form) return entries[at + 2] as T;
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
      const at = 3 * slot;
      if (this.entries[at + 1] === null) {
        this.entries[at] = hash;
        this.entries[at + 1] = detached(form);
        this.entries[at + 2] = value;
        this.count++;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  private clear(): void {
    this.entries.fill(null);
    this.count = 0;
  }
}

/** FNV-1a over the UTF-16 code units, to 30 bits (a small integer to the engine, stored unboxed). */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash & 0x3fffffff;
}

/** A copy of the string that shares no storage with it (a token's form may be a slice of a whole document). */
function detached(text: string): string {
  return (' ' + text).slice(1); // the concatenation is copied out when sliced
}
