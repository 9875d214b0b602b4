import type { ActorMention, LocalEntity } from '../types';
import type { TextModel } from '../text/textModel';
import type { ActorLexicon } from './lexicon';

export interface ActorFindings {
  entities: LocalEntity[];
  mentions: ActorMention[];
}

/**
 * Mentions of actors in one document, grouped into document-local entities.
 * STUB (issue 3 replaces it): no mentions.
 */
export function findActors(model: TextModel, lexicon: ActorLexicon): ActorFindings {
  void model;
  void lexicon;
  return { entities: [], mentions: [] };
}
