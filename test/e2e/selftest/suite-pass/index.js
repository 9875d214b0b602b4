// Harness self-test: a passing extension-host "suite" (plain JS, no mocha needed).
const assert = require('node:assert');
const path = require('node:path');
const vscode = require('vscode');
exports.run = async () => {
  const ext = vscode.extensions.getExtension('corpus-lens-test.e2e-selftest-fixture');
  assert.ok(ext, 'fixture extension is loaded in development mode');
  await ext.activate();
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a folder is open');
  const uri = vscode.Uri.file(path.join(folder.uri.fsPath, '003_05eff9d5d1b361e9.txt'));
  const doc = await vscode.workspace.openTextDocument(uri);
  const off = doc.getText().indexOf('Putin');
  const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, doc.positionAt(off + 2));
  const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
  assert.match(text, /Vladimir Putin/);
  console.log('selftest: 1 passing (hover seen in the extension host)');
};
