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

/** A node of the shape trie: one step per key, in order; `id` is set on the nodes that end a shape. */
interface ShapeNode {
  next: Map<string, ShapeNode> | undefined;
  id: number;
}

/**
 * The strings and object shapes packed values name by number. Each thread has one shared by all its
 * packed values (`threadTable`); a document packed to be stored or sent has its own (see
 * portableResident.ts), which the receiving thread maps to its thread table (internTable, remapValue).
 */
export class PackingTable {
  private readonly stringNumbers = new Numbering<string>();
  /** Shapes found by walking their keys: no key string is made per object packed. */
  private readonly shapeRoot: ShapeNode = { next: undefined, id: -1 };
  readonly strings = this.stringNumbers.items;
  readonly shapes: string[][] = [];

  stringId(s: string): number {
    return this.stringNumbers.id(s, s);
  }

  shapeId(keys: readonly string[]): number {
    let node = this.shapeRoot;
    for (const k of keys) node = this.step(node, k);
    if (node.id < 0) node.id = this.shapes.push(keys.slice()) - 1;
    return node.id;
  }

  /** The shape id of an object's keys whose values are defined (as JSON would keep them). */
  objectShapeId(v: Record<string, unknown>): number {
    let node = this.shapeRoot;
    for (const k in v) if (v[k] !== undefined) node = this.step(node, k);
    if (node.id < 0) node.id = this.shapes.push(Object.keys(v).filter((k) => v[k] !== undefined)) - 1;
    return node.id;
  }

  private step(node: ShapeNode, key: string): ShapeNode {
    const next = (node.next ??= new Map());
    let child = next.get(key);
    if (!child) next.set(key, (child = { next: undefined, id: -1 }));
    return child;
  }
}

/** Strings and object shapes shared by every packed value of this thread. */
const threadTable = new PackingTable();
const strings = threadTable.strings;
const shapes = threadTable.shapes;

/** A tag and its payload as one non-negative number (zigzag: small negative payloads stay small). */
const word = (tag: Tag, payload: number) => (payload >= 0 ? payload * 2 : -payload * 2 - 1) * 8 + tag;

/** Packs a value, naming strings and shapes by their number in `table` (this thread's by default). */
export function packValue(value: unknown, table: PackingTable = threadTable): PackedValue {
  const words: number[] = [];
  const doubles: number[] = [];
  const put = (v: unknown): void => {
    if (typeof v === 'number') {
      if (Number.isInteger(v) && v >= -INLINE_MAX && v < INLINE_MAX) words.push(word(Tag.Int, v));
      else words.push(word(Tag.Double, doubles.push(v) - 1));
    } else if (typeof v === 'string') words.push(word(Tag.String, table.stringId(v)));
    else if (typeof v === 'boolean' || v === null) words.push(word(Tag.Constant, CONSTANTS.indexOf(v)));
    else if (Array.isArray(v)) {
      words.push(word(Tag.Array, v.length));
      for (const item of v) put(item === undefined ? null : item);
    } else if (typeof v === 'object') {
      const o = v as Record<string, unknown>;
      words.push(word(Tag.Object, table.objectShapeId(o)));
      for (const k in o) if (o[k] !== undefined) put(o[k]);
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

/** This thread's ids for another thread's strings and shapes (see remapValue). */
export function internTable(table: { strings: readonly string[]; shapes: readonly (readonly string[])[] }): { strings: number[]; shapes: number[] } {
  return { strings: table.strings.map((s) => threadTable.stringId(s)), shapes: table.shapes.map((keys) => threadTable.shapeId(keys)) };
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

/** Bytes held by a packed value (its own arrays, not the table of strings and shapes it names). */
export function packedBytes(packed: PackedValue): number {
  return packed.bytes.byteLength + (packed.doubles?.byteLength ?? 0);
}
