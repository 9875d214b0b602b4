/**
 * The table of strings and object shapes that packed values (packedValues.ts) name by number.
 */

/** Items numbered in the order first seen, found again by a string key. */
class Numbering<T> {
  readonly items: T[] = [];
  private readonly ids = new Map<string, number>();

  id(key: string, item: T): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.items.push(item) - 1;
      this.ids.set(key, id);
    }
    return id;
  }
}

/** A node of the shape trie: one step per key, in order; `id` is set on the nodes that end a shape. */
interface ShapeNode {
  next: Map<string, ShapeNode> | undefined;
  id: number;
}

/**
 * The strings and object shapes packed values name by number. Each thread has one shared by all its
 * packed values (`threadTable`); a document packed to be stored or sent has its own (see
 * portableResident.ts), which the receiving thread maps to its thread table (internTable, remapValue).
 */
export class PackingTable {
  private readonly stringNumbers = new Numbering<string>();
  /** Shapes found by walking their keys: no key string is made per object packed. */
  private readonly shapeRoot: ShapeNode = { next: undefined, id: -1 };
  readonly strings = this.stringNumbers.items;
  readonly shapes: string[][] = [];
  /** Per list of fields (fieldsShapeId), the shape id of each set of them defined (a bit per field). */
  private readonly fieldShapes = new Map<readonly string[], Map<number, number>>();

  stringId(s: string): number {
    return this.stringNumbers.id(s, s);
  }

  shapeId(keys: readonly string[]): number {
    let node = this.shapeRoot;
    for (const k of keys) node = this.step(node, k);
    if (node.id < 0) node.id = this.shapes.push(keys.slice()) - 1;
    return node.id;
  }

  /** The shape id of an object's keys whose values are defined (as JSON would keep them). */
  objectShapeId(v: Record<string, unknown>): number {
    let node = this.shapeRoot;
    for (const k in v) if (v[k] !== undefined) node = this.step(node, k);
    if (node.id < 0) node.id = this.shapes.push(Object.keys(v).filter((k) => v[k] !== undefined)) - 1;
    return node.id;
  }

  /** The shape id of an object with those of `fields` (at most 31) that it defines, in the order of `fields`. */
  fieldsShapeId(v: Record<string, unknown>, fields: readonly string[]): number {
    let defined = 0;
    for (let i = 0; i < fields.length; i++) if (v[fields[i]] !== undefined) defined |= 1 << i;
    let ids = this.fieldShapes.get(fields);
    if (!ids) this.fieldShapes.set(fields, (ids = new Map()));
    let id = ids.get(defined);
    if (id === undefined) {
      let node = this.shapeRoot;
      for (let i = 0; i < fields.length; i++) if (defined & (1 << i)) node = this.step(node, fields[i]);
      if (node.id < 0) node.id = this.shapes.push(fields.filter((_, i) => defined & (1 << i))) - 1;
      ids.set(defined, (id = node.id));
    }
    return id;
  }

  private step(node: ShapeNode, key: string): ShapeNode {
    const next = (node.next ??= new Map());
    let child = next.get(key);
    if (!child) next.set(key, (child = { next: undefined, id: -1 }));
    return child;
  }
}
