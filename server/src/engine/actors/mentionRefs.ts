import type { Actor, MentionRef } from '../types';

/**
 * An actor's mentions across the corpus as two flat arrays, the document's path (one string shared
 * by every reference into that document) and the mention's index in it, instead of one
 * `{path, index}` object per mention: 4.7 million mentions at 100k articles, ~48 bytes each as
 * objects against ~16 here, and none for the collector to trace. The objects are made only when the
 * whole list is read (`actor.mentions`: an export, a merge suggestion, tests).
 */
export class MentionRefs {
  readonly paths: string[] = [];
  readonly indices: number[] = [];

  get length(): number {
    return this.paths.length;
  }

  push(path: string, index: number): void {
    this.paths.push(path);
    this.indices.push(index);
  }

  toArray(): MentionRef[] {
    return this.paths.map((path, i) => ({ path, index: this.indices[i] }));
  }
}

const REFS = Symbol('mentionRefs');

/** The actor with `mentions` read from `refs` (a fresh array each time it is read: use mentionCount and mentionPaths on request paths). */
export function withMentionRefs(actor: Omit<Actor, 'mentions'> & { mentions?: unknown }, refs = new MentionRefs()): Actor {
  Object.defineProperty(actor, 'mentions', { get: () => refs.toArray(), enumerable: true, configurable: true });
  Object.defineProperty(actor, REFS, { value: refs, enumerable: false, configurable: true });
  return actor as Actor;
}

/** The compact references of an actor made by the join or restored from a snapshot; undefined for any other. */
export function mentionRefsOf(actor: Actor): MentionRefs | undefined {
  return (actor as unknown as { [REFS]?: MentionRefs })[REFS];
}

/** How many mentions the actor has, without making its list. */
export function mentionCountOf(actor: Actor): number {
  return mentionRefsOf(actor)?.length ?? actor.mentions.length;
}

/** The path of each of the actor's mentions, in order, without making its list. */
export function mentionPaths(actor: Actor): readonly string[] {
  return mentionRefsOf(actor)?.paths ?? actor.mentions.map((m) => m.path);
}

/** The actor's own fields in order but `leftOut`, copied without reading `mentions` (which would make the whole list). */
export function actorFieldsBut<K extends keyof Actor>(actor: Actor, ...leftOut: K[]): Omit<Actor, K> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(actor)) if (!(leftOut as string[]).includes(key)) out[key] = (actor as unknown as Record<string, unknown>)[key];
  return out as Omit<Actor, K>;
}
