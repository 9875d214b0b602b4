/**
 * What the language server does once indexing ends, measured: it publishes the diagnostics of every
 * document (features/publishDiagnostics.ts), then again whenever the joins are made again after a
 * pause in typing. Each pass is timed, with the longest time the event loop waited meanwhile (what a
 * request or keystroke arriving then would wait). The messages are serialised as the server's
 * connection would, and dropped.
 */
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';
import type { LanguageService } from '../server/src/engine/languageService';
import { DiagnosticsPublisher } from '../server/src/features/publishDiagnostics';

export interface PublishingResult {
  /** The first pass after indexing: every document's diagnostics computed and sent. */
  firstMs: number;
  firstLongestWaitMs: number;
  /** A pass after the joins are made again, nothing having changed: every document computed, none sent. */
  againMs: number;
  againLongestWaitMs: number;
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
  const publisher = new DiagnosticsPublisher(connection, service, () => finished());
  const pass = async () => {
    // the longest time between two runs of a 1 ms timer: what a request arriving meanwhile would wait
    let last = performance.now();
    let longestWaitMs = 0;
    let ticking = true;
    const tick = () => {
      const now = performance.now();
      longestWaitMs = Math.max(longestWaitMs, now - last);
      last = now;
      if (ticking) setTimeout(tick, 1);
    };
    await new Promise((resolve) => setTimeout(resolve, 5));
    tick();
    longestWaitMs = 0;
    const started = performance.now();
    await new Promise<void>((resolve) => {
      finished = resolve;
      publisher.publishAll();
    });
    const ms = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 5)); // a pass made in one go is seen by the next tick
    ticking = false;
    return { ms, longestWaitMs };
  };
  const first = await pass();
  const documentsSent = sent;
  const again = await pass();
  return { firstMs: first.ms, firstLongestWaitMs: first.longestWaitMs, againMs: again.ms, againLongestWaitMs: again.longestWaitMs, documentsSent, diagnostics, megabytesSent: bytes / 2 ** 20 };
}
