import { DEFAULT_CONFIG, parseEngineConfig, type EngineConfig } from './engine/config';
import { DIAGNOSTICS_SCOPES, type DiagnosticsScope } from './features/publishDiagnostics';
import { DEFAULT_MAX_REFERENCES } from './features/references';
import { DEFAULT_SELECTION, type CorpusSelection } from './node/fsWorkspace';

/** The `corpusLens.*` settings as the client sends them (see package.json "contributes.configuration"). */
export interface ClientSettings {
  include?: string[];
  folders?: string[];
  exclude?: string[];
  maxFileSize?: number;
  respectGitignore?: boolean;
  diagnostics?: { scope?: string; severity?: Record<string, string>; ignoreFiles?: string[]; contradictionConfidence?: number; unsourcedMinWorth?: number };
  codeLens?: { mentionCounts?: boolean; sameClaim?: boolean };
  inlayHints?: { dates?: boolean };
  references?: { maxResults?: number };
}

export interface ServerSettings {
  selection: CorpusSelection;
  engine: EngineConfig;
  lenses: { mentionCounts: boolean; sameClaim: boolean };
  dateHints: boolean;
  /** References listed at most (0: all). */
  maxReferences: number;
  /** Whose diagnostics are sent to the editor (see DiagnosticsScope). */
  diagnosticsScope: DiagnosticsScope;
  problems: string[];
}

/** Settings from the editor, validated, with defaults for anything missing or malformed (problems say which). */
export function readSettings(raw: ClientSettings | undefined | null): ServerSettings {
  const s = raw ?? {};
  const problems: string[] = [];
  const strings = (v: unknown, name: string): string[] | undefined => {
    if (v === undefined) return undefined;
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
    problems.push(`corpusLens.${name} must be a list of strings`);
    return undefined;
  };
  const include = strings(s.include, 'include') ?? DEFAULT_SELECTION.include;
  const folders = (strings(s.folders, 'folders') ?? []).map((f) => f.replace(/\\/g, '/').replace(/\/+$/, ''));
  const maxFileSize = typeof s.maxFileSize === 'number' && s.maxFileSize > 0 ? s.maxFileSize : DEFAULT_SELECTION.maxFileSize;
  const { config, problems: engineProblems } = parseEngineConfig(s.diagnostics, DEFAULT_CONFIG);
  const maxReferences = s.references?.maxResults ?? DEFAULT_MAX_REFERENCES;
  if (!Number.isInteger(maxReferences) || maxReferences < 0) problems.push('corpusLens.references.maxResults must be a whole number, 0 or more');
  const scope = s.diagnostics?.scope ?? 'auto';
  const diagnosticsScope = DIAGNOSTICS_SCOPES.find((known) => known === scope);
  if (!diagnosticsScope) problems.push(`corpusLens.diagnostics.scope must be one of ${DIAGNOSTICS_SCOPES.map((k) => `"${k}"`).join(', ')}`);
  return {
    selection: {
      include: [...include, ...folders.flatMap((f) => [`${f}/**/*.txt`, `${f}/**/*.md`])],
      exclude: strings(s.exclude, 'exclude') ?? DEFAULT_SELECTION.exclude,
      maxFileSize,
      respectGitignore: s.respectGitignore !== false,
    },
    engine: config,
    lenses: { mentionCounts: s.codeLens?.mentionCounts !== false, sameClaim: s.codeLens?.sameClaim !== false },
    dateHints: s.inlayHints?.dates !== false,
    maxReferences: Number.isInteger(maxReferences) && maxReferences >= 0 ? maxReferences : DEFAULT_MAX_REFERENCES,
    diagnosticsScope: diagnosticsScope ?? 'auto',
    problems: [...problems, ...engineProblems.map((p) => `corpusLens.diagnostics: ${p}`)],
  };
}
