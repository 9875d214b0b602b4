import type { DocumentAnalysis } from '../types';
import { shareStrings } from './compactAnalysis';
import { internTable, packValue, remapValue, tableSince, type PackedValue } from './packedValues';
import { residentFieldsOf, shareEntityJson, type ResidentDocument, type ResidentJson } from './residentDocument';

/**
 * A resident part as a worker thread sends it, made so that the receiving thread does little:
 * integers in typed arrays (moved, not copied), claims and finding candidates already packed (in
 * the sending thread's string and shape ids, mapped on arrival: see remapValue), entities as their
 * JSON (looked up among the shared entities, parsed only when new), the rest as a small JSON head.
 */
export interface PortableResident {
  head: string;
  entities: string[];
  mentions: Int32Array;
  lineStarts: Int32Array;
  statementKeys: Int32Array;
  claims: PackedValue;
  candidates: PackedValue;
}

/** The strings and shapes a sending thread added to its tables since its last message. */
export interface TableDelta {
  strings: string[];
  shapes: string[][];
}

/** What a worker sends of a document's resident part: in portable form, and as the JSON line stored for warm starts (made from one reading of the analysis). */
export function residentPartsOf(doc: DocumentAnalysis): { portable: PortableResident; json: string } {
  const fields = residentFieldsOf(doc);
  return { portable: portableOfFields(fields), json: JSON.stringify(fields) };
}

function portableOfFields(r: ResidentJson): PortableResident {
  return {
    head: JSON.stringify({ path: r.path, hash: r.hash, date: r.date, claimIdPrefix: r.claimIdPrefix, suppressions: r.suppressions }),
    entities: r.entities.map((e) => JSON.stringify(e)),
    mentions: Int32Array.from(r.mentions),
    lineStarts: Int32Array.from(r.lineStarts),
    statementKeys: Int32Array.from(r.statementKeys),
    claims: packValue(r.claims),
    candidates: packValue(r.candidates),
  };
}

/** The memory a portable resident part can hand over to another thread without a copy. */
export function transferablesOf(p: PortableResident): ArrayBuffer[] {
  const arrays = [p.mentions, p.lineStarts, p.statementKeys, p.claims.bytes, p.candidates.bytes, p.claims.doubles, p.candidates.doubles];
  return arrays.flatMap((a) => (a ? [a.buffer as ArrayBuffer] : []));
}

/** On the sending thread: the table entries not sent yet. */
export class TableSender {
  private strings = 0;
  private shapes = 0;

  delta(): TableDelta {
    const delta = tableSince(this.strings, this.shapes);
    this.strings += delta.strings.length;
    this.shapes += delta.shapes.length;
    return delta;
  }
}

/** On the receiving thread: one sending thread's ids mapped to this thread's. */
export class TableReceiver {
  private readonly map = { strings: [] as number[], shapes: [] as number[] };

  add(delta: TableDelta): void {
    const ids = internTable(delta);
    for (const id of ids.strings) this.map.strings.push(id);
    for (const id of ids.shapes) this.map.shapes.push(id);
  }

  resident(p: PortableResident): ResidentDocument {
    const head = JSON.parse(p.head) as Pick<ResidentDocument, 'path' | 'hash' | 'date' | 'claimIdPrefix' | 'suppressions'>;
    if (typeof head?.path !== 'string' || typeof head.hash !== 'string') throw new Error('malformed resident document');
    return {
      ...(shareStrings(head) as typeof head),
      entities: p.entities.map(shareEntityJson),
      mentions: p.mentions,
      lineStarts: p.lineStarts,
      statementKeys: p.statementKeys,
      claims: remapValue(p.claims, this.map),
      candidates: remapValue(p.candidates, this.map),
    };
  }
}
