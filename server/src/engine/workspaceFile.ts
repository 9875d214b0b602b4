/**
 * The workspace file `.corpus-lens.json` at the workspace root, which the user edits:
 *   {
 *     "actors":      { ... }                     see docs/actors.md (aliases, kinds, merges, splits)
 *     "documents":   { "seeds/003.txt": { "date": "2025-06-15" } }   document dates (docs/dates.md)
 *     "diagnostics": { "severity": { "unsourced-claim": "hint" }, "ignoreFiles": ["drafts/**"] }
 *   }
 * Every part is optional. A malformed file is reported (with the file name) and ignored part by part.
 */
export const WORKSPACE_FILE = '.corpus-lens.json';

export interface WorkspaceFile {
  actors?: unknown;
  documentDates: Record<string, string>;
  diagnostics?: unknown;
  problems: string[];
}

export function parseWorkspaceFile(text: string | undefined): WorkspaceFile {
  const empty: WorkspaceFile = { documentDates: {}, problems: [] };
  if (text === undefined || !text.trim()) return empty;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ...empty, problems: [`${WORKSPACE_FILE}: not valid JSON (${(err as Error).message}); its settings are ignored`] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ...empty, problems: [`${WORKSPACE_FILE}: must hold a JSON object`] };
  const r = raw as Record<string, unknown>;
  const out: WorkspaceFile = { actors: r.actors, diagnostics: r.diagnostics, documentDates: {}, problems: [] };
  if (r.documents !== undefined) {
    if (typeof r.documents !== 'object' || r.documents === null) out.problems.push(`${WORKSPACE_FILE}: "documents" must be an object keyed by path`);
    else
      for (const [path, meta] of Object.entries(r.documents)) {
        const date = (meta as { date?: unknown } | null)?.date;
        if (typeof date === 'string') out.documentDates[path.replace(/\\/g, '/').replace(/^\.\//, '')] = date;
        else out.problems.push(`${WORKSPACE_FILE}: documents["${path}"].date must be a string such as "2025-06-15"`);
      }
  }
  const known = new Set(['actors', 'documents', 'diagnostics', '$schema']);
  for (const key of Object.keys(r)) if (!known.has(key)) out.problems.push(`${WORKSPACE_FILE}: unknown key "${key}" (ignored)`);
  return out;
}
