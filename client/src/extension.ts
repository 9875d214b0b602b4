/**
 * The Corpus Lens client: starts the language server, shows the index state in the status bar,
 * and registers the commands. No analysis happens here.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../../server/src/engine/worker/heapSettings';
import { registerCommands } from './commands';
import { StatusBar } from './statusBar';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient }> {
  const output = vscode.window.createOutputChannel('Corpus Lens', { log: true });
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] } },
  };
  const config = vscode.workspace.getConfiguration('corpusLens');
  const clientOptions: LanguageClientOptions = {
    documentSelector: corpusSelector(config),
    outputChannel: output,
    initializationOptions: { settings: config, storagePath: context.storageUri?.fsPath },
    synchronize: { configurationSection: 'corpusLens' },
  };
  client = new LanguageClient('corpusLens', 'Corpus Lens', serverOptions, clientOptions);
  const status = new StatusBar(client, output);
  context.subscriptions.push(status, output);
  registerCommands(context, client);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument((doc) => assignLanguage(doc)));
  vscode.workspace.textDocuments.forEach(assignLanguage);
  await client.start();
  status.start();
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** Which open documents the server hears about: the corpus-article language, and files the corpus globs name. */
function corpusSelector(config: vscode.WorkspaceConfiguration): LanguageClientOptions['documentSelector'] {
  const folders = (config.get<string[]>('folders') ?? []).map((f) => `${f.replace(/\/+$/, '')}/**/*.{txt,md}`);
  const globs = [...(config.get<string[]>('include') ?? []), ...folders];
  return [{ language: 'corpus-article' }, ...globs.map((pattern) => ({ scheme: 'file', pattern: `**/${pattern.replace(/^\*\*\//, '')}` }))];
}

/** Plain-text corpus files get the corpus-article language (its grammar colours quotations, figures, dates, attribution cues). */
function assignLanguage(doc: vscode.TextDocument): void {
  const config = vscode.workspace.getConfiguration('corpusLens');
  if (!config.get<boolean>('assignLanguage', true) || doc.languageId !== 'plaintext' || doc.uri.scheme !== 'file') return;
  const selector = corpusSelector(config) as vscode.DocumentFilter[];
  if (vscode.languages.match(selector.slice(1), doc) > 0) void vscode.languages.setTextDocumentLanguage(doc, 'corpus-article');
}
