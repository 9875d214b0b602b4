import { PackingTable } from './packingTable';
import { sharedCopy } from './sharedBytes';

export { PackingTable };

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

/** Strings and object shapes shared by every packed value of this thread. */
const threadTable = new PackingTable();
const strings = threadTable.strings;
const shapes = threadTable.shapes;

/** This thread's table as plain arrays (to send to a thread that reads values packed here: see readingWithTable). */
export function threadTableContents(): { strings: readonly string[]; shapes: readonly (readonly string[])[] } {
  return { strings, shapes };
}

/**
 * Runs `read` with this thread's table naming what another thread's table (a copy of it, from
 * threadTableContents) names, so that values packed on that thread can be read here as they are
 * (a worker thread joining the claims of the calling thread's resident parts). Nothing may be
 * packed with the thread table meanwhile; its own contents are put back after.
 */
export function readingWithTable<T>(table: { strings: readonly string[]; shapes: readonly (readonly string[])[] }, read: () => T): T {
  const own = { strings: strings.splice(0), shapes: shapes.splice(0) };
  const fill = <I>(into: I[], from: readonly I[]) => {
    into.length = 0;
    for (let i = 0; i < from.length; i++) into.push(from[i]);
  };
  fill(strings, table.strings);
  fill(shapes, table.shapes as string[][]);
  try {
    return read();
  } finally {
    fill(strings, own.strings);
    fill(shapes, own.shapes);
  }
}

/** A tag and its payload as one non-negative number (zigzag: small negative payloads stay small). */
const word = (tag: Tag, payload: number) => (payload >= 0 ? payload * 2 : -payload * 2 - 1) * 8 + tag;

/**
 * Writes packed items as variable-length words (7 bits a byte, low bits first) straight into one
 * growing byte buffer, reused from one packed value to the next (each result is a copy of its own).
 */
class Packer {
  private bytes = new Uint8Array(1024);
  private at = 0;
  private doubles: number[] = [];
  table: PackingTable = threadTable;

  /** Starts a new packed value named by `table`. */
  begin(table: PackingTable): this {
    this.at = 0;
    this.doubles = [];
    this.table = table;
    return this;
  }

  /** The packed value written since `begin`: with this thread's table, its bytes in shared memory (sharedBytes.ts), else in memory of its own (to send or store). */
  finish(): PackedValue {
    const { doubles } = this;
    const bytes = this.table === threadTable ? sharedCopy(this.bytes, this.at) : this.bytes.slice(0, this.at);
    return { bytes, doubles: doubles.length ? Float64Array.from(doubles) : undefined };
  }

  /** Writes a word: a tag and its payload. */
  word(tag: Tag, payload: number): void {
    this.raw(word(tag, payload));
  }

  /** Writes a word made already (a non-negative integer below 2^31). */
  raw(w: number): void {
    if (this.at + 5 > this.bytes.length) this.grow();
    const bytes = this.bytes;
    let at = this.at;
    while (w >= 0x80) {
      bytes[at++] = (w & 0x7f) | 0x80;
      w = Math.floor(w / 128);
    }
    bytes[at++] = w;
    this.at = at;
  }

  put(v: unknown): void {
    switch (typeof v) {
      case 'number':
        if (Number.isInteger(v) && v >= -INLINE_MAX && v < INLINE_MAX) this.word(Tag.Int, v);
        else this.word(Tag.Double, this.doubles.push(v) - 1);
        return;
      case 'string':
        this.word(Tag.String, this.table.stringId(v));
        return;
      case 'object':
        if (v === null) this.word(Tag.Constant, 2);
        else if (Array.isArray(v)) this.putArray(v);
        else this.putObject(v as Record<string, unknown>);
        return;
      case 'boolean':
        this.word(Tag.Constant, v ? 1 : 0);
        return;
    }
    throw new Error(`cannot pack a ${typeof v}`);
  }

  putArray(v: readonly unknown[]): void {
    this.word(Tag.Array, v.length);
    for (let i = 0; i < v.length; i++) {
      const item = v[i];
      // lists of strings are the most common
      if (typeof item === 'string') this.word(Tag.String, this.table.stringId(item));
      else this.put(item === undefined ? null : item);
    }
  }

  putObject(o: Record<string, unknown>): void {
    this.word(Tag.Object, this.table.objectShapeId(o));
    for (const k in o) {
      const value = o[k];
      if (value !== undefined) this.put(value);
    }
  }

  /** Writes an object of `fields` (those of them defined), as `put` would write that object. */
  putFields(o: Record<string, unknown>, fields: readonly string[]): void {
    this.word(Tag.Object, this.table.fieldsShapeId(o, fields));
    for (const k of fields) {
      const value = o[k];
      if (value !== undefined) this.put(value);
    }
  }

  private grow(): void {
    const bigger = new Uint8Array(this.bytes.length * 2);
    bigger.set(this.bytes.subarray(0, this.at));
    this.bytes = bigger;
  }
}

const packer = new Packer();

/** Packs a value, naming strings and shapes by their number in `table` (this thread's by default). */
export function packValue(value: unknown, table: PackingTable = threadTable): PackedValue {
  packer.begin(table).put(value);
  return packer.finish();
}

