/**
 * Alias clustering on the seeds against test/gold/seeds-actors.json: a gold actor is fully merged
 * when every one of its surface forms is found and all their mentions resolve to one actor; a wrong
 * merge is an actor holding surface forms of two gold actors, or a mustNotMerge pair sharing an actor.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeDocument } from '../../../server/src/engine/analyzeDocument';
import { builtinLexicon } from '../../../server/src/engine/actors/lexicon';
import { resolveActors } from '../../../server/src/engine/actors/resolveActors';
import type { DocumentAnalysis, MentionKind } from '../../../server/src/engine/types';

interface GoldAlias {
  text: string;
  kind: MentionKind;
}
interface GoldActor {
  name: string;
  kind: string;
  aliases: (string | GoldAlias)[];
}
interface SeedGold {
  actors: GoldActor[];
  mustNotMerge: [string, string][];
  /** Surface forms that must not be an actor's name, whatever its kind ("Cold War", "Summit"). */
  notActors?: string[];
}

export function evaluateSeeds(): string {
  const root = resolve(__dirname, '../../..');
  const gold = JSON.parse(readFileSync(join(root, 'test/gold/seeds-actors.json'), 'utf8')) as SeedGold;
  const lexicon = builtinLexicon();
  const dir = join(root, 'seeds');
  const docs: DocumentAnalysis[] = readdirSync(dir)
    .filter((f) => /\.(txt|md)$/.test(f))
    .map((f) => analyzeDocument(`seeds/${f}`, readFileSync(join(dir, f), 'utf8'), { lexicon }));
  const table = resolveActors(docs, lexicon);
  const owners = new Map<string, Set<string>>(); // actor id -> gold actors whose forms it holds
  const idsOf = new Map<string, Set<string>>();
  const problems: string[] = [];
  let merged = 0;
  let kindsRight = 0;
  for (const actor of gold.actors) {
    const ids = new Set<string>();
    const missing: string[] = [];
    for (const a of actor.aliases) {
      const alias: GoldAlias = typeof a === 'string' ? { text: a, kind: 'name' } : a;
      let found = false;
      for (const doc of docs) {
        doc.mentions.forEach((m, i) => {
          if (m.kind !== alias.kind || m.text.replace(/\s+/g, ' ') !== alias.text) return;
          found = true;
          const id = table.actorOf(doc.path, m.entity) ?? `(unresolved ${doc.path}#${i})`;
          ids.add(id);
          if (!owners.has(id)) owners.set(id, new Set());
          owners.get(id)!.add(actor.name);
        });
      }
      if (!found) missing.push(`${alias.text} (${alias.kind})`);
    }
    idsOf.set(actor.name, ids);
    if (missing.length === 0 && ids.size === 1) {
      merged++;
      const kind = table.byId.get([...ids][0])?.kind;
      if (kind === actor.kind) kindsRight++;
      else problems.push(`  kind: ${actor.name} is ${kind}, gold ${actor.kind}`);
    }
    else problems.push(`  not fully merged: ${actor.name} -> actors [${[...ids].join(', ')}]${missing.length ? `; forms not found: ${missing.join(', ')}` : ''}`);
  }
  let wrong = 0;
  for (const [id, names] of owners) {
    if (names.size > 1) {
      wrong++;
      problems.push(`  WRONG MERGE: actor ${id} holds ${[...names].join(' + ')}`);
    }
  }
  for (const [a, b] of gold.mustNotMerge) {
    const shared = [...(idsOf.get(a) ?? [])].filter((id) => idsOf.get(b)?.has(id));
    if (shared.length) {
      wrong++;
      problems.push(`  WRONG MERGE (must not merge): ${a} and ${b} share ${shared.join(', ')}`);
    }
  }
  const notActors = new Set(gold.notActors ?? []);
  const spurious = new Set<string>();
  for (const doc of docs) for (const m of doc.mentions) if (m.kind === 'name' && notActors.has(m.text.replace(/\s+/g, ' '))) spurious.add(m.text);
  if (spurious.size) problems.push(`  NOT ACTORS, found as actors: ${[...spurious].join(', ')}`);
  return [
    `seeds alias clustering: ${merged}/${gold.actors.length} gold actors fully merged (${kindsRight} with the gold kind), ${wrong} wrong merges, ${spurious.size}/${notActors.size} non-actors found as actors (${table.actors.length} actors in the seeds)`,
    ...problems,
  ].join('\n');
}
