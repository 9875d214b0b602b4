/**
 * A view's documents in reading order and each one's part (see documentParts.ts), the parts one
 * after the other in one integer array rather than one JS array each: a view of an actor named in
 * every document holds as many parts as documents, ~2 million parts at 100k articles in all, which
 * the collector copied as they survived the views' pass and traced at every full collection since.
 * A part removed (its document edited) leaves its integers unused until the array is compacted.
 */
export class ViewParts {
  /** The documents, in the view's reading order. */
  readonly paths: string[] = [];
  private start: Int32Array = new Int32Array(8);
  private size: Int32Array = new Int32Array(8);
  /** (16 integers to start with: an array of at most 64 bytes lies in the heap, one larger is a buffer outside it, slower to make; most views are small) */
  private data: Int32Array = new Int32Array(16);
  private used = 0;
  private unused = 0;

  get length(): number {
    return this.paths.length;
  }

  /** The `i`th document's part: a view into the array, to read before the next change. */
  part(i: number): Int32Array {
    const from = this.start[i];
    return this.data.subarray(from, from + this.size[i]);
  }

  /** The `i`th document's count of mentions (a part's first integer), without a view. */
  mentionTotal(i: number): number {
    return this.data[this.start[i]];
  }

  /** Adds a document and its part as the `at`th (0 ≤ at ≤ length). */
  insert(at: number, path: string, part: ArrayLike<number>): void {
    const n = this.paths.length;
    if (this.used + part.length > this.data.length) this.makeRoom(part.length);
    if (n === this.start.length) [this.start, this.size] = [grown(this.start, 2 * n), grown(this.size, 2 * n)];
    if (at < n) {
      this.start.copyWithin(at + 1, at, n);
      this.size.copyWithin(at + 1, at, n);
      this.paths.splice(at, 0, path);
    } else this.paths.push(path);
    this.data.set(part, this.used);
    this.start[at] = this.used;
    this.size[at] = part.length;
    this.used += part.length;
  }

  /** Takes out the `at`th document; returns its part (a copy). */
  remove(at: number): Int32Array {
    const part = this.part(at).slice();
    const n = this.paths.length;
    this.start.copyWithin(at, at + 1, n);
    this.size.copyWithin(at, at + 1, n);
    this.paths.splice(at, 1);
    this.unused += part.length;
    return part;
  }

  /** Gives back the room grown beyond what the parts use, when it is much (once a pass has added them all). */
  trim(): void {
    if (this.unused > 0) this.compact(this.used - this.unused);
    else if (muchMore(this.data.length, this.used)) this.data = this.data.slice(0, this.used);
    const n = this.paths.length;
    if (muchMore(this.start.length, n)) [this.start, this.size] = [this.start.slice(0, n), this.size.slice(0, n)];
  }

  /**
   * Room for `more` integers: the unused ones given back when they are half or more, else a larger
   * array with the same contents (one copy, whatever the number of parts: a view's first change after
   * the pass trimmed it must not rewrite it part by part).
   */
  private makeRoom(more: number): void {
    if (this.unused >= this.used / 2 && this.used - this.unused + more <= this.data.length) return this.compact(this.data.length);
    const larger = new Int32Array(Math.max(this.used + more, this.data.length + (this.data.length >> 1)));
    larger.set(this.data.subarray(0, this.used));
    this.data = larger;
  }

  /** The parts written again in document order into an array of `capacity` integers, none unused. */
  private compact(capacity: number): void {
    const [from, data] = [this.data, new Int32Array(capacity)];
    let at = 0;
    for (let i = 0; i < this.paths.length; i++) {
      const start = this.start[i];
      const end = start + this.size[i];
      this.start[i] = at;
      for (let k = start; k < end; k++) data[at++] = from[k];
    }
    [this.data, this.used, this.unused] = [data, at, 0];
  }
}

/** Whether an array of `length` integers holding `used` is worth making again at its size: a quarter of it unused, and more than 64 bytes. */
function muchMore(length: number, used: number): boolean {
  return length - used > Math.max(16, used >> 2);
}

function grown(array: Int32Array, length: number): Int32Array {
  const bigger = new Int32Array(Math.max(length, 8));
  bigger.set(array);
  return bigger;
}
