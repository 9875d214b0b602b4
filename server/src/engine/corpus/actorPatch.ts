import { addAlias, addDescriptiveForms, contributionOf, slug, type ActorTable } from '../actors/resolveActors';
import type { Actor, DocumentAnalysis, LocalEntity, MentionRef } from '../types';

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

  inference(path: string, entity: number) {
    return this.overrides.has(path) ? undefined : this.base.inference(path, entity);
  }

  /** Applies one document's new analysis (undefined: it was removed) over what the table held for `old`. */
  apply(path: string, old: DocumentAnalysis | undefined, doc: DocumentAnalysis | undefined): void {
    const byId = new Map(this.byId);
    const touched = new Set<string>();
    if (old) old.entities.forEach((_, i) => this.actorOf(path, i) && touched.add(this.actorOf(path, i)!));
    const mapping = doc ? doc.entities.map((e) => this.resolve(e, byId)) : null;
    for (const id of mapping ?? []) if (id) touched.add(id);
    const mentions = new Map<string, MentionRef[]>();
    doc?.mentions.forEach((m, index) => {
      const id = mapping![m.entity];
      if (id) (mentions.get(id) ?? mentions.set(id, []).get(id)!).push({ path, index });
    });
    for (const id of touched) {
      const current = byId.get(id);
      if (!current) continue;
      const actor: Actor = { ...current, mentions: current.mentions.filter((r) => r.path !== path), roles: current.roles.filter((r) => r.path !== path), aliases: [...current.aliases] };
      if (current.descriptiveAliases) actor.descriptiveAliases = [...current.descriptiveAliases];
      actor.mentions.push(...(mentions.get(id) ?? []));
      doc?.entities.forEach((e, i) => {
        if (mapping![i] !== id) return;
        for (const role of e.roles) actor.roles.push({ role, path });
        if (e.reference !== 'metonym') for (const a of e.aliases) addAlias(actor, a);
        addDescriptiveForms(actor, e);
      });
      if (actor.mentions.length === 0) byId.delete(id);
      else byId.set(id, actor);
    }
    this.overrides.set(path, mapping);
    this.byId = byId;
    this.actorList = undefined;
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
export function actorPrint(doc: DocumentAnalysis | undefined): string {
  if (!doc) return '';
  const { path: _path, ...rest } = contributionOf(doc);
  void _path;
  return JSON.stringify(rest);
}
