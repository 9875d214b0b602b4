/**
 * Lemmas of lower-case English words: an irregular table, then suffix rules checked against the
 * verb lexicon. Memoised: news reuses its words.
 */
import { claimsLexicon } from './claimsLexicon';

const lemmaCache = new Map<string, string>();
const LEMMA_CACHE_SIZE = 50_000;

/** Lemma of a lower-case word: irregular table, then suffix rules checked against the verb lexicon. */
export function lemmatize(lower: string): string {
  let lemma = lemmaCache.get(lower);
  if (lemma === undefined) {
    lemma = lemmatizeWord(lower);
    if (lemmaCache.size >= LEMMA_CACHE_SIZE) lemmaCache.clear();
    lemmaCache.set(lower, lemma);
  }
  return lemma;
}

function lemmatizeWord(lower: string): string {
  const lex = claimsLexicon();
  const irregular = lex.irregular.get(lower);
  if (irregular) return irregular;
  if (lower.length <= 3 || lex.verbs.has(lower)) return lower;
  for (const candidate of suffixCandidates(lower)) if (lex.verbs.has(candidate)) return candidate;
  if (lower.endsWith('ies') && lower.length > 4) return lower.slice(0, -3) + 'y';
  if (lower.endsWith('sses') || lower.endsWith('shes') || lower.endsWith('ches') || lower.endsWith('xes')) return lower.slice(0, -2);
  if (lower.endsWith('s') && !/(ss|us|is|ics)$/.test(lower)) return lower.slice(0, -1);
  return lower;
}

function suffixCandidates(w: string): string[] {
  const out: string[] = [];
  const undouble = (s: string) => (s.length > 2 && s[s.length - 1] === s[s.length - 2] ? s.slice(0, -1) : s);
  if (w.endsWith('ied')) out.push(w.slice(0, -3) + 'y');
  if (w.endsWith('ed')) {
    const stem = w.slice(0, -2);
    out.push(stem, w.slice(0, -1), undouble(stem));
  }
  if (w.endsWith('ing')) {
    const stem = w.slice(0, -3);
    out.push(stem, stem + 'e', undouble(stem));
  }
  if (w.endsWith('ies')) out.push(w.slice(0, -3) + 'y');
  if (w.endsWith('es')) out.push(w.slice(0, -2));
  if (w.endsWith('s')) out.push(w.slice(0, -1));
  return out;
}

/** An inflected past form of a verb ("said", "invaded"). */
export function isPastForm(lower: string, lemma: string): boolean {
  const lex = claimsLexicon();
  if (lex.irregular.has(lower) && lemma !== lower && !lower.endsWith('s') && !lower.endsWith('ing')) return true;
  return lower.endsWith('ed') && lex.verbs.has(lemma);
}
