import type { Actor, DocumentAnalysis } from '../types';
import type { ActorLexicon } from './lexicon';

/** The corpus-wide actors: document-local entities joined across documents. */
export interface ActorTable {
  actors: Actor[];
  byId: Map<string, Actor>;
  /** Actor id of a document's local entity. */
  actorOf(path: string, entity: number): string | undefined;
}

/**
 * Joins the local entities of all documents into actors with stable ids.
 * Reads only the per-document entities and mentions (never the text), so it is cheap to redo.
 * FIRST VERSION (issue 3 refines it): entities join on their gazetteer id or their longest name key.
 */
export function resolveActors(docs: Iterable<DocumentAnalysis>, lexicon: ActorLexicon): ActorTable {
  void lexicon;
  const byId = new Map<string, Actor>();
  const entityActor = new Map<string, string>();
  for (const doc of docs) {
    doc.entities.forEach((entity, i) => {
      const id = entity.gazetteerId ?? slug(entity.keys[0] ?? entity.name);
      let actor = byId.get(id);
      if (!actor) {
        actor = { id, name: entity.name, kind: entity.kind, aliases: [], roles: [], mentions: [] };
        byId.set(id, actor);
      }
      for (const alias of entity.aliases) if (!actor.aliases.includes(alias)) actor.aliases.push(alias);
      for (const role of entity.roles) actor.roles.push({ role, path: doc.path });
      entityActor.set(`${doc.path}\u0000${i}`, id);
    });
    doc.mentions.forEach((m, index) => {
      const id = entityActor.get(`${doc.path}\u0000${m.entity}`);
      if (id) byId.get(id)!.mentions.push({ path: doc.path, index });
    });
  }
  return {
    actors: [...byId.values()],
    byId,
    actorOf: (path, entity) => entityActor.get(`${path}\u0000${entity}`),
  };
}

export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['\u2019.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
