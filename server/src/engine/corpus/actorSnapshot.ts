import { EntityActors } from '../actors/entityActors';
import type { ActorTable } from '../actors/resolveActors';
import type { Inference } from '../actors/resolveDescriptive';
import { actorFieldsBut, mentionRefsOf, withMentionRefs } from '../actors/mentionRefs';
import type { Actor } from '../types';

/**
 * The actor join's result as persisted with the index (see persistedIndex.ts), so that a warm start
 * restores the actors instead of joining the corpus again: the actors without their mention
 * references (one `{"A": number, "v": actor}` line each), and per document which actor each local
 * entity belongs to and the inferences behind descriptive references (fields "a" and "i" of the
 * document's line). Mentions are rebuilt from those and the documents' mention entities, in the
 * join's own order, so the restored table equals the joined one.
 */
export interface ActorSnapshotDocument {
  /** Per local entity: its actor's number, or -1. */
  actors: number[];
  /** [entity, confidence, evidence] for entities resolved by inference. */
  inferences: [number, number, string][];
}

/** Actor lines and a function giving each document's part of the snapshot. */
export function snapshotOf(table: ActorTable): { actorLines: string[]; documentPart(path: string, entities: number): ActorSnapshotDocument } {
  const numbers = new Map<string, number>();
  const actorLines = table.actors.map((actor, n) => {
    numbers.set(actor.id, n);
    return `{"A":${n},"v":${JSON.stringify(actorFieldsBut(actor, 'mentions'))}}`;
  });
  const documentPart = (path: string, entities: number): ActorSnapshotDocument => {
    const actors: number[] = [];
    const inferences: [number, number, string][] = [];
    for (let e = 0; e < entities; e++) {
      const id = table.actorOf(path, e);
      actors.push(id === undefined ? -1 : (numbers.get(id) ?? -1));
      const inference = table.inference(path, e);
      if (inference) inferences.push([e, inference.confidence, inference.evidence]);
    }
    return { actors, inferences };
  };
  return { actorLines, documentPart };
}

/** Reads a snapshot back: the actors (in order) and each document's part with its mention entities. */
export function restoreActorTable(actors: Actor[], documents: { path: string; part: ActorSnapshotDocument; mentionEntities: number[] }[]): ActorTable {
  const byId = new Map<string, Actor>();
  for (const actor of actors) byId.set(actor.id, actor);
  const entityActors = new EntityActors();
  const inferences = new Map<string, Inference>();
  const sorted = [...documents].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const { path, part, mentionEntities } of sorted) {
    part.actors.forEach((n, e) => {
      if (n >= 0) entityActors.set(path, e, actors[n].id);
    });
    for (const [e, confidence, evidence] of part.inferences) inferences.set(`${path}\u0000${e}`, { confidence, evidence });
    mentionEntities.forEach((e, index) => {
      const n = part.actors[e];
      if (n !== undefined && n >= 0) mentionRefsOf(actors[n])!.push(path, index);
    });
  }
  return {
    actors,
    byId,
    actorOf: (path, entity) => entityActors.get(path, entity),
    actorsOf: (path) => entityActors.ofDocument(path),
    inference: (path, entity) => inferences.get(`${path}\u0000${entity}`),
  };
}

/** An actor line's actor, checked (mentions are rebuilt by restoreActorTable). */
export function actorOfLine(value: unknown): Actor {
  const v = value as Actor;
  if (typeof v?.id !== 'string' || typeof v.name !== 'string' || !Array.isArray(v.aliases) || !Array.isArray(v.roles)) throw new Error('malformed actor');
  return withMentionRefs({ ...v });
}
