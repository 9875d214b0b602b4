import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

type Loc = { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } };

/** Commands: re-index, export, show all mentions, next/previous mention, same claim. Each asks the server. */
export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  const register = (id: string, fn: (...args: any[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  const toLocation = (l: Loc) => client.protocol2CodeConverter.asLocation(l as never) as vscode.Location;
  const positionArgs = (uri?: string, position?: { line: number; character: number }) => {
    const editor = vscode.window.activeTextEditor;
    if (uri && position) return { uri, position };
    if (!editor) return undefined;
    return { uri: editor.document.uri.toString(), position: { line: editor.selection.active.line, character: editor.selection.active.character } };
  };

  register('corpusLens.showOutput', () => client.outputChannel.show());
  register('corpusLens.indexStatus', () => client.sendRequest('corpusLens/status'));
  register('corpusLens.reindex', () =>
    vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Corpus Lens: re-indexing' }, () => client.sendRequest('corpusLens/reindex')),
  );
  register('corpusLens.exportIndex', async (target?: vscode.Uri) => {
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        defaultUri: vscode.workspace.workspaceFolders?.[0] && vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'corpus-index.json'),
        filters: { JSON: ['json'] },
      }));
    if (!uri) return undefined;
    if (uri.scheme !== 'file') {
      void vscode.window.showErrorMessage(`Corpus Lens: the index is written by the language server, which can only write to a file on disk, not to ${uri.toString()}.`);
      return undefined;
    }
    // the server writes the file itself, a piece at a time: a large corpus's index would not fit in one message
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Corpus Lens: exporting the index' }, () =>
      client.sendRequest('corpusLens/exportIndex', { uri: uri.toString() }),
    );
    void vscode.window.showInformationMessage(`Corpus Lens: index exported to ${vscode.workspace.asRelativePath(uri)}`);
    return uri;
  });
  register('corpusLens.showMentions', async (uri?: string, position?: { line: number; character: number }) => {
    const args = positionArgs(uri, position);
    if (!args) return undefined;
    const result = await client.sendRequest<{ name: string | null; locations: Loc[] }>('corpusLens/mentions', args);
    if (!result.name) {
      void vscode.window.showInformationMessage('Corpus Lens: no actor under the cursor.');
      return result;
    }
    const at = client.protocol2CodeConverter.asPosition(args.position);
    await vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(args.uri), at, result.locations.map(toLocation));
    return result;
  });
  register('corpusLens.showSameClaim', async (uri?: string, position?: { line: number; character: number }) => {
    const args = positionArgs(uri, position);
    if (!args) return undefined;
    const locations = await client.sendRequest<Loc[]>('corpusLens/sameClaim', args);
    const at = client.protocol2CodeConverter.asPosition(args.position);
    await vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(args.uri), at, locations.map(toLocation));
    return locations;
  });
  for (const [id, direction] of [['corpusLens.nextMention', 1], ['corpusLens.previousMention', -1]] as const) {
    register(id, async () => {
      const args = positionArgs();
      if (!args) return;
      const loc = await client.sendRequest<Loc | null>('corpusLens/adjacentMention', { ...args, direction });
      if (!loc) {
        void vscode.window.showInformationMessage('Corpus Lens: no actor under the cursor.');
        return;
      }
      await openLocation(toLocation(loc));
    });
  }
  register('corpusLens.openLocation', async (uri: string, range: Loc['range']) => openLocation(toLocation({ uri, range })));
}

async function openLocation(location: vscode.Location): Promise<void> {
  const editor = await vscode.window.showTextDocument(location.uri, { preview: true });
  editor.selection = new vscode.Selection(location.range.start, location.range.end);
  editor.revealRange(location.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
