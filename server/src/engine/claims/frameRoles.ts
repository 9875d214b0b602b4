/**
 * Roles of a claim frame (agent, arguments) read from tagged words: canonical terms plus the local
 * entities of the actor mentions inside them. Shared by verbal frames (frames.ts) and nominal ones
 * (nominalFrames.ts).
 */
import { canonical } from './claimKeys';
import { claimsLexicon } from './claimsLexicon';
import { isContentWord, type TaggedWord } from './wordTags';

export interface Role {
  terms: string[];
  entities: number[];
  /** a pronoun resolved to an earlier actor */
  coref?: boolean;
}

export const NO_ROLE: Role = { terms: [], entities: [] };

/** Canonical terms and entities of a noun phrase; a pronoun alone is an unknown role. */
export function roleOf(words: TaggedWord[], from: number, to: number, entityAt: (j: number) => number | undefined): Role {
  const lex = claimsLexicon();
  const role: Role = { terms: [], entities: [] };
  for (let k = from; k < to; k++) {
    const w = words[k];
    const entity = entityAt(k);
    if (entity !== undefined) addAll(role.entities, [entity]);
    if (w.tag === 'name' || (w.tag === 'word' && isContentWord(w) && !lex.genericTerms.has(w.lemma))) addAll(role.terms, [termOf(w)]);
  }
  return role;
}

export function termOf(w: TaggedWord): string {
  return canonical(w.tag === 'name' ? w.lower.replace(/\./g, '') : w.lemma);
}

export function addAll<T>(list: T[], values: T[]): void {
  for (const v of values) if (!list.includes(v)) list.push(v);
}
