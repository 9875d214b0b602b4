/**
 * Light coreference for frame agents: a third-person pronoun ("It has stepped up…", "his proposal")
 * takes the nearest earlier actor of the same sentence whose kind agrees (he/she -> person; it ->
 * state, organisation, place, thing; they -> group or organisation), else the agent of the previous
 * claim's main frame in the same paragraph when its kind agrees. Frames resolved this way are marked
 * `coref`: weaker evidence when linking, never evidence for a contradiction.
 */
import type { ActorKind, ActorMention, ClaimFrame, LocalEntity } from '../types';
import { addOnce, termOf, type Role } from './frameRoles';
import type { TaggedWord } from './wordTags';

const PRONOUN_KINDS: Record<string, ActorKind[]> = {
  it: ['state', 'organization', 'place', 'other'],
  its: ['state', 'organization', 'place', 'other'],
  he: ['person'],
  his: ['person'],
  she: ['person'],
  her: ['person'],
  they: ['group', 'organization'],
  their: ['group', 'organization'],
};

export type PronounResolver = (j: number) => Role | null;

export function isResolvablePronoun(word: TaggedWord): boolean {
  return Object.hasOwn(PRONOUN_KINDS, word.lower);
}

/** The agent of a frame (the first with an actor as agent): what a pronoun in the next sentence may refer to. */
export function agentRoleOf(frame: ClaimFrame | undefined): Role | null {
  return frame ? { terms: frame.agent, entities: frame.agentEntities } : null;
}

export function pronounResolver(
  words: TaggedWord[],
  mentions: ActorMention[],
  entities: LocalEntity[],
  previousAgent: Role | null,
): PronounResolver {
  return (j) => {
    const kinds = PRONOUN_KINDS[words[j]?.lower];
    if (!kinds) return null;
    const agrees = (e: number) => kinds.includes(entities[e]?.kind);
    const before = words[j].token.start;
    for (let k = mentions.length - 1; k >= 0; k--) {
      const m = mentions[k];
      if (m.end > before || !agrees(m.entity)) continue;
      const terms: string[] = [];
      for (const w of words) if (w.token.start >= m.start && w.token.end <= m.end && w.tag === 'name') addOnce(terms, termOf(w));
      return { terms, entities: [m.entity], coref: true };
    }
    if (previousAgent && agrees(previousAgent.entities[previousAgent.entities.length - 1])) {
      return { terms: [...previousAgent.terms], entities: [...previousAgent.entities], coref: true };
    }
    return null;
  };
}
