import { actorFieldsBut, mentionPaths } from '../actors/mentionRefs';
import { addAlias, addDescriptiveForms, slug, type ActorTable, type DocumentContribution } from '../actors/resolveActors';
import type { Actor, LocalEntity, MentionRef } from '../types';

/**
 * An actor table with some documents applied provisionally on top of an exact corpus join:
 * O(changed document + the actors it touches), instead of re-joining the whole corpus on each
 * keystroke. The changed document's entities join existing actors by gazetteer id, name or alias
 * (a new name becomes a new actor); descriptive references stay unresolved. CorpusIndex replaces
 * the patched table by an exact join once edits pause (see CorpusIndex.settle).
 */
export class PatchedActorTable implements ActorTable {
  byId: Map<string, Actor>;
  private actorList: Actor[] | undefined;
  /** path -> actor id per local entity (null: the document was removed). */
  private readonly overrides = new Map<string, (string | undefined)[] | null>();
  private names: Map<string, string> | undefined;
  /** The actors this patch has copied from the base table and changes in place. */
  private readonly owned = new Map<string, OwnedActor>();

  constructor(private readonly base: ActorTable) {
    this.byId = base.byId;
  }

  get actors(): Actor[] {
    return (this.actorList ??= [...this.byId.values()]);
  }

  actorOf(path: string, entity: number): string | undefined {
    const o = this.overrides.get(path);
    if (o !== undefined) return o?.[entity];
    return this.base.actorOf(path, entity);
  }

  actorsOf(path: string): readonly (string | undefined)[] | undefined {
    const o = this.overrides.get(path);
    return o !== undefined ? (o ?? undefined) : this.base.actorsOf(path);
  }

  inference(path: string, entity: number) {
    return this.overrides.has(path) ? undefined : this.base.inference(path, entity);
  }

  /** Applies what one document now brings to the join (undefined: it was removed) over what the table held for `old`. */
  apply(path: string, old: DocumentContribution | undefined, doc: DocumentContribution | undefined): void {
    // the base table is never changed: the first patch copies its map, each actor is copied when first touched
    if (this.byId === this.base.byId) this.byId = new Map(this.base.byId);
    const byId = this.byId;
    const touched = new Set<string>();
    if (old) old.entities.forEach((_, i) => this.actorOf(path, i) && touched.add(this.actorOf(path, i)!));
    const mapping = doc ? doc.entities.map((e) => this.resolve(e, byId)) : null;
    for (const id of mapping ?? []) if (id) touched.add(id);
    for (const id of touched) {
      const actor = this.own(id);
      if (!actor) continue;
      actor.mentions.removePath(path);
      actor.roles.removePath(path);
      doc?.mentionEntities.forEach((entity, index) => mapping![entity] === id && actor.mentions.add({ path, index }));
      doc?.entities.forEach((e, i) => {
        if (mapping![i] !== id) return;
        for (const role of e.roles) actor.roles.add({ role, path });
        if (e.reference !== 'metonym') for (const a of e.aliases) addAlias(actor.actor, a);
        addDescriptiveForms(actor.actor, e);
      });
      if (actor.mentions.isEmpty()) {
        byId.delete(id);
        this.owned.delete(id);
      }
    }
    this.overrides.set(path, mapping);
    this.actorList = undefined;
  }

