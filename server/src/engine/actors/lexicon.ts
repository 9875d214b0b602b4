/**
 * The actor lexicon: the built-in gazetteer (states, organisations, titles, demonyms) merged with
 * the workspace's user file. STUB (issue 3 fills it).
 */
export interface ActorLexicon {
  /** Bumped whenever its content changes, so cached analyses made with another lexicon are redone. */
  version: string;
}

export function builtinLexicon(): ActorLexicon {
  return { version: 'builtin-0' };
}
