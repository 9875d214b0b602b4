/**
 * Roles of a claim frame (agent, arguments) read from tagged words: canonical terms plus the local
 * entities of the actor mentions inside them. Shared by verbal frames (frames.ts) and nominal ones
 * (nominalFrames.ts).
 */
import { claimsLexicon } from './claimsLexicon';
import { isContentWord, type TaggedWord } from './wordTags';
import { GENERIC_LEMMA, GENERIC_TERM, MONTH_NAME, TEMPORAL_NOUN, TIME_UNIT } from './wordTypes';

export interface Role {
  terms: string[];
  entities: number[];
  /** a pronoun resolved to an earlier actor */
  coref?: boolean;
}

export const NO_ROLE: Role = { terms: [], entities: [] };

/** Canonical terms and entities of a noun phrase; a pronoun alone is an unknown role. */
export function roleOf(words: TaggedWord[], from: number, to: number, entityAt: (j: number) => number | undefined): Role {
  const role: Role = { terms: [], entities: [] };
  for (let k = from; k < to; k++) {
    const w = words[k];
    const entity = entityAt(k);
    if (entity !== undefined) addOnce(role.entities, entity);
    if (isTimeWord(w)) continue;
    if (w.tag === 'name' || (w.tag === 'word' && isContentWord(w) && !(w.type.flags & GENERIC_LEMMA))) addOnce(role.terms, termOf(w));
  }
  return role;
}

/** The canonical term of a word: of its lower-case form without dots for a name, of its lemma otherwise. */
export function termOf(w: TaggedWord): string {
  return w.tag === 'name' ? w.type.nameTerm : w.type.lemmaTerm;
}

/**
 * A day, a month, a season or a unit of time ("on Monday", "in March", "last month"): when something
 * happened, not who or what took part in it (two claims on the same day share no participant by it;
 * their dates are compared apart: Claim.when).
 */
export function isTimeWord(w: TaggedWord): boolean {
  return (w.type.flags & (TEMPORAL_NOUN | MONTH_NAME | TIME_UNIT)) !== 0;
}

/** Whether the word's term (or its lemma) is too common to tell claims apart. */
export function isGenericTerm(w: TaggedWord, term: string): boolean {
  if (w.type.flags & GENERIC_LEMMA) return true;
  return term === w.type.lemmaTerm ? (w.type.flags & GENERIC_TERM) !== 0 : claimsLexicon().genericTerms.has(term);
}

export function addAll<T>(list: T[], values: T[]): void {
  for (const v of values) addOnce(list, v);
}

/** Appends the value unless the list holds it already. */
export function addOnce<T>(list: T[], value: T): void {
  for (let k = 0; k < list.length; k++) if (list[k] === value) return;
  list.push(value);
}
