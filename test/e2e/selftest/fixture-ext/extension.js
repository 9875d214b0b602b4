// A tiny extension used only to check the e2e harness itself (shim pass/fail), independent of Corpus Lens.
const vscode = require('vscode');
exports.activate = (context) => {
  context.subscriptions.push(
    vscode.languages.registerHoverProvider({ scheme: 'file' }, {
      provideHover(doc, pos) {
        const range = doc.getWordRangeAtPosition(pos);
        if (range && doc.getText(range) === 'Putin') return new vscode.Hover('selftest hover: **Vladimir Putin**', range);
        return undefined;
      },
    }),
  );
};
