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

/**
 * A fingerprint of a document's diagnostics, to publish only the documents whose findings changed:
 * a 53-bit hash of what is shown (a number, not the text: the publisher keeps one per document,
 * ~2 KB of text each, 200 MB at 100k articles; two different lists share a hash about once in 10^15).
 */
export function fingerprint(diagnostics: Diagnostic[]): number {
  return hash53(JSON.stringify(diagnostics.map((d) => [d.range, d.code, d.severity, d.message, d.relatedInformation?.length])));
}

/** cyrb53: two 32-bit multiplicative hashes of the text, combined into 53 bits. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
