/**
 * Kinds of unknown names from the sentence around them (pass 1, after a sentence's candidates are
 * found): a name coordinated with a name of known kind shares it ("Hiroshima and Nagasaki",
 * "Lukaku, Carrasco and Dries Mertens"); a name followed by ", <state or region>" is a place
 * ("Irving, Texas"); a possessor right before a person's name is an organisation ("Demosisto's
 * Nathan Law"). Only names the lexicon and their own words could not type are changed.
 */
import type { ActorKind } from '../types';
import type { ActorLexicon } from './lexicon';
import type { NameCandidate } from './scan';
import type { Unit } from './units';
import { GIVEN_NAME, isWord, SURNAME } from './lexiconWords';

export function kindsFromContext(lex: ActorLexicon, units: readonly Unit[], out: NameCandidate[]): void {
  for (let k = 1; k < out.length; k++) {
    const a = out[k - 1];
    const b = out[k];
    if (coordinated(units, a.to, b.from)) {
      const ka = knownKind(lex, a);
      const kb = knownKind(lex, b);
      if (ka && !kb && undecided(lex, b, ka)) b.kind = ka;
      else if (kb && !ka && undecided(lex, a, kb)) a.kind = kb;
    }
    // a given name alone is no way to name a person in the news: "Irving, Texas" is a place
    if (b.from === a.to && units[b.from].punctBefore === ',' && regionAfter(lex, units, b) && !a.hit && !a.personCue && (a.units.length === 1 || undecided(lex, a, 'place'))) a.kind = 'place';
    if (b.from === a.to && units[b.from].punctBefore === "'s" && a.units.length === 1 && !a.hit && a.kind === undefined && b.kind === 'person' && !b.hit) a.kind = 'organization';
  }
}

/** "A and B", "A or the B", "A, B": nothing but a comma or a conjunction (maybe with "the") between them. */
function coordinated(units: readonly Unit[], end: number, start: number): boolean {
  if (start === end) return units[start].punctBefore === ',';
  let j = end;
  if (j < start && (units[j].key === 'and' || units[j].key === 'or') && !units[j].upper) j++;
  else return false;
  if (j < start && units[j].key === 'the' && !units[j].upper) j++;
  return j === start && !units[start].breakBefore && (!units[end].breakBefore || units[end].punctBefore === ',');
}

/**
 * The kind a candidate is sure of: a known place (a city or region, not a state: "Russia and Navalny"
 * says nothing), a person with a given name or a title, an organisation by its last word or the gazetteer.
 */
function knownKind(lex: ActorLexicon, c: NameCandidate): ActorKind | undefined {
  if (c.hit) {
    if (c.hit.role === 'demonym' || c.hit.role === 'seat') return undefined;
    const kind = c.hit.entry?.kind;
    return kind === 'place' || kind === 'organization' ? kind : undefined;
  }
  if (c.kind === 'person') return c.guessed ? undefined : 'person';
  if (c.kind === 'organization' || c.kind === 'place') return c.units.length >= 2 ? c.kind : undefined;
  return undefined;
}

/** Not typed by the lexicon or its own words, and not a known personal name (for another kind than person). */
function undecided(lex: ActorLexicon, c: NameCandidate, kind: ActorKind): boolean {
  if (c.hit || c.personCue) return false;
  if (c.kind !== undefined && c.kind !== 'other' && !c.guessed) return false;
  if (kind === 'person' || c.units.length > 1) return true;
  return !isWord(lex, c.units[0], GIVEN_NAME) && !isWord(lex, c.units[0], SURNAME);
}

/** ", Texas" closing a phrase: a state or region of the gazetteer followed by punctuation or the end. */
function regionAfter(lex: ActorLexicon, units: readonly Unit[], b: NameCandidate): boolean {
  if (!b.hit || b.hit.role !== 'name') return false;
  const kind = b.hit.entry?.kind;
  if (kind !== 'place' && kind !== 'state') return false;
  const next = units[b.to];
  // not "Gomez, Panama coach", not "Aceh, Indonesia's"
  return !next || (next.breakBefore && next.punctBefore !== "'s");
}
