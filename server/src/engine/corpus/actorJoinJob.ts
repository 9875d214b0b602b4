import type { ActorLexicon } from '../actors/lexicon';
import { actorJoinSteps, type ActorTable, type DocumentContribution } from '../actors/resolveActors';
import { runInSlices, type JoinSteps } from '../joinSteps';

/**
 * The exact actor join as the corpus index makes it once edits pause or indexing ends
 * (CorpusIndex.settleInSlices): in slices of time on this thread, what each document brings to it
 * read as the join asks for it (a few documents per step).
 */
export class ActorJoinJob {
  /** Time spent in it so far. */
  busyMs = 0;
  private readonly steps: JoinSteps<ActorTable>;

  constructor(paths: readonly string[], contributionOf: (path: string) => DocumentContribution, lexicon: ActorLexicon, readonly generation: number) {
    this.steps = actorJoinSteps(lazily(paths, contributionOf), lexicon);
  }

  /** Runs it in slices of `sliceMs` (see runInSlices): undefined when abandoned (`stillWanted` false). */
  run(sliceMs: number, stillWanted: () => boolean): Promise<ActorTable | undefined> {
    return runInSlices(this.steps, { sliceMs, stillWanted, onSlice: (ms) => (this.busyMs += ms) });
  }
}

function* lazily(paths: readonly string[], contributionOf: (path: string) => DocumentContribution): IterableIterator<DocumentContribution> {
  for (const path of paths) yield contributionOf(path);
}
