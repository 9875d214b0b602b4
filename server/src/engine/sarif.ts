import type { CorpusIndex } from './corpus/corpusIndex';
import { RULES } from './config';
import { positionAt } from './text/lines';
import type { Finding } from './types';

const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** Findings as SARIF 2.1.0, for code-scanning dashboards. Lines and columns are 1-based there. */
export function toSarif(index: CorpusIndex, findings: Finding[], rel: (id: string) => string, version: string): object {
  const region = (path: string, span: { start: number; end: number }) => {
    const lines = index.resident(path)!.lineStarts;
    const s = positionAt(lines, span.start);
    const e = positionAt(lines, span.end);
    return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  };
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'corpus-lens',
            version,
            rules: Object.entries(RULES).map(([id, r]) => ({ id, shortDescription: { text: r.description }, defaultConfiguration: { level: LEVEL[r.severity] } })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.code,
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: rel(f.path) }, region: region(f.path, f.span) } }],
          relatedLocations: f.related.map((r, i) => ({
            id: i,
            message: { text: r.message },
            physicalLocation: { artifactLocation: { uri: rel(r.path) }, region: region(r.path, r.span) },
          })),
        })),
      },
    ],
  };
}
