/**
 * What the rest of a document says about a word: whether it is written with a capital away from a
 * sentence start, and whether it is written in lower case. Pass 2 asks only about the few words
 * that are single-word name candidates, so only those are collected: one pass over the units of
 * the document with a cheap filter (length and first letter) before any hashing.
 */
import type { Unit } from './units';

export interface DocumentEvidence {
  /** Word keys seen capitalised away from a sentence start. */
  capitalised: Set<string>;
  /** Word keys seen in lower case. */
  lowercase: Set<string>;
}

const LONG = 31;
/** Reused by every call (one thread runs one call at a time). */
const filter = new Uint32Array(LONG + 1);

/** Evidence about the `asked` keys, from the units of the sentences read as running text. */
export function collectEvidence(sentences: readonly (readonly Unit[])[], asked: ReadonlySet<string>): DocumentEvidence {
  const evidence: DocumentEvidence = { capitalised: new Set(), lowercase: new Set() };
  if (asked.size === 0) return evidence;
  // bit (first code unit & 31) of filter[min(length, 31)] is set for every asked key
  filter.fill(0);
  for (const key of asked) filter[Math.min(key.length, LONG)] |= 1 << (key.charCodeAt(0) & 31);
  for (const units of sentences) {
    for (const u of units) {
      const key = u.key;
      if (((filter[Math.min(key.length, LONG)] >>> (key.charCodeAt(0) & 31)) & 1) === 0 || !asked.has(key)) continue;
      if (u.upper) {
        if (!u.initial) evidence.capitalised.add(key);
      } else evidence.lowercase.add(key);
    }
  }
  return evidence;
}
