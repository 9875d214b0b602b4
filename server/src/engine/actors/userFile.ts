/**
 * The `actors` section of the workspace file `.corpus-lens.json` (documented in docs/actors.md):
 *
 *   "actors": {
 *     "add":    [ { "id": "jane-doe", "name": "Jane Doe", "kind": "person",
 *                   "aliases": ["Doe"], "description": "special envoy" } ],
 *     "merge":  [ ["Alexei Navalny", "Navalnyy"] ],
 *     "split":  [ ["John Smith", "John Smyth"] ],
 *     "ignore": ["Also Read"]
 *   }
 *
 * Every part is optional. Bad parts are reported and skipped; the rest is used.
 */
import type { ActorKind } from '../types';
import { slug } from './names';

export interface UserActor {
  id: string;
  name?: string;
  kind?: ActorKind;
  aliases: string[];
  description?: string;
}

export interface UserActors {
  add: UserActor[];
  merge: string[][];
  split: string[][];
  ignore: string[];
}

const KINDS: ActorKind[] = ['person', 'state', 'organization', 'place', 'group', 'other'];
const SECTIONS = ['add', 'merge', 'split', 'ignore'];

export function parseUserActors(value: unknown): { actors: UserActors; problems: string[] } {
  const actors: UserActors = { add: [], merge: [], split: [], ignore: [] };
  const problems: string[] = [];
  if (value === undefined || value === null) return { actors, problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push('.corpus-lens.json: "actors" must be an object with "add", "merge", "split" and/or "ignore"');
    return { actors, problems };
  }
  const section = value as Record<string, unknown>;
  for (const key of Object.keys(section)) {
    if (!SECTIONS.includes(key)) problems.push(`.corpus-lens.json: unknown key "actors.${key}" (expected one of ${SECTIONS.join(', ')})`);
  }
  listOf(section.add, 'actors.add', problems).forEach((item, i) => {
    const actor = parseActor(item, `actors.add[${i}]`, problems);
    if (actor) actors.add.push(actor);
  });
  for (const part of ['merge', 'split'] as const) {
    listOf(section[part], `actors.${part}`, problems).forEach((item, i) => {
      const names = strings(item, `actors.${part}[${i}]`, problems);
      if (names.length >= 2) actors[part].push(names);
      else problems.push(`.corpus-lens.json: actors.${part}[${i}] needs at least two names`);
    });
  }
  actors.ignore = strings(section.ignore ?? [], 'actors.ignore', problems);
  return { actors, problems };
}

function parseActor(item: unknown, where: string, problems: string[]): UserActor | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    problems.push(`.corpus-lens.json: ${where} must be an object like {"name": "...", "kind": "person", "aliases": [...]}`);
    return undefined;
  }
  const o = item as Record<string, unknown>;
  const name = typeof o.name === 'string' && o.name.trim() ? o.name.trim() : undefined;
  const id = typeof o.id === 'string' && o.id.trim() ? o.id.trim() : name ? slug(name) : undefined;
  if (!id) {
    problems.push(`.corpus-lens.json: ${where} needs a "name" (or the "id" of a built-in actor)`);
    return undefined;
  }
  let kind: ActorKind | undefined;
  if (o.kind !== undefined) {
    if (KINDS.includes(o.kind as ActorKind)) kind = o.kind as ActorKind;
    else problems.push(`.corpus-lens.json: ${where}.kind must be one of ${KINDS.join(', ')}`);
  }
  const description = typeof o.description === 'string' ? o.description : undefined;
  return { id, name, kind, aliases: strings(o.aliases ?? [], `${where}.aliases`, problems), description };
}

function listOf(value: unknown, where: string, problems: string[]): unknown[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  problems.push(`.corpus-lens.json: ${where} must be a list`);
  return [];
}

function strings(value: unknown, where: string, problems: string[]): string[] {
  if (!Array.isArray(value)) {
    problems.push(`.corpus-lens.json: ${where} must be a list of strings`);
    return [];
  }
  const out = value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
  if (out.length !== value.length) problems.push(`.corpus-lens.json: ${where} has entries that are not non-empty strings (ignored)`);
  return out;
}