  /**
   * The patch's own copy of an actor, made on first use: its mentions and roles are the base table's
   * lists (shared, never copied) less the replaced documents' plus their new ones, so that replacing
   * one document's costs O(that document) however often the actor is named; the whole lists are made
   * when read (an export, a merge suggestion), not per edit. Their order is not the corpus order once
   * a document is replaced (the exact re-join restores it).
   */
  private own(id: string): OwnedActor | undefined {
    const known = this.owned.get(id);
    if (known) return known;
    const current = this.byId.get(id);
    if (!current) return undefined;
    // the base lists are read when the whole list is (an actor's mentions are made then: mentionRefs.ts)
    const mentions = new ListByPath<MentionRef>(() => current.mentions, () => mentionPaths(current));
    const roles = new ListByPath<{ role: string; path: string }>(() => current.roles, () => current.roles.map((r) => r.path));
    const actor = { ...actorFieldsBut(current, 'mentions', 'roles'), aliases: [...current.aliases] } as Actor;
    Object.defineProperty(actor, 'mentions', { get: () => mentions.items, enumerable: true, configurable: true });
    Object.defineProperty(actor, 'roles', { get: () => roles.items, enumerable: true, configurable: true });
    if (current.descriptiveAliases) actor.descriptiveAliases = [...current.descriptiveAliases];
    this.byId.set(id, actor);
    const owned = { actor, mentions, roles };
    this.owned.set(id, owned);
    return owned;
  }

  /** The actor a new local entity joins, creating a provisional one for a name the corpus has not seen. */
  private resolve(e: LocalEntity, byId: Map<string, Actor>): string | undefined {
    if (e.reference === 'descriptive') return undefined;
    const names = this.nameIndex();
    const direct = (e.reference === 'metonym' ? e.standsFor : undefined) ?? e.gazetteerId;
    if (direct && byId.has(direct)) return direct;
    for (const k of [e.name, ...e.aliases]) {
      const id = names.get(k.toLowerCase());
      if (id && byId.has(id)) return id;
    }
    const stem = direct ?? (slug(e.name) || 'actor');
    let id = stem;
    for (let i = 2; byId.has(id); i++) id = `${stem}-${i}`;
    byId.set(id, { id, name: e.name, kind: e.kind, aliases: [], roles: [], mentions: [] });
    this.owned.delete(id);
    for (const k of [e.name, ...e.aliases]) names.set(k.toLowerCase(), id);
    return id;
  }

  /** Names and aliases of the actors (lower case) -> actor id; built on the first patch. */
  private nameIndex(): Map<string, string> {
    if (this.names) return this.names;
    const names = new Map<string, string>();
    for (const a of this.byId.values()) for (const k of [a.name, ...a.aliases]) if (!names.has(k.toLowerCase())) names.set(k.toLowerCase(), a.id);
    return (this.names = names);
  }
}

/** What of a document the actor join reads (its contribution, path aside): equal prints join identically. */
export function actorPrint(contribution: DocumentContribution | undefined): string {
  if (!contribution) return '';
  const { path: _path, ...rest } = contribution;
  void _path;
  return JSON.stringify(rest);
}

interface OwnedActor {
  actor: Actor;
  mentions: ListByPath<MentionRef>;
  roles: ListByPath<{ role: string; path: string }>;
}

/**
 * Items that each belong to a document: a base list (never copied or changed), the documents whose
 * base items are dropped, and the items added per document since. Adding or removing a document's
 * items costs O(its items); `items`, the whole list, is made when read and kept until the next change.
 */
export class ListByPath<T extends { path: string }> {
  private readonly removed = new Set<string>();
  private readonly added = new Map<string, T[]>();
  private made: T[] | undefined;

  constructor(
    private readonly base: () => readonly T[],
    private readonly basePaths: () => Iterable<string>,
  ) {}

  get items(): T[] {
    return (this.made ??= [...this.base().filter((item) => !this.removed.has(item.path)), ...[...this.added.values()].flat()]);
  }

  add(item: T): void {
    const list = this.added.get(item.path);
    if (list) list.push(item);
    else this.added.set(item.path, [item]);
    this.made = undefined;
  }

  removePath(path: string): void {
    this.removed.add(path);
    this.added.delete(path);
    this.made = undefined;
  }

  /** Whether no item is left (stops at the first base item of a document still there: O(1) for an actor named in many). */
  isEmpty(): boolean {
    if (this.added.size > 0) return false;
    for (const path of this.basePaths()) if (!this.removed.has(path)) return false;
    return true;
  }
}
