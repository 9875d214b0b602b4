import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { StatusReport } from '../../server/src/protocol';


/** "Corpus Lens: 5 documents, 63 actors, 12 findings" — click to open the output channel. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('corpusLens.status', vscode.StatusBarAlignment.Left, 10);
  private reportedProblems = new Set<string>();
  last: StatusReport | undefined;

  constructor(
    private readonly client: LanguageClient,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.item.name = 'Corpus Lens';
    this.item.command = 'corpusLens.showOutput';
    this.item.text = '$(sync~spin) Corpus Lens: starting';
    this.item.show();
  }

  start(): void {
    this.client.onNotification('corpusLens/statusChanged', (s: StatusReport) => this.update(s));
    void this.client.sendRequest<StatusReport>('corpusLens/status').then((s) => this.update(s));
  }

  update(s: StatusReport): void {
    this.last = s;
    // a workspace with no corpus (activated by a stray .txt file) shows nothing
    if (s.state === 'ready' && s.documents === 0 && s.skipped.length === 0 && s.problems.length === 0) {
      this.item.hide();
      return;
    }
    this.item.show();
    const icon = s.state === 'indexing' ? '$(sync~spin)' : '$(book)';
    this.item.text = `${icon} Corpus Lens: ${s.documents} document${s.documents === 1 ? '' : 's'}, ${s.actors} actors, ${s.findings} finding${s.findings === 1 ? '' : 's'}`;
    const scope = s.diagnosticsSent === 'openDocuments' ? ['Problems view: the findings of open documents only (setting corpusLens.diagnostics.scope)'] : [];
    const lines = [s.state === 'indexing' ? 'Indexing…' : 'Index ready', ...scope, ...s.skipped.map((k) => `Skipped ${k.path}: ${k.reason}`), ...s.problems];
    this.item.tooltip = lines.join('\n');
    this.item.backgroundColor = s.skipped.length || s.problems.length ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    for (const p of [...s.skipped.map((k) => `${k.path}: ${k.reason}`), ...s.problems]) {
      if (this.reportedProblems.has(p)) continue;
      this.reportedProblems.add(p);
      this.output.warn(p);
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}
