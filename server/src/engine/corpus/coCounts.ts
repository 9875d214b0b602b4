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

/**
 * Co-mentioned actors, most often first: their numbers (ActorNumbers) and counts, sorted by count
 * as numbers; each run of equal counts is put in id order when a request first reads into it
 * (`tiesSortedTo`: runs before it are), so a hover card's first few cost a few short sorts, not a
 * comparison by id of every actor counted (views of actors named everywhere count thousands).
 */
export interface CoRanking {
  others: Int32Array;
  counts: Int32Array;
  tiesSortedTo: number;
}

/** The counts above zero, ranked by count (ties not yet in id order: see topOfRanking). */
export function rankCounts(co: CoCounts): CoRanking {
  const found: number[] = [];
  const foundCounts: number[] = [];
  co.forEachPositive((other, n) => (found.push(other), foundCounts.push(n)));
  const scale = 2 ** Math.ceil(Math.log2(found.length + 1));
  // count * scale + position: sorted as numbers, exact below 2^53 (counts below 2^31 with up to 4M actors counted)
  const keys = Float64Array.from(foundCounts, (n, i) => n * scale + i).sort();
  const others = new Int32Array(found.length);
  const counts = new Int32Array(found.length);
  for (let k = 0; k < keys.length; k++) {
    const i = keys[keys.length - 1 - k] % scale;
    others[k] = found[i];
    counts[k] = foundCounts[i];
  }
  return { others, counts, tiesSortedTo: 0 };
}

/** The first `limit` of a ranking and those tied with the last of them, as [id, count], ties in id order. */
export function topOfRanking(ranking: CoRanking, limit: number, idOf: (n: number) => string): [string, number][] {
  const { others, counts } = ranking;
  let end = Math.min(limit, counts.length);
  while (end > 0 && end < counts.length && counts[end] === counts[end - 1]) end++;
  // the runs of equal counts before `end` put in id order (those not yet)
  while (ranking.tiesSortedTo < end) {
    const start = ranking.tiesSortedTo;
    let stop = start + 1;
    while (stop < counts.length && counts[stop] === counts[start]) stop++;
    if (stop - start > 1) {
      const ids = Array.from(others.subarray(start, stop), (n) => ({ n, id: idOf(n) })).sort((a, b) => (a.id < b.id ? -1 : 1));
      ids.forEach((x, i) => (others[start + i] = x.n));
    }
    ranking.tiesSortedTo = stop;
  }
  return Array.from(others.subarray(0, end), (other, i): [string, number] => [idOf(other), counts[i]]);
}
