/**
 * A view's documents in reading order and each one's part (see documentParts.ts), the parts one
 * after the other in integer arrays rather than one JS array each: a view of an actor named in
 * every document holds as many parts as documents, ~2 million parts at 100k articles in all, which
 * the collector copied as they survived the views' pass and traced at every full collection since.
 *
 * A small view keeps its parts in one array, grown by copying it; a large one in chunks of
 * `CHUNK_INTS` integers, a new chunk when the last is full, so that no integer is copied as it
 * grows. (With one array per view grown by half each time, the views' pass at 100k articles spent
 * ~1.7 s of its ~9 s making and filling larger arrays: ~1 GB of new zeroed memory for ~0.3 GB kept.)
 * A part removed (its document edited) leaves its integers unused until the parts are compacted.
 */
export class ViewParts {
  /** Where each document's part lies: in which chunk, from which integer, how many. */
  private chunkOf: Int32Array = new Int32Array(8);
  private start: Int32Array = new Int32Array(8);
  private size: Int32Array = new Int32Array(8);
  /** (16 integers to start with: an array of at most 64 bytes lies in the heap, one larger is a buffer outside it, slower to make; most views are small) */
  private chunks: Int32Array[] = [new Int32Array(16)];
  /** Integers written in the last chunk. */
  private used = 0;
  /** Integers written in all chunks, and how many of them belong to parts removed since. */
  private written = 0;
  private unused = 0;

  constructor(
    private readonly chunkInts = CHUNK_INTS,
    /** The documents, in the view's reading order. */
    readonly paths: string[] = [],
  ) {}

  /**
   * A view's parts where a views' pass wrote them (see PassParts): `paths` in reading order, and
   * each one's part in `slabs[slabOf[i]]` from `startOf[i]`, `sizeOf[i]` integers (the arrays become
   * the view's own: none is copied). Each run of parts in one slab is a chunk, the slab from the
   * run's first integer to its last; a part added later goes to a chunk of the view's own (a slab
   * is never written again).
   */
  static ofPlaces(paths: string[], slabOf: Int32Array, startOf: Int32Array, sizeOf: Int32Array, slabs: readonly Int32Array[]): ViewParts {
    const parts = new ViewParts(CHUNK_INTS, paths);
    const n = paths.length;
    const chunks: Int32Array[] = [];
    for (let i = 0; i < n; ) {
      const slab = slabOf[i];
      const from = startOf[i];
      let j = i;
      for (; j < n && slabOf[j] === slab; j++) {
        [slabOf[j], startOf[j]] = [chunks.length, startOf[j] - from];
        parts.written += sizeOf[j];
      }
      chunks.push(slabs[slab].subarray(from, from + startOf[j - 1] + sizeOf[j - 1]));
      i = j;
    }
    [parts.chunkOf, parts.start, parts.size] = [slabOf, startOf, sizeOf];
    if (chunks.length > 0) [parts.chunks, parts.used] = [chunks, chunks[chunks.length - 1].length];
    return parts;
  }

  get length(): number {
    return this.paths.length;
  }

  /** The `i`th document's part: a view into a chunk, to read before the next change. */
  part(i: number): Int32Array {
    const from = this.start[i];
    return this.chunks[this.chunkOf[i]].subarray(from, from + this.size[i]);
  }

  /** The `i`th document's count of mentions (a part's first integer), without a view. */
  mentionTotal(i: number): number {
    return this.chunks[this.chunkOf[i]][this.start[i]];
  }

  /** Adds a document and its part as the `at`th (0 ≤ at ≤ length). */
  insert(at: number, path: string, part: ArrayLike<number>): void {
    const n = this.paths.length;
    if (this.used + part.length > this.last.length) this.makeRoom(part.length);
    if (n === this.start.length) [this.chunkOf, this.start, this.size] = [grown(this.chunkOf, 2 * n), grown(this.start, 2 * n), grown(this.size, 2 * n)];
    if (at < n) {
      for (const places of [this.chunkOf, this.start, this.size]) places.copyWithin(at + 1, at, n);
      this.paths.splice(at, 0, path);
    } else this.paths.push(path);
    this.last.set(part, this.used);
    this.chunkOf[at] = this.chunks.length - 1;
    this.start[at] = this.used;
    this.size[at] = part.length;
    this.used += part.length;
    this.written += part.length;
  }

