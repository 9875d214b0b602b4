import type { CorpusIndex } from './corpus/corpusIndex';
import { RULES } from './config';
import { closeArray, JsonArrayOut, type TextOut } from './export/jsonText';
import { positionAt } from './text/lines';
import type { Finding } from './types';

const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** Depth of the results array's items in the SARIF document (root, runs, the run, results). */
const RESULTS_DEPTH = 4;

/**
 * Findings as SARIF 2.1.0, for code-scanning dashboards (lines and columns are 1-based there),
 * written a piece at a time as JSON.stringify(sarif, null, 2) lays it out: the document around the
 * results, then one result at a time (a large corpus has hundreds of thousands of findings).
 */
export async function writeSarif(index: CorpusIndex, findings: readonly Finding[], rel: (id: string) => string, version: string, out: TextOut): Promise<void> {
  const region = (path: string, span: { start: number; end: number }) => {
    const lines = index.resident(path)!.lineStarts;
    const s = positionAt(lines, span.start);
    const e = positionAt(lines, span.end);
    return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  };
  const skeleton = JSON.stringify(
    {
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
          results: [],
        },
      ],
    },
    null,
    2,
  );
  const at = skeleton.lastIndexOf('"results": []');
  out.write(skeleton.slice(0, at) + '"results": [');
  const results = new JsonArrayOut(out, RESULTS_DEPTH);
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    results.add({
      ruleId: f.code,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: rel(f.path) }, region: region(f.path, f.span) } }],
      relatedLocations: f.related.map((r, k) => ({
        id: k,
        message: { text: r.message },
        physicalLocation: { artifactLocation: { uri: rel(r.path) }, region: region(r.path, r.span) },
      })),
    });
    if (i % 4096 === 4095) await out.drain();
  }
  out.write(`${closeArray(results.empty, RESULTS_DEPTH)}${skeleton.slice(at + '"results": []'.length)}\n`);
  await out.drain();
}