/**
 * Packs a list of objects with only the named fields of each (the defined ones, in the order of
 * `fields`): the same bytes as packValue of the list of those objects, without making them.
 * `fields` should be one constant list: the table remembers its shapes by the list's identity.
 */
export function packFieldsOf(list: readonly object[], fields: readonly string[], table: PackingTable = threadTable): PackedValue {
  if (fields.length > 31) throw new Error('packFieldsOf takes at most 31 fields');
  packer.begin(table).word(Tag.Array, list.length);
  for (const item of list) packer.putFields(item as Record<string, unknown>, fields);
  return packer.finish();
}

const EMPTY: readonly unknown[] = Object.freeze([]);

/** Reads the variable-length words of packed bytes in order. */
class WordReader {
  at = 0;
  constructor(readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.at >= this.bytes.length;
  }

  next(): number {
    let b = this.bytes[this.at++];
    if (b < 0x80) return b; // most words are one byte
    let w = b & 0x7f;
    let scale = 128;
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

/**
 * Reads a packed value step by step without making its arrays and objects (for a pass that reads a
 * few fields of every document and keeps none of them): the caller walks the structure it expects.
 */
export class PackedCursor {
  private readonly reader: WordReader;
  constructor(private readonly packed: PackedValue) {
    this.reader = new WordReader(packed.bytes);
  }

  /** Reads an array's head: its length (its items follow). */
  array(): number {
    const w = this.reader.next();
    if (tagOf(w) !== Tag.Array) throw new Error('not a packed array');
    return payloadOf(w);
  }

  /** Reads an object's head: its keys (its values follow, in that order). */
  object(): readonly string[] {
    const w = this.reader.next();
    if (tagOf(w) !== Tag.Object) throw new Error('not a packed object');
    return shapes[payloadOf(w)];
  }

  /** Reads one item whole (a string or a number is not made: it is the table's, or inline). */
  value(): unknown {
    return readItem(this.reader, this.packed.doubles);
  }

  /** Reads an array of scalars (strings, numbers, constants), pushing each item to `into`. */
  list<T>(into: T[]): void {
    for (let n = this.array(); n > 0; n--) into.push(this.value() as T);
  }

  /** Reads an array of strings as their numbers in the table naming them (see tableString), pushing each to `into`. */
  stringIds(into: number[]): void {
    for (let n = this.array(); n > 0; n--) {
      const id = this.stringId();
      if (id < 0) throw new Error('not a packed string');
      into.push(id);
    }
  }

  /** Reads one item: a string's number in the table naming it (see tableString); anything else is stepped over, and is -1. */
  stringId(): number {
    const at = this.reader.at;
    const w = this.reader.next();
    if (tagOf(w) === Tag.String) return payloadOf(w);
    this.reader.at = at;
    skipItem(this.reader);
    return -1;
  }

  /** Steps over one item. */
  skip(): void {
    skipItem(this.reader);
  }
}

/** The string this thread's table names by `id` (what a packed value read here names: see PackedCursor.stringIds). */
export function tableString(id: number): string {
  return strings[id];
}

// (words are below 2^32: see Packer.raw)
const tagOf = (w: number): Tag => w & 7;

/** A word's payload (the inverse of `word`). */
function payloadOf(w: number): number {
  const zigzag = w >>> 3;
  return (zigzag & 1) === 0 ? zigzag >>> 1 : -(zigzag >>> 1) - 1;
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

/**
 * Steps over one item and everything in it. Words are below 2^32 (see Packer.raw), so tag and
 * payload come out with bit operations; arrays' lengths and shapes' ids are never negative.
 */
function skipItem(reader: WordReader): void {
  const bytes = reader.bytes;
  let at = reader.at;
  for (let pending = 1; pending > 0; pending--) {
    let w = bytes[at++];
    if (w >= 0x80) {
      w &= 0x7f;
      let scale = 128;
      let b: number;
      do {
        b = bytes[at++];
        w += (b & 0x7f) * scale;
        scale *= 128;
      } while (b & 0x80);
    }
    const tag = w & 7;
    if (tag === Tag.Array) pending += w >>> 4;
    else if (tag === Tag.Object) pending += shapes[w >>> 4].length;
  }
  reader.at = at;
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
  packer.begin(threadTable);
  const reader = new WordReader(packed.bytes);
  while (!reader.done) {
    const w = reader.next();
    const tag = w & 7;
    if (tag === Tag.String || tag === Tag.Object) {
      // (ids are never negative: the payload is w / 16)
      const id = (tag === Tag.String ? map.strings : map.shapes)[w >>> 4];
      if (id === undefined) throw new Error('a packed value names a string or shape its table lacks');
      packer.raw(id * 16 + tag);
    } else packer.raw(w);
  }
  return { bytes: packer.finish().bytes, doubles: packed.doubles };
}

/** Bytes held by a packed value (its own arrays, not the table of strings and shapes it names). */
export function packedBytes(packed: PackedValue): number {
  return packed.bytes.byteLength + (packed.doubles?.byteLength ?? 0);
}
