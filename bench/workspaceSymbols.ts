/**
 * Workspace symbols (Ctrl+T) as an editor asks for them: the empty query sent when the picker opens,
 * the surname of the actor named most often (a name typed), and a word no claim holds (the scan of
 * every claim). Both searches give way to the event loop: the longest wait of the three is measured too.
 */
import { mentionCountOf } from '../server/src/engine/actors/mentionRefs';
import type { LanguageService } from '../server/src/engine/languageService';
import { provideWorkspaceSymbols } from '../server/src/features/symbols';
import { timedWithLongestWait } from './stats';

export interface WorkspaceSymbolsResult {
  openingMs: number;
  nameMs: number;
  noMatchMs: number;
  longestWaitMs: number;
}

export async function measureWorkspaceSymbols(service: LanguageService): Promise<WorkspaceSymbolsResult> {
  const query = (q: string) => (done: () => void) => void provideWorkspaceSymbols(service, { query: q }).then(() => done());
  const opening = await timedWithLongestWait(query(''));
  const top = [...service.index.actors.actors].sort((a, b) => mentionCountOf(b) - mentionCountOf(a))[0];
  const name = await timedWithLongestWait(query(top ? top.name.split(' ').pop()!.toLowerCase() : 'nobody'));
  const noMatch = await timedWithLongestWait(query('zqxvw'));
  return { openingMs: opening.ms, nameMs: name.ms, noMatchMs: noMatch.ms, longestWaitMs: Math.max(opening.longestWaitMs, name.longestWaitMs, noMatch.longestWaitMs) };
}
