/**
 * The Corpus Lens language server: wiring only. The engine (engine/) does the analysis; each LSP
 * feature is a thin file in features/. Runs over IPC (from the VS Code client) or `--stdio`
 * (Neovim, Helix, Emacs, and the protocol tests).
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createConnection, DidChangeWatchedFilesNotification, FileChangeType, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type InitializeParams, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from './engine/languageService';
import { WORKSPACE_FILE } from './engine/workspaceFile';
import { provideActorFileActions } from './features/actorFileActions';
import { provideCodeActions } from './features/codeActions';
import { provideCodeLenses } from './features/codeLens';
import { provideDefinition } from './features/definition';
import { provideDocumentHighlights } from './features/documentHighlight';
import { provideHover } from './features/hover';
import { provideInlayHints } from './features/inlayHints';
import { registerNavigation } from './features/navigation';
import { provideReferences } from './features/references';
import { LEGEND, provideSemanticTokens } from './features/semanticTokens';
import { provideDocumentSymbols, provideWorkspaceSymbols } from './features/symbols';
import { DiagnosticsPublisher } from './features/publishDiagnostics';
import { MultiRootWorkspace, normalizeUri } from './node/multiRootWorkspace';
import { readCorpusFile } from './node/readDocument';
import { Notifications, Requests, type StatusReport } from './protocol';
import { readSettings, type ClientSettings } from './settings';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const logger = { info: (m: string) => connection.console.info(m), warn: (m: string) => connection.console.warn(m) };

let settings = readSettings(undefined);
const workspace = new MultiRootWorkspace([], settings.selection);
const service = createLanguageService({ workspace, logger, config: settings.engine });
const publisher = new DiagnosticsPublisher(connection, service, () => sendStatus());
/** The corpus documents open in the editor (normalised URIs): with `corpusLens.diagnostics.scope`, perhaps the only ones whose diagnostics are sent. */
const openDocuments = new Set<string>();
let canPullConfiguration = false;
let refreshSupport = { semanticTokens: false, inlayHints: false, codeLenses: false };
let settingProblems: string[] = [];
let workspaceFileProblems: string[] = [];
let workspaceFileText: string | undefined;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  canPullConfiguration = !!params.capabilities.workspace?.configuration;
  const ws = params.capabilities.workspace;
  refreshSupport = { semanticTokens: !!ws?.semanticTokens?.refreshSupport, inlayHints: !!ws?.inlayHint?.refreshSupport, codeLenses: !!ws?.codeLens?.refreshSupport };
  const folders = params.workspaceFolders?.map((f) => fileURLToPath(f.uri)) ?? (params.rootUri ? [fileURLToPath(params.rootUri)] : []);
  settings = readSettings((params.initializationOptions as { settings?: ClientSettings } | undefined)?.settings);
  service.useStorage((params.initializationOptions as { storagePath?: string } | undefined)?.storagePath); // persisted index: warm start
  workspace.setRoots(folders, settings.selection);
  service.setEditorConfig(settings.engine);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      codeLensProvider: { resolveProvider: false },
      inlayHintProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite'] },
      semanticTokensProvider: { legend: LEGEND, full: true },
      workspace: { workspaceFolders: { supported: true } },
    },
    serverInfo: { name: 'corpus-lens', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  if (canPullConfiguration) {
    connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{txt,md}' }, { globPattern: `**/${WORKSPACE_FILE}` }] }).catch(() => {});
  }
  await reloadSettings();
  await reindex();
});

async function reloadSettings(): Promise<void> {
  if (canPullConfiguration) {
    const raw = (await connection.workspace.getConfiguration('corpusLens').catch(() => undefined)) as ClientSettings | undefined;
    if (raw) settings = readSettings(raw);
  }
  settingProblems = settings.problems;
  workspace.setRoots(workspace.roots, settings.selection);
  service.setEditorConfig(settings.engine);
  publisher.setScope(settings.diagnosticsScope, (uri) => openDocuments.has(uri));
  const root = workspace.roots[0];
  workspaceFileText = root ? await readCorpusFile(`${root}/${WORKSPACE_FILE}`).then((r) => ('text' in r ? r.text : undefined)) : undefined;
  workspaceFileProblems = await service.setWorkspaceFile(workspaceFileText);
}

async function reindex(): Promise<void> {
  const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
  progress?.begin('Corpus Lens: indexing', 0, 'listing documents', false);
  sendStatus();
  await service.indexWorkspace((done, total) => {
    progress?.report(Math.round((done / total) * 100), `${done}/${total} documents`);
  });
  for (const doc of documents.all()) syncOpenDocument(doc);
  progress?.done();
  publishEverything();
  refreshEditors();
}

/** Every document's findings recomputed, and sent as the scope of diagnostics says (which the log tells when it is not the whole corpus). */
function publishEverything(): void {
  publisher.publishAll();
  if (!publisher.sendsWholeWorkspace) logger.info(`${service.index.paths().length} documents: diagnostics are shown for open documents only (corpusLens.diagnostics.scope is "${settings.diagnosticsScope}"); the status bar counts every document's findings.`);
}

/**
 * Colours, date hints and lenses the editor asked for while the index was empty or partial, or that
 * depend on other documents, are asked for again once the index (or the exact re-join) is complete.
 */
function refreshEditors(): void {
  if (refreshSupport.semanticTokens) connection.languages.semanticTokens.refresh();
  if (refreshSupport.inlayHints) void connection.languages.inlayHint.refresh().catch(() => {});
  if (refreshSupport.codeLenses) void connection.sendRequest('workspace/codeLens/refresh').catch(() => {});
}

