/**
 * A real language-server session for protocol tests: starts `dist/server.js --stdio` as a child
 * process and speaks JSON-RPC to it, as Neovim or Helix would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const REPO = path.resolve(__dirname, '../../..');
export const SEEDS = path.join(REPO, 'seeds');

export function uriOf(absPath: string): string {
  return pathToFileURL(absPath).href;
}

export interface Session {
  connection: MessageConnection;
  child: ChildProcess;
  diagnostics: Map<string, PublishDiagnosticsParams>;
  stderr: string[];
  /** Resolves when `predicate` holds for the diagnostics received so far (checked on each notification), or rejects after `ms`. */
  waitForDiagnostics(predicate: (all: Map<string, PublishDiagnosticsParams>) => boolean, ms?: number): Promise<void>;
  /** Resolves once the server reports its index ready. */
  waitForIndex(ms?: number): Promise<{ documents: number; actors: number; findings: number; skipped: { path: string; reason: string }[] }>;
  close(): Promise<void>;
}

export async function startSession(rootFolder: string, settings: Record<string, unknown> = {}, initializationOptions: Record<string, unknown> = {}): Promise<Session> {
  const child = spawn(process.execPath, [path.join(REPO, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr!.on('data', (d) => stderr.push(String(d)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const diagnostics = new Map<string, PublishDiagnosticsParams>();
  const listeners = new Set<() => void>();
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    diagnostics.set(p.uri, p);
    listeners.forEach((l) => l());
  });
  let lastStatus: any;
  connection.onNotification('corpusLens/statusChanged', (s) => {
    lastStatus = s;
    listeners.forEach((l) => l());
  });
  connection.onRequest('workspace/configuration', () => [settings]);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/logMessage', () => {});
  connection.onNotification('$/progress', () => {});
  connection.listen();
  const waitFor = (check: () => boolean, ms: number, what: string) =>
    new Promise<void>((resolve, reject) => {
      if (check()) return resolve();
      const timer = setTimeout(() => {
        listeners.delete(listener);
        reject(new Error(`timed out after ${ms} ms waiting for ${what}; server stderr: ${stderr.join('').slice(-2000)}`));
      }, ms);
      const listener = () => {
        if (!check()) return;
        clearTimeout(timer);
        listeners.delete(listener);
        resolve();
      };
      listeners.add(listener);
    });
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uriOf(rootFolder),
    workspaceFolders: [{ uri: uriOf(rootFolder), name: path.basename(rootFolder) }],
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, window: { workDoneProgress: true } },
    initializationOptions: { settings, ...initializationOptions },
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    child,
    diagnostics,
    stderr,
    waitForDiagnostics: (predicate, ms = 20000) => waitFor(() => predicate(diagnostics), ms, 'diagnostics'),
    waitForIndex: async (ms = 30000) => {
      await waitFor(() => lastStatus?.state === 'ready', ms, 'the index');
      return lastStatus;
    },
    close: async () => {
      await connection.sendRequest('shutdown').catch(() => {});
      await connection.sendNotification('exit').catch(() => {});
      connection.dispose();
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => {
          child.kill();
          resolve();
        }, 3000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}

/** Position (line, character) of the n-th occurrence of `needle` in `text` (UTF-16, as LSP counts). */
export function positionOf(text: string, needle: string, occurrence = 0, delta = 1): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurrence ${occurrence} not found`);
  }
  const offset = at + delta;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
