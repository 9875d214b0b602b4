/**
 * Where the arrays of this thread's resident parts are kept: one after the other in large blocks
 * of shared memory (SharedArrayBuffer), each array a view into a block. The packed values (claims,
 * finding candidates: ~230 MB at 100k documents) and, since the fifteenth session, each document's
 * integer arrays (mentions, line starts, statement keys, claims' actor fields) and side arrays of
 * non-integer numbers. In blocks, they cost no ArrayBuffer and backing store of their own (~300
 * bytes each outside the heap, measured: 500k arrays of 200 bytes took 304 MB of RSS each in its
 * own buffer, 144 MB in blocks; a full collection 14 against 3.4 ms), and another thread can read
 * them where they are (the claim join on a worker: claimJoinShipment.ts) with no copy. An array
 * replaced (a document edited or deleted) leaves its bytes unused in its block.
 */
const BLOCK_BYTES = 8 << 20;

let block: Uint8Array = new Uint8Array(0);
let used = 0;

/** The arrays kept in blocks. */
export type SharedItems = Uint8Array | Uint16Array | Int32Array | Float64Array;

/** Room for `length` bytes at a multiple of `size` in the current block (a new one when it is full): where they start. */
function reserve(length: number, size: number): number {
  let start = Math.ceil(used / size) * size;
  if (start + length > block.length) {
    block = new Uint8Array(new SharedArrayBuffer(Math.max(BLOCK_BYTES, length)));
    start = 0;
  }
  used = start + length;
  return start;
}

/** A copy of the first `length` bytes of `from` in shared memory. */
export function sharedCopy(from: Uint8Array, length = from.length): Uint8Array {
  const start = reserve(length, 1);
  const bytes = block.subarray(start, start + length);
  bytes.set(from.length === length ? from : from.subarray(0, length));
  return bytes;
}

/** A copy of `from` in shared memory, of the same type (its items aligned); `from` itself when it lies there already. */
export function sharedArray<T extends SharedItems>(from: T): T {
  if (from.buffer instanceof SharedArrayBuffer) return from;
  const start = reserve(from.byteLength, from.BYTES_PER_ELEMENT);
  const copy = new (from.constructor as new (buffer: ArrayBufferLike, offset: number, length: number) => T)(block.buffer, start, from.length);
  copy.set(from as never);
  return copy;
}

/** The bytes as they are when they lie in shared memory, else a copy there. */
export function inSharedMemory(bytes: Uint8Array): Uint8Array {
  return sharedArray(bytes);
}
