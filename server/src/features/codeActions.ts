import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Position } from 'vscode-languageserver';
import type { LanguageService } from '../engine/languageService';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

/**
 * Quick fixes on findings: suppress on this line (a marker at the line's end), suppress in this file
 * (a marker at the top); the CLI honours the same markers, and for a contradiction, jump to the other statement.
 */
export function provideCodeActions(service: LanguageService, params: CodeActionParams, lineText: (line: number) => string): CodeAction[] {
  const doc = service.index.get(params.textDocument.uri);
  if (!doc) return [];
  const actions: CodeAction[] = [];
  for (const d of params.context.diagnostics.filter((x) => x.source === DIAGNOSTIC_SOURCE && typeof x.code === 'string' && x.code !== 'file-skipped')) {
    const code = d.code as string;
    const line = d.range.start.line;
    const lineEnd = lineText(line).replace(/\s+$/, '').length;
    actions.push(insertAction(`Suppress "${code}" on this line`, params.textDocument.uri, d, { line, character: lineEnd }, ` <!-- corpus-lens-disable-line ${code} -->`));
    actions.push(insertAction(`Suppress "${code}" in this file`, params.textDocument.uri, d, { line: 0, character: 0 }, `<!-- corpus-lens-disable-file ${code} -->\n`));
    for (const related of d.relatedInformation ?? []) {
      actions.push({
        title: `Go to the conflicting statement in ${decodeURIComponent(related.location.uri.split('/').pop() ?? '')}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        command: { title: 'Open', command: 'corpusLens.openLocation', arguments: [related.location.uri, related.location.range] },
      });
    }
  }
  return actions;
}

function insertAction(title: string, uri: string, diagnostic: Diagnostic, at: Position, text: string): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [uri]: [{ range: { start: at, end: at }, newText: text }] } },
  };
}
