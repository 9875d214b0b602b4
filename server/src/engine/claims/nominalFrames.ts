/**
 * Nominal events: an event noun with a possessor or a named participant states who did what as well
 * as a verb does ("X's offer of A and B" = X offered A and B; "his proposal of A" with "his" resolved;
 * "advances in Donetsk" = an advance in Donetsk, agent unknown). The noun -> verb list is general
 * English (`eventNouns` in claims-words.json); a bare event noun with neither possessor nor a named
 * participant says too little to be a frame.
 */
import type { ClaimFrame } from '../types';
import { inAttributionFrame, type AttributionFrame } from './attribution';
import { addOnce, isGenericTerm, NO_ROLE, roleOf, termOf, type Role } from './frameRoles';
import type { TaggedWord } from './wordTags';
import { BELIEF, EVIDENCE, REPORTING, STOPWORD } from './wordTypes';

export interface NominalContext {
  from: number;
  to: number;
  frame: AttributionFrame;
  entityAt: (j: number) => number | undefined;
  antecedent?: (j: number) => Role | null;
}

const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their']);
const COMPLEMENT_PREPOSITIONS = new Set(['of', 'in', 'on', 'against', 'into', 'over', 'for', 'to']);
const MAX_MODIFIERS = 2;
/** a complement may list several things ("of A, B, and C"): read further than a verb's object */
const MAX_COMPLEMENT_WORDS = 20;

/** The verb an event noun names ("invasion" -> invade, folded through the synonym groups), or null. */
export function eventOfNoun(w: TaggedWord): string | null {
  return w.tag === 'word' ? w.type.eventNoun : null;
}

/** The frame of the event noun at j, and the first word after its complement; null when it is not one. */
export function nominalFrame(words: TaggedWord[], j: number, ctx: NominalContext): { frame: ClaimFrame; end: number } | null {
  const event = eventOfNoun(words[j]);
  if (!event || words[j + 1]?.lower === "'s") return null;
  let k = j - 1;
  for (let n = 0; k >= ctx.from && n < MAX_MODIFIERS && words[k].tag === 'word' && !eventOfNoun(words[k]); n++) k--;
  let agent: Role = NO_ROLE;
  if (k - 1 >= ctx.from && words[k].lower === "'s" && words[k - 1].tag === 'name') {
    let s = k - 1;
    while (s - 1 >= ctx.from && words[s - 1].tag === 'name') s--;
    agent = roleOf(words, s, k, ctx.entityAt);
  } else if (k >= ctx.from && POSSESSIVE_PRONOUNS.has(words[k].lower)) {
    agent = ctx.antecedent?.(k) ?? NO_ROLE;
  }
  const negated = k >= ctx.from && words[k].lower === 'no';
  const complement = complementAfter(words, j + 1, ctx);
  const possessed = agent.entities.length > 0 || agent.terms.length > 0;
  if (!possessed && complement.entities.length === 0) return null;
  const frame: ClaimFrame = {
    event,
    negated,
    agent: agent.terms,
    agentEntities: agent.entities,
    args: complement.terms.filter((t) => t !== event),
    argEntities: complement.entities,
  };
  frame.nominal = true;
  if (agent.coref) frame.coref = true;
  return { frame, end: complement.end };
}

/** "of A, B and C": a preposition and the noun phrases after it, up to a finite verb or the clause's end. */
function complementAfter(words: TaggedWord[], from: number, ctx: NominalContext): Role & { end: number } {
  const out = { terms: [] as string[], entities: [] as number[], end: from };
  if (from >= ctx.to || !COMPLEMENT_PREPOSITIONS.has(words[from].lower)) return out;
  let j = from + 1;
  for (let n = 0; j < ctx.to && n < MAX_COMPLEMENT_WORDS; j++, n++) {
    const w = words[j];
    if (inAttributionFrame(words, ctx.frame, j) || w.tag === 'verb' || w.tag === 'aux' || w.tag === 'modal' || w.tag === 'pron') break;
    if (w.tag === 'punct' && w.lower !== ',' && w.lower !== '-' && w.lower !== "'s") break;
    // "… and advances in X": the next event noun opens its own frame; "… suggest that": a report verb ends it
    if (n > 0 && eventOfNoun(w) && (words[j - 1].tag === 'conj' || words[j - 1].lower === ',')) break;
    const reportVerb = (w.type.flags & (REPORTING | BELIEF | EVIDENCE)) !== 0;
    if (reportVerb && n > 0 && !w.lower.endsWith('ing')) break;
    if (w.tag !== 'name' && w.tag !== 'word' && w.tag !== 'vpart') continue;
    if (w.type.flags & STOPWORD) continue;
    const entity = ctx.entityAt(j);
    if (entity !== undefined) addOnce(out.entities, entity);
    const term = termOf(w);
    if (!isGenericTerm(w, term)) addOnce(out.terms, term);
  }
  out.end = j;
  return out;
}
