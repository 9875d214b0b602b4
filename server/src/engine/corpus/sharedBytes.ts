/**
 * Where the bytes of this thread's packed values are kept: one after the other in large blocks of
 * shared memory (SharedArrayBuffer), each value a view into a block. A corpus of 100k documents
 * holds ~230 MB of them; in blocks, they cost no object per value outside the heap, and another
 * thread can read them where they are (the claim join on a worker: claimJoinShipment.ts) with no
 * copy. A value replaced (a document edited or deleted) leaves its bytes unused in its block.
 */
const BLOCK_BYTES = 8 << 20;

let block: Uint8Array = new Uint8Array(0);
let used = 0;

/** A copy of the first `length` bytes of `from` in shared memory. */
export function sharedCopy(from: Uint8Array, length = from.length): Uint8Array {
  if (used + length > block.length) {
    block = new Uint8Array(new SharedArrayBuffer(Math.max(BLOCK_BYTES, length)));
    used = 0;
  }
  const bytes = block.subarray(used, used + length);
  bytes.set(from.length === length ? from : from.subarray(0, length));
  used += length;
  return bytes;
}

/** The bytes as they are when they lie in shared memory, else a copy there. */
export function inSharedMemory(bytes: Uint8Array): Uint8Array {
  return bytes.buffer instanceof SharedArrayBuffer ? bytes : sharedCopy(bytes);
}
