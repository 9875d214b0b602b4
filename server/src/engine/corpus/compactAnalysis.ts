import type { DocumentAnalysis } from '../types';

/** Strings up to this length are shared between analyses (lemmas, kinds, cues, names); longer ones are mostly unique. */
const SHARED_MAX_LENGTH = 40;
/** Bound on the shared-string table, so a corpus of unusual words cannot grow it without limit. */
const SHARED_MAX_ENTRIES = 1 << 19;

/**
 * The same analysis in its most compact heap form, for keeping in the index: a JSON round trip gives
 * arrays and objects allocated at their exact size (arrays grown by push keep up to half again as
 * much spare room) and no string slices keeping larger strings alive; then short strings repeated
 * across documents (lemmas, kinds, cues, names) and short arrays (see shareArray) are replaced by one
 * shared copy. The index already
 * held JSON round-tripped analyses when they came from the persisted index, so this changes no value
 * a reader sees. About 1 ms for a 3 KB article: done once per analysis, never per request.
 */
export function compactAnalysis(analysis: DocumentAnalysis): DocumentAnalysis {
  return shareStrings(JSON.parse(JSON.stringify(analysis))) as DocumentAnalysis;
}

/** Arrays up to this length made only of strings or only of integers are shared too (entity indices, lemma lists, keys). */
const SHARED_ARRAY_MAX_LENGTH = 4;

const shared = new Map<string, string>();
const sharedArrays = new Map<string, readonly unknown[]>();
const EMPTY: readonly unknown[] = Object.freeze([]);

/**
 * One frozen copy of each short array of strings or of integers (and of the empty array): analyses
 * repeat them by the hundred ([] for no dates, [6] for one entity, ["putin"] for a subject).
 * Frozen, so a reader that tried to change a shared array would fail loudly instead of changing
 * every analysis; nothing mutates a stored analysis.
 */
function shareArray(array: unknown[]): unknown[] {
  if (array.length === 0) return EMPTY as unknown[];
  if (array.length > SHARED_ARRAY_MAX_LENGTH) return array;
  const strings = array.every((x) => typeof x === 'string' && x.length <= SHARED_MAX_LENGTH);
  if (!strings && !array.every((x) => Number.isInteger(x))) return array;
  const key = JSON.stringify(array);
  const known = sharedArrays.get(key);
  if (known !== undefined) return known as unknown[];
  if (sharedArrays.size >= SHARED_MAX_ENTRIES) return array;
  Object.freeze(array);
  sharedArrays.set(key, array);
  return array;
}

/** Replaces, in place, every short string and short array of a parsed JSON value by its shared copy; returns the value (or its shared copy). */
export function shareStrings(value: unknown): unknown {
  if (typeof value === 'string') {
    if (value.length > SHARED_MAX_LENGTH) return value;
    const known = shared.get(value);
    if (known !== undefined) return known;
    if (shared.size < SHARED_MAX_ENTRIES) shared.set(value, value);
    return value;
  }
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'number') value[i] = shareStrings(value[i]);
    return shareArray(value);
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const v = record[key];
    if (typeof v !== 'number' && typeof v !== 'boolean') record[key] = shareStrings(v);
  }
  return value;
}
