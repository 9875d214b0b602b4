/**
 * Plain JSON-like values (numbers, strings, booleans, null, arrays, objects) packed into bytes, for
 * data held in memory for every document of a large corpus (the resident claims): a V8 object costs
 * tens of bytes before its fields, a packed scalar one to three bytes.
 *
 * Each item is a word, a tag (low 3 bits) and a payload, written as a variable-length integer
 * (7 bits a byte, zigzag for negative numbers): a small integer inline, a string's id in a table
 * shared by all documents, an array's length followed by its items, an object's shape (its keys,
 * also shared) followed by its values, or the index of a non-integer number in the side array of
 * doubles. Unpacking gives back an equal value (keys in the same order; undefined fields absent,
 * as JSON would have them).
 */
const enum Tag {
  Int = 0,
  String = 1,
  Array = 2,
  Object = 3,
  Double = 4,
  Constant = 5,
}

const CONSTANTS = [false, true, null] as const;
const INLINE_MAX = 2 ** 27;

export interface PackedValue {
  bytes: Uint8Array;
  doubles?: Float64Array;
}

/** Items numbered in the order first seen, found again by a string key. */
class Numbering<T> {
  readonly items: T[] = [];
  private readonly ids = new Map<string, number>();

  id(key: string, item: T): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.items.push(item) - 1;
      this.ids.set(key, id);
    }
    return id;
  }
}

/** Strings and object shapes shared by every packed value of the thread. */
const stringTable = new Numbering<string>();
const shapeTable = new Numbering<string[]>();
const strings = stringTable.items;
const shapes = shapeTable.items;
const stringId = (s: string) => stringTable.id(s, s);
const shapeId = (keys: string[]) => shapeTable.id(keys.join('\u0000'), keys);

/** A tag and its payload as one non-negative number (zigzag: small negative payloads stay small). */
const word = (tag: Tag, payload: number) => (payload >= 0 ? payload * 2 : -payload * 2 - 1) * 8 + tag;

export function packValue(value: unknown): PackedValue {
  const words: number[] = [];
  const doubles: number[] = [];
  const put = (v: unknown): void => {
    if (typeof v === 'number') {
      if (Number.isInteger(v) && v >= -INLINE_MAX && v < INLINE_MAX) words.push(word(Tag.Int, v));
      else words.push(word(Tag.Double, doubles.push(v) - 1));
    } else if (typeof v === 'string') words.push(word(Tag.String, stringId(v)));
    else if (typeof v === 'boolean' || v === null) words.push(word(Tag.Constant, CONSTANTS.indexOf(v)));
    else if (Array.isArray(v)) {
      words.push(word(Tag.Array, v.length));
      for (const item of v) put(item === undefined ? null : item);
    } else if (typeof v === 'object') {
      const keys = Object.keys(v as object).filter((k) => (v as Record<string, unknown>)[k] !== undefined);
      words.push(word(Tag.Object, shapeId(keys)));
      for (const k of keys) put((v as Record<string, unknown>)[k]);
    } else throw new Error(`cannot pack a ${typeof v}`);
  };
  put(value);
  return { bytes: varints(words), doubles: doubles.length ? Float64Array.from(doubles) : undefined };
}

/** Non-negative integers below 2^31 as variable-length integers, 7 bits a byte, low bits first. */
function varints(words: number[]): Uint8Array {
  let size = 0;
  for (const w of words) size += w < 0x80 ? 1 : w < 0x4000 ? 2 : w < 0x200000 ? 3 : w < 0x10000000 ? 4 : 5;
  const out = new Uint8Array(size);
  let at = 0;
  for (let w of words) {
    while (w >= 0x80) {
      out[at++] = (w & 0x7f) | 0x80;
      w = Math.floor(w / 128);
    }
    out[at++] = w;
  }
  return out;
}

const EMPTY: readonly unknown[] = Object.freeze([]);

/** Reads the variable-length words of packed bytes in order. */
class WordReader {
  at = 0;
  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.at >= this.bytes.length;
  }

  next(): number {
    let w = 0;
    let scale = 1;
    let b: number;
    do {
      b = this.bytes[this.at++];
      w += (b & 0x7f) * scale;
      scale *= 128;
    } while (b & 0x80);
    return w;
  }
}

