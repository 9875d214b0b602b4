import { muchMore, ViewParts } from './viewParts';

/**
 * The parts of every view a views' pass makes, written one after the other into a few large slabs
 * as the pass makes them, each view's ViewParts made at the end with its parts where they lie
 * (ViewParts.ofPlaces), rather than arrays of each view grown by copying as the pass goes. At 100k
 * articles the pass grew ~87k such arrays (~150 MB of new memory outside the heap for ~2 million
 * parts), and memory allocated outside the heap at that pace set off a full collection of the
 * ~650 MB heap every second or so, each ~350 ms of the thread's time.
 *
 * Each part is written after a header of three integers: where the same view's previous part is
 * (-1: none), its document's number (its place in `documents`) and its size. A view is then its
 * last part's place and its count of parts: no list of each view grows during the pass.
 */
export class PassParts {
  private readonly slabs: Int32Array[] = [];
  private slab = new Int32Array(0);
  private used = 0;
  private total = 0;
  /** The documents of the pass, in the order their parts are written. */
  private readonly documents: string[] = [];

  /** Starts a document: the parts written next are its. */
  document(path: string): void {
    this.documents.push(path);
  }

  /** Writes a part of the current document; returns its place (to give as `previous` with the same view's next part). */
  write(part: ArrayLike<number>, previous: number): number {
    const size = HEADER + part.length;
    if (this.used + size > this.slab.length) {
      // slabs as large as all written so far, up to SLAB_INTS (a small corpus gets small ones)
      this.slab = new Int32Array(Math.max(size, Math.min(SLAB_INTS, Math.max(FIRST_SLAB_INTS, this.total))));
      this.slabs.push(this.slab);
      this.used = 0;
    }
    const at = this.used;
    [this.slab[at], this.slab[at + 1], this.slab[at + 2]] = [previous, this.documents.length - 1, part.length];
    this.slab.set(part, at + HEADER);
    this.used += size;
    this.total += size;
    return (this.slabs.length - 1) * SLAB_INTS + at;
  }

  /** Gives back the room the last slab has left; call once every part is written, before views are made. */
  finish(): void {
    if (this.slabs.length > 0 && muchMore(this.slab.length, this.used)) this.slabs[this.slabs.length - 1] = this.slab = this.slab.slice(0, this.used);
  }

  /** The parts of a view whose last part is at `last` and which has `count` of them, in the order written. */
  viewParts(last: number, count: number): ViewParts {
    const paths = new Array<string>(count);
    const [slabOf, startOf, sizeOf] = [new Int32Array(count), new Int32Array(count), new Int32Array(count)];
    for (let i = count - 1, at = last; i >= 0; i--) {
      const slab = Math.floor(at / SLAB_INTS);
      const offset = at - slab * SLAB_INTS;
      const header = this.slabs[slab];
      [paths[i], slabOf[i], startOf[i], sizeOf[i]] = [this.documents[header[offset + 1]], slab, offset + HEADER, header[offset + 2]];
      at = header[offset];
    }
    return ViewParts.ofPlaces(paths, slabOf, startOf, sizeOf, this.slabs);
  }
}

const HEADER = 3;
const FIRST_SLAB_INTS = 1 << 12;
/** Integers in a full slab (4 MB); also the stride of places (a slab's number times this, plus the offset in it). */
const SLAB_INTS = 1 << 20;
