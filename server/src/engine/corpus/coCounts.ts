/** Other actors a view holds counts for in a map; past this many, in an array indexed by actor number. */
const DENSE_FROM = 256;

/**
 * How often each other actor (by its number: ActorNumbers) is named in the sentences of a view's
 * actor. Most actors share sentences with a few dozen others, kept in a map; the few named almost
 * everywhere share them with thousands, and every document adds to theirs: their counts live in an
 * array indexed by actor number (4 bytes an actor, less than the map's entries), where adding is an
 * index, not a hash look-up.
 */
export class CoCounts {
  private map: Map<number, number> | undefined = new Map();
  private dense: Int32Array | undefined;

  add(actor: number, n: number): void {
    const dense = this.dense;
    if (dense && actor < dense.length) {
      dense[actor] += n;
      return;
    }
    if (dense) {
      this.grow(actor);
      this.dense![actor] += n;
      return;
    }
    const map = this.map!;
    map.set(actor, (map.get(actor) ?? 0) + n);
    if (map.size > DENSE_FROM) this.makeDense();
  }

  /** Calls `each` with every actor with a count above zero, and its count (in no particular order). */
  forEachPositive(each: (actor: number, n: number) => void): void {
    const dense = this.dense;
    if (dense) {
      for (let actor = 0; actor < dense.length; actor++) if (dense[actor] > 0) each(actor, dense[actor]);
    } else for (const [actor, n] of this.map!) if (n > 0) each(actor, n);
  }

  private makeDense(): void {
    let top = 0;
    for (const actor of this.map!.keys()) top = Math.max(top, actor);
    this.dense = new Int32Array(Math.max(top + 1, 2 * DENSE_FROM));
    for (const [actor, n] of this.map!) this.dense[actor] = n;
    this.map = undefined;
  }

  private grow(actor: number): void {
    const grown = new Int32Array(Math.max(actor + 1, 2 * this.dense!.length));
    grown.set(this.dense!);
    this.dense = grown;
  }
}