export function unpackValue(packed: PackedValue): unknown {
  return readItem(new WordReader(packed.bytes), packed.doubles);
}

/**
 * A packed array of objects with only the named fields of each object unpacked: the other fields
 * are stepped over without being made (for a pass that reads a few fields of every document).
 */
export function unpackFields(packed: PackedValue, fields: ReadonlySet<string>): Record<string, unknown>[] {
  const reader = new WordReader(packed.bytes);
  const list = reader.next();
  if (tagOf(list) !== Tag.Array) throw new Error('not a packed array');
  const out = new Array<Record<string, unknown>>(payloadOf(list));
  for (let i = 0; i < out.length; i++) {
    const item = reader.next();
    if (tagOf(item) !== Tag.Object) throw new Error('not a packed array of objects');
    const object: Record<string, unknown> = {};
    for (const k of shapes[payloadOf(item)]) {
      if (fields.has(k)) object[k] = readItem(reader, packed.doubles);
      else skipItem(reader);
    }
    out[i] = object;
  }
  return out;
}

const tagOf = (w: number): Tag => w % 8;

/** A word's payload (the inverse of `word`). */
function payloadOf(w: number): number {
  const zigzag = (w - (w % 8)) / 8;
  return zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2;
}

function readItem(reader: WordReader, doubles: Float64Array | undefined): unknown {
  const w = reader.next();
  const payload = payloadOf(w);
  switch (tagOf(w)) {
    case Tag.Int:
      return payload;
    case Tag.String:
      return strings[payload];
    case Tag.Constant:
      return CONSTANTS[payload];
    case Tag.Double:
      return doubles![payload];
    case Tag.Array: {
      if (payload === 0) return EMPTY;
      const out = new Array<unknown>(payload);
      for (let i = 0; i < payload; i++) out[i] = readItem(reader, doubles);
      return out;
    }
    case Tag.Object: {
      const out: Record<string, unknown> = {};
      for (const k of shapes[payload]) out[k] = readItem(reader, doubles);
      return out;
    }
  }
  throw new Error('malformed packed value');
}

/** Steps over one item and everything in it. */
function skipItem(reader: WordReader): void {
  for (let pending = 1; pending > 0; pending--) {
    const w = reader.next();
    if (tagOf(w) === Tag.Array) pending += payloadOf(w);
    else if (tagOf(w) === Tag.Object) pending += shapes[payloadOf(w)].length;
  }
}

/** Strings and shapes added to this thread's tables since the given counts (what another thread has not seen yet). */
export function tableSince(stringCount: number, shapeCount: number): { strings: string[]; shapes: string[][] } {
  return { strings: strings.slice(stringCount), shapes: shapes.slice(shapeCount) };
}

/** This thread's ids for another thread's strings and shapes (see remapValue). */
export function internTable(table: { strings: string[]; shapes: string[][] }): { strings: number[]; shapes: number[] } {
  return { strings: table.strings.map(stringId), shapes: table.shapes.map(shapeId) };
}

/**
 * A value packed on another thread (with that thread's string and shape ids) in this thread's ids:
 * one pass over its words, each copied with its string or shape id mapped (`map`: that thread's id
 * -> this thread's, see internTable).
 */
export function remapValue(packed: PackedValue, map: { strings: number[]; shapes: number[] }): PackedValue {
  const words: number[] = [];
  const reader = new WordReader(packed.bytes);
  while (!reader.done) {
    let w = reader.next();
    const tag = w % 8;
    if (tag === Tag.String || tag === Tag.Object) {
      const table = tag === Tag.String ? map.strings : map.shapes;
      const id = table[(w - tag) / 16];
      if (id === undefined) throw new Error('a packed value names a string or shape its table lacks');
      w = word(tag, id);
    }
    words.push(w);
  }
  return { bytes: varints(words), doubles: packed.doubles };
}

/** Bytes held by a packed value (its own arrays; the shared tables are counted once, see sharedTableSize). */
export function packedBytes(packed: PackedValue): number {
  return packed.bytes.byteLength + (packed.doubles?.byteLength ?? 0);
}

/** Entries in the shared tables (for memory reports). */
export function sharedTableSize(): { strings: number; shapes: number } {
  return { strings: strings.length, shapes: shapes.length };
}
