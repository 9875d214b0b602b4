/**
 * What the language server does once indexing ends, measured: it publishes the diagnostics of every
 * document (features/publishDiagnostics.ts), then again whenever the joins are made again after a
 * pause in typing. Each pass is timed, with the longest time the event loop waited meanwhile (what a
 * request or keystroke arriving then would wait). The messages are serialised as the server's
 * connection would, and dropped. Between the two passes, an edit is made and undone in one document
 * and the joins are made again as once typing pauses (`LanguageService.joinAgain`: in slices of
 * time, the claim join on a worker at scale), with the actor views' pass that starts with them:
 * timed too, with its longest wait. The index is then as it was for what the benchmark measures next.
 */
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';
import type { LanguageService } from '../server/src/engine/languageService';
import { DiagnosticsPublisher } from '../server/src/features/publishDiagnostics';
import { timedWithLongestWait } from './stats';

export interface PublishingResult {
  /** The first pass after indexing: every document's diagnostics computed and sent. */
  firstMs: number;
  firstLongestWaitMs: number;
  /** The joins made again after an edit (made and undone) as once typing pauses, and the actor views' pass made with them. */
  rejoinMs: number;
  rejoinLongestWaitMs: number;
  /** A pass after one document was edited (and the edit undone) and the joins were made again. */
  againMs: number;
  againLongestWaitMs: number;
  /** Documents the second pass recomputed (the edited one, and those with a contradiction). */
  againDocuments: number;
  documentsSent: number;
  diagnostics: number;
  megabytesSent: number;
}

export async function measurePublishing(service: LanguageService): Promise<PublishingResult> {
  let sent = 0;
  let diagnostics = 0;
  let bytes = 0;
  const connection = {
    sendDiagnostics: async (params: PublishDiagnosticsParams) => {
      sent++;
      diagnostics += params.diagnostics.length;
      bytes += JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params }).length;
    },
  } as unknown as Connection;
  let finished: () => void = () => {};
  let recomputed = 0;
  const note = service.noteFindingCount.bind(service);
  service.noteFindingCount = (id: string, n: number) => (recomputed++, note(id, n));
  const publisher = new DiagnosticsPublisher(connection, service, () => finished(), 0);
  const pass = timedWithLongestWait;
  const publish = (start: () => void) => (done: () => void) => ((finished = done), start());
  const first = await pass(publish(() => publisher.publishAll()));
  const documentsSent = sent;
  const rejoin = await pass((done) => void editAndJoinAgain(service).then(done));
  recomputed = 0;
  const again = await pass(publish(() => publisher.schedule()));
  service.noteFindingCount = note;
  return {
    firstMs: first.ms,
    firstLongestWaitMs: first.longestWaitMs,
    rejoinMs: rejoin.ms,
    rejoinLongestWaitMs: rejoin.longestWaitMs,
    againMs: again.ms,
    againLongestWaitMs: again.longestWaitMs,
    againDocuments: recomputed,
    documentsSent,
    diagnostics,
    megabytesSent: bytes / 2 ** 20,
  };
}

/** A statement added to the first document and taken out again, then the joins made again as once typing pauses, and the actor views with them. */
async function editAndJoinAgain(service: LanguageService): Promise<void> {
  const path = service.index.paths().sort()[0];
  const text = await service.workspace.readDocument(path);
  if ('error' in text) throw new Error(`${path}: ${text.error}`);
  service.updateDocument(path, `${text.text}\nThe Kremlin said on Tuesday that NATO had moved 500 soldiers to Estonia.\n`);
  void service.index.claims; // the edit patched into the joins, as the next request would
  service.updateDocument(path, text.text);
  if (!(await service.joinAgain())) throw new Error('the joins were not made again after the edit');
  await service.index.views.prepareAll(); // (the pass that started with the actor join)
}
