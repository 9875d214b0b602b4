import type { PassSlices } from '../joinSteps';

/** A document and how often it names an actor (the top documents of a view). */
export type DocumentCount = { path: string; count: number };

/**
 * Puts a document in a list of at most `limit` documents kept by mention count (then path), if it
 * belongs there: most documents do not, and are told apart before an entry is made for them.
 */
export function offerTop(top: DocumentCount[], limit: number, path: string, count: number): void {
  const last = top.length === limit ? top[limit - 1] : undefined;
  if (last && (count < last.count || (count === last.count && path > last.path))) return;
  let at = last ? limit - 1 : top.length;
  while (at > 0 && (top[at - 1].count < count || (top[at - 1].count === count && path < top[at - 1].path))) {
    top[at] = top[at - 1];
    at--;
  }
  top[at] = { path, count };
}

/** A document's place in reading order as a string that sorts as readingOrder does (dated first, earliest first, then by path), the path after a NUL. */
export function readingKey(path: string, date: string | undefined): string {
  return date ? `0${date}\u0000${path}` : `1\u0000${path}`;
}

/** Paths sorted in reading order (each document's date read once), in slices of time. */
export async function inReadingOrder(paths: readonly string[], dateOf: (path: string) => string | undefined, slices: PassSlices): Promise<string[]> {
  const keys: string[] = [];
  for (const path of paths) {
    keys.push(readingKey(path, dateOf(path)));
    if (slices.due()) await slices.next();
  }
  return keys.sort().map((key) => key.slice(key.indexOf('\u0000') + 1));
}

/** Reading order: dated documents first, earliest first, then by path. */
export function readingOrder(a: string, da: string | undefined, b: string, db: string | undefined): number {
  if (da && db && da !== db) return da < db ? -1 : 1;
  if (da && !db) return -1;
  if (db && !da) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