service.onJoinsSettled(() => refreshEditors());

function isCorpus(doc: TextDocument): boolean {
  return doc.languageId === 'corpus-article' || workspace.isCorpusDocument(normalizeUri(doc.uri));
}

function syncOpenDocument(doc: TextDocument): void {
  if (!isCorpus(doc)) return;
  service.updateDocument(normalizeUri(doc.uri), doc.getText());
  service.index.store.keepOpen(normalizeUri(doc.uri), true);
}

documents.onDidChangeContent((change) => {
  if (!isCorpus(change.document)) return;
  syncOpenDocument(change.document);
  publisher.schedule();
});

documents.onDidOpen((event) => {
  const uri = normalizeUri(event.document.uri);
  openDocuments.add(uri);
  publisher.documentOpenedOrClosed(uri);
});

documents.onDidClose(async (event) => {
  const uri = normalizeUri(event.document.uri);
  openDocuments.delete(uri);
  publisher.documentOpenedOrClosed(uri);
  service.index.store.keepOpen(uri, false);
  if (workspace.isCorpusDocument(uri)) await service.refreshDocument(uri);
  else service.removeDocument(uri);
  publisher.schedule();
});

connection.onDidChangeWatchedFiles(async ({ changes }) => {
  let configChanged = false;
  for (const change of changes) {
    const uri = normalizeUri(change.uri);
    if (uri.endsWith(`/${WORKSPACE_FILE}`)) configChanged = true;
    else if (documents.get(change.uri)) continue; // the editor's buffer is the truth for open documents
    else if (change.type === FileChangeType.Deleted) service.removeDocument(uri);
    else if (workspace.isCorpusDocument(uri)) await service.refreshDocument(uri);
  }
  if (configChanged) {
    await reloadSettings();
    await reindex();
  } else publisher.schedule();
});

connection.onDidChangeConfiguration(async () => {
  const before = JSON.stringify(settings.selection);
  await reloadSettings();
  // a severity or lens change only re-publishes; a change of which files are the corpus re-indexes
  if (JSON.stringify(settings.selection) !== before) await reindex();
  else publishEverything();
});

connection.onHover((p) => provideHover(service, withUri(p)));
connection.onDefinition((p) => provideDefinition(service, withUri(p)));
connection.onReferences((p) => provideReferences(service, withUri(p), settings.maxReferences, noticeTruncatedReferences));
connection.onDocumentHighlight((p) => provideDocumentHighlights(service, withUri(p)));
connection.onDocumentSymbol((p) => provideDocumentSymbols(service, withUri(p)));
connection.onWorkspaceSymbol((p, token) => provideWorkspaceSymbols(service, p, () => token.isCancellationRequested));
connection.onCodeLens((p) => provideCodeLenses(service, withUri(p), settings.lenses));
connection.languages.inlayHint.on((p) => (settings.dateHints ? provideInlayHints(service, withUri(p)) : []));
connection.languages.semanticTokens.on((p) => provideSemanticTokens(service, withUri(p)));
connection.onCodeAction((p) => [
  ...provideCodeActions(service, withUri(p), (line) => lineOf(p.textDocument.uri, line)),
  ...provideActorFileActions(service, normalizeUri(p.textDocument.uri), p.range.start, workspaceFileAccess()),
]);
registerNavigation(connection, service);
connection.onRequest(Requests.status, () => status());
connection.onRequest(Requests.reindex, async () => {
  await reloadSettings();
  await reindex();
  return status();
});

function workspaceFileAccess(): { uri: string | undefined; text: string | undefined } {
  const root = workspace.roots[0];
  if (!root) return { uri: undefined, text: undefined };
  const uri = pathToFileURL(`${root}/${WORKSPACE_FILE}`).href;
  return { uri, text: documents.get(uri)?.getText() ?? workspaceFileText };
}

function lineOf(uri: string, line: number): string {
  const doc = documents.get(uri);
  return doc ? doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '') : '';
}

function withUri<T extends { textDocument: { uri: string } }>(params: T): T {
  return { ...params, textDocument: { ...params.textDocument, uri: normalizeUri(params.textDocument.uri) } };
}

function status(): StatusReport {
  const stats = service.stats();
  return {
    state: service.state,
    documents: stats.documents,
    actors: stats.actors,
    findings: stats.findings,
    diagnosticsSent: publisher.sendsWholeWorkspace ? 'workspace' : 'openDocuments',
    skipped: [...service.skipped].map(([id, reason]) => ({ path: workspace.relativePath(id), reason })),
    problems: [...settingProblems, ...workspaceFileProblems],
  };
}

let referencesNoticeShown = false;

/** A references list cut at the limit: said in the output each time, and once in a message with the way to all of them. */
function noticeTruncatedReferences(listed: number, total: number, of: string): void {
  const text = `Corpus Lens: the first ${listed.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} ${of} are listed (setting corpusLens.references.maxResults; 0 lists all).`;
  logger.info(text);
  if (referencesNoticeShown) return;
  referencesNoticeShown = true;
  void connection.window.showInformationMessage(`${text} The command "Show All Mentions of the Actor" lists every mention.`);
}

function sendStatus(): void {
  void connection.sendNotification(Notifications.status, status());
}

process.on('uncaughtException', (err) => connection.console.error(`corpus-lens: internal error: ${err.stack ?? err}`));

documents.listen(connection);
// a save of the index under way is finished before the editor ends the server
connection.onShutdown(() => service.persisted());

connection.listen();
