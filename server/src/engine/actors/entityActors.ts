/** Actor id of each document's local entities: one array per document, no key per entity. */
export class EntityActors {
  private readonly byPath = new Map<string, (string | undefined)[]>();

  get(path: string, entity: number): string | undefined {
    return this.byPath.get(path)?.[entity];
  }

  /** The actor id of each of the document's entities (by entity index; undefined where none). */
  ofDocument(path: string): readonly (string | undefined)[] | undefined {
    return this.byPath.get(path);
  }

  /** The document set last (the join sets a document's entities one after another). */
  private lastPath: string | undefined;
  private lastIds: (string | undefined)[] = [];

  set(path: string, entity: number, actor: string): void {
    let ids = this.lastPath === path ? this.lastIds : this.byPath.get(path);
    if (!ids) this.byPath.set(path, (ids = []));
    this.lastPath = path;
    this.lastIds = ids;
    while (ids.length < entity) ids.push(undefined);
    ids[entity] = actor;
  }
}