  /** Takes out the `at`th document; returns its part (a copy). */
  remove(at: number): Int32Array {
    const part = this.part(at).slice();
    const n = this.paths.length;
    for (const places of [this.chunkOf, this.start, this.size]) places.copyWithin(at, at + 1, n);
    this.paths.splice(at, 1);
    this.unused += part.length;
    return part;
  }

  /** Gives back the room grown beyond what the parts use, when it is much (once a pass has added them all). */
  trim(): void {
    if (this.unused > 0) this.compact(0);
    else if (muchMore(this.last.length, this.used)) this.chunks[this.chunks.length - 1] = this.last.slice(0, this.used);
    const n = this.paths.length;
    if (muchMore(this.start.length, n)) [this.chunkOf, this.start, this.size] = [this.chunkOf.slice(0, n), this.start.slice(0, n), this.size.slice(0, n)];
  }

  private get last(): Int32Array {
    return this.chunks[this.chunks.length - 1];
  }

  /**
   * Room for `more` integers in the last chunk: the unused ones given back when they are half or
   * more, else the last chunk made larger while it is smaller than a full chunk (one copy, whatever
   * the number of parts: a view's first change after the pass trimmed it must not rewrite it part by
   * part, nor add a whole chunk for one part), else a new chunk.
   */
  private makeRoom(more: number): void {
    if (this.unused > 0 && this.unused >= this.written / 2) {
      this.compact(more);
      if (this.used + more <= this.last.length) return;
    }
    const needed = this.used + more;
    if (this.last.length < this.chunkInts && needed <= this.chunkInts) {
      const larger = new Int32Array(Math.min(this.chunkInts, Math.max(needed, this.last.length + (this.last.length >> 1))));
      larger.set(this.last.subarray(0, this.used));
      this.chunks[this.chunks.length - 1] = larger;
      return;
    }
    const chunk = new Int32Array(Math.max(this.chunkInts, more));
    // (a last chunk holding nothing, as a new view's first array may, is replaced, not kept empty)
    if (this.used === 0) this.chunks[this.chunks.length - 1] = chunk;
    else this.chunks.push(chunk);
    this.used = 0;
  }

  /** The parts written again in document order into new chunks, none unused, with room for `more` integers after them. */
  private compact(more: number): void {
    const live = this.written - this.unused;
    const chunks: Int32Array[] = [];
    let chunk = new Int32Array(live + more <= this.chunkInts ? live + more : this.chunkInts);
    let at = 0;
    for (let i = 0; i < this.paths.length; i++) {
      const part = this.part(i);
      if (at + part.length > chunk.length) {
        if (at > 0) chunks.push(chunk);
        chunk = new Int32Array(Math.max(this.chunkInts, part.length));
        at = 0;
      }
      chunk.set(part, at);
      [this.chunkOf[i], this.start[i]] = [chunks.length, at];
      at += part.length;
    }
    if (more === 0 && muchMore(chunk.length, at)) chunk = chunk.slice(0, at);
    chunks.push(chunk);
    [this.chunks, this.used, this.written, this.unused] = [chunks, at, live, 0];
  }
}

/** Integers in a chunk of a large view (256 KB). */
const CHUNK_INTS = 1 << 16;

/** Whether an array of `length` integers holding `used` is worth making again at its size: a quarter of it unused, and more than 64 bytes. */
export function muchMore(length: number, used: number): boolean {
  return length - used > Math.max(16, used >> 2);
}

function grown(array: Int32Array, length: number): Int32Array {
  const bigger = new Int32Array(Math.max(length, 8));
  bigger.set(array);
  return bigger;
}
