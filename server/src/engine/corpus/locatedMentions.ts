import type { Range } from '../types';
import { MENTION_STRIDE, type ResidentDocument } from './residentDocument';

/** A mention's place, shaped as an editor location (a document URI or path, and a range). */
export interface MentionLocation {
  uri: string;
  range: Range;
}

/**
 * References listed by default (the default of VS Code's own `search.maxResults`), and the most
 * mention places a view keeps.
 */
export const KEPT_LOCATIONS = 20_000;

/** Views of actors with at least this many mentions keep their places (fewer are read from the documents in about a millisecond at 100k articles). */
export const KEEP_LOCATIONS_FROM = 2_000;

/** Numbers kept per mention: start line, start character, end line, end character. */
const WIDTH = 4;

/**
 * Writes where the mentions `part[1..part[0]]` (mention indices in document order, as a view's
 * document part begins) are in `doc`, as lines and characters, into `into` from mention `at` on
 * (one pass over the document's line starts).
 */
function writePlaces(doc: ResidentDocument, part: ArrayLike<number>, into: Int32Array, at: number): void {
  const { lineStarts: lines, mentions: spans } = doc;
  let line = 0;
  let o = at * WIDTH;
  for (let k = 1; k <= part[0]; k++) {
    const start = spans[part[k] * MENTION_STRIDE + 1];
    const end = spans[part[k] * MENTION_STRIDE + 2];
    if (start < lines[line]) line = 0;
    while (line + 1 < lines.length && lines[line + 1] <= start) line++;
    let endLine = line;
    while (endLine + 1 < lines.length && lines[endLine + 1] <= end) endLine++;
    into[o++] = line;
    into[o++] = start - lines[line];
    into[o++] = endLine;
    into[o++] = end - lines[endLine];
  }
}

/** Pushes the locations of `count` mentions kept in `data` from mention `at` on, in `uri`, but the `skip`th (-1: none), while `out` is under `limit`. */
function pushLocations(data: Int32Array, at: number, count: number, uri: string, skip: number, out: MentionLocation[], limit: number): void {
  for (let k = 0; k < count && out.length < limit; k++) {
    if (k === skip) continue;
    const o = (at + k) * WIDTH;
    out.push({ uri, range: { start: { line: data[o], character: data[o + 1] }, end: { line: data[o + 2], character: data[o + 3] } } });
  }
}

/** Which mention to leave out: in which document (its path), the how-manieth of the document's mentions of the actor. */
export interface SkippedMention {
  path: string;
  nth: number;
}

/**
 * Where an actor's mentions are (lines and characters), for the first documents of its view in
 * reading order, in one flat array: listing them as references reads no document. At 100k articles
 * the first 20000 mentions of an actor named everywhere lie in ~10k documents, and reading those
 * documents' resident parts costs tens of milliseconds in memory latency alone; reading this
 * array costs none. Extended on request, patched when a document of the view changes.
 */
export class LocatedMentions {
  /** How many mentions each kept document has, for the first `documents` documents of the view. */
  private readonly counts: number[] = [];
  private data = new Int32Array(16 * WIDTH);
  private used = 0;

  /** Documents kept: the first ones of the view's reading order. */
  get documents(): number {
    return this.counts.length;
  }

  /** Mentions kept. */
  get mentions(): number {
    return this.used;
  }

  /** Keeps the places of a document's mentions (a view's document part) as the `at`th document kept (0 ≤ at ≤ documents). */
  insert(at: number, doc: ResidentDocument, part: ArrayLike<number>): void {
    const count = part[0];
    if (WIDTH * (this.used + count) > this.data.length) {
      const grown = new Int32Array(Math.max(2 * this.data.length, WIDTH * (this.used + count)));
      grown.set(this.data.subarray(0, WIDTH * this.used));
      this.data = grown;
    }
    const first = this.firstMentionOf(at);
    this.data.copyWithin(WIDTH * (first + count), WIDTH * first, WIDTH * this.used);
    writePlaces(doc, part, this.data, first);
    this.counts.splice(at, 0, count);
    this.used += count;
  }

  /** Forgets the `at`th document kept (nothing when it is not kept). */
  remove(at: number): void {
    if (at >= this.counts.length) return;
    const first = this.firstMentionOf(at);
    const count = this.counts[at];
    this.data.copyWithin(WIDTH * first, WIDTH * (first + count), WIDTH * this.used);
    this.counts.splice(at, 1);
    this.used -= count;
  }

  /** Gives back the room kept for growth (once built). */
  trim(): void {
    if (this.data.length > WIDTH * this.used) this.data = this.data.slice(0, WIDTH * this.used);
  }

  /** Pushes the kept mentions' locations to `out` while it is under `limit`; `order` names the view's documents in reading order. */
  list(order: readonly string[], out: MentionLocation[], limit: number, skip?: SkippedMention): void {
    let at = 0;
    for (let d = 0; d < this.counts.length && out.length < limit; d++) {
      const uri = order[d];
      pushLocations(this.data, at, this.counts[d], uri, skip && skip.path === uri ? skip.nth : -1, out, limit);
      at += this.counts[d];
    }
  }

  private firstMentionOf(document: number): number {
    if (document === this.counts.length) return this.used;
    let first = 0;
    for (let d = 0; d < document; d++) first += this.counts[d];
    return first;
  }
}

/** Pushes the locations of one document's mentions of an actor (a view's document part) to `out`, read from the document itself (nothing kept). */
export function pushLocationsOf(doc: ResidentDocument, part: ArrayLike<number>, skip: number, out: MentionLocation[], limit: number): void {
  const places = new Int32Array(WIDTH * part[0]);
  writePlaces(doc, part, places, 0);
  pushLocations(places, 0, part[0], doc.path, skip, out, limit);
}
