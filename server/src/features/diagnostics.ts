import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { LanguageService } from '../engine/languageService';
import type { Finding } from '../engine/types';
import { toLocation, toRange } from './convert';

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'corpus-lens';

/**
 * The engine's findings for one document as LSP diagnostics, with related information in other
 * documents. Positions come from the documents' resident line starts: publishing the whole corpus's
 * diagnostics after indexing reads no document's full analysis.
 */
export function diagnosticsFor(service: LanguageService, uri: string): Diagnostic[] {
  const doc = service.index.has(uri) ? service.index.resident(uri) : undefined;
  if (!doc) {
    const reason = service.skipped.get(uri);
    return reason ? [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Warning, source: DIAGNOSTIC_SOURCE, code: 'file-skipped', message: `Not indexed: this file ${reason}.` }] : [];
  }
  return service.findings(uri).map((f) => ({
    range: toRange(doc, f.span),
    severity: SEVERITY[f.severity],
    source: DIAGNOSTIC_SOURCE,
    code: f.code,
    message: f.message,
    data: f.claim,
    relatedInformation: f.related.flatMap((r) => {
      const other = service.index.has(r.path) ? service.index.resident(r.path) : undefined;
      return other ? [{ location: toLocation(other, r.span), message: r.message }] : [];
    }),
  }));
}

/** A cheap fingerprint of a document's diagnostics, to publish only the documents whose findings changed. */
export function fingerprint(diagnostics: Diagnostic[]): string {
  return JSON.stringify(diagnostics.map((d) => [d.range, d.code, d.severity, d.message, d.relatedInformation?.length]));
}
