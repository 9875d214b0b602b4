import type { ActorTable } from '../actors/resolveActors';
import type { PassSlices } from '../joinSteps';

/**
 * When edits settle, the actor join is made again from scratch, and until the thirteenth session so
 * were the actor views: a pass over every document of the corpus (~7 s of this thread at 100k
 * articles, in slices, after every pause in typing), while the previous join's views answered. But
 * a view's document part depends only on the document and on which actor each of its local
 * entities joins (documentParts.ts). So when the new join gives the entities of all but a few
 * documents the same actors as the join the views were made for, the views are kept, and those few
 * documents (and every document changed since the views were made, whose parts were made with a
 * provisionally patched join) go through the change log, as an edited document does: each view
 * catches up with them when next read. Past CARRY_OVER_MOST_DOCUMENTS such documents, a pass over
 * the corpus costs less than every view catching up with them (each catch-up looks for each
 * document among the view's documents), and the views are made again.
 */
export const CARRY_OVER_MOST_DOCUMENTS = 16;

type Owners = Pick<ActorTable, 'actorsOf'>;

/**
 * The documents whose parts must be made again for views made with `before` to hold for `after`:
 * those changed since (`changed`), and those whose entities join other actors in `after`, in
 * slices of time (a comparison per document: 0.1–0.2 s of this thread at 100k articles). Undefined when there are
 * more than `most`, or when `going` turns false (a newer join is served).
 */
export async function documentsToMakeAgain(
  paths: readonly string[],
  before: Owners,
  after: Owners,
  changed: ReadonlySet<string>,
  slices: PassSlices,
  going: () => boolean,
  most = CARRY_OVER_MOST_DOCUMENTS,
): Promise<string[] | undefined> {
  if (changed.size > most) return undefined;
  const again = [...changed];
  for (const path of paths) {
    if (slices.due()) {
      await slices.next();
      if (!going()) return undefined;
    }
    if (changed.has(path) || sameOwners(before.actorsOf(path), after.actorsOf(path))) continue;
    if (again.push(path) > most) return undefined;
  }
  return going() ? again : undefined;
}

/** Whether two joins give each local entity of a document the same actor (a table may leave out trailing entities with none). */
export function sameOwners(a: readonly (string | undefined)[] | undefined, b: readonly (string | undefined)[] | undefined): boolean {
  if (a === b) return true;
  const n = Math.max(a?.length ?? 0, b?.length ?? 0);
  for (let i = 0; i < n; i++) if (a?.[i] !== b?.[i]) return false;
  return true;
}
