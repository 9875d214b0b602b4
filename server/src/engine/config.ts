import type { Severity } from './types';

/** The rules that produce findings, with their default severities. */
export const RULES = {
  'unsourced-claim': { severity: 'information', description: 'A checkable claim that names no source.' },
  'vague-attribution': { severity: 'warning', description: 'A claim attributed to an unnamed or weasel source ("reportedly", "officials said").' },
  contradiction: { severity: 'warning', description: 'Two statements in the corpus that cannot both be true.' },
} as const satisfies Record<string, { severity: Severity; description: string }>;

export type RuleCode = keyof typeof RULES;

export interface EngineConfig {
  /** Severity per rule; 'off' disables the rule. */
  severity: Partial<Record<string, Severity>>;
  /** Contradictions below this confidence are hints, not their rule's severity. */
  contradictionConfidence: number;
  /** Unsourced claims are reported only when at least this check-worthy (0..1): few, right findings. */
  unsourcedMinWorth: number;
  /** Files (globs, relative to the workspace) whose findings are all suppressed. */
  ignoreFiles: string[];
}

export const DEFAULT_CONFIG: EngineConfig = {
  severity: {},
  contradictionConfidence: 0.6,
  unsourcedMinWorth: 0.5,
  ignoreFiles: [],
};

export function severityOf(config: EngineConfig, code: string): Severity {
  return config.severity[code] ?? (RULES as Record<string, { severity: Severity }>)[code]?.severity ?? 'warning';
}

/** Settings objects from the editor or the workspace file, validated; unknown or malformed parts are reported. */
export function parseEngineConfig(raw: unknown, base: EngineConfig = DEFAULT_CONFIG): { config: EngineConfig; problems: string[] } {
  const problems: string[] = [];
  const config: EngineConfig = { ...base, severity: { ...base.severity }, ignoreFiles: [...base.ignoreFiles] };
  if (raw === undefined || raw === null) return { config, problems };
  if (typeof raw !== 'object') return { config, problems: ['diagnostics settings must be an object'] };
  const r = raw as Record<string, unknown>;
  const severities = new Set(['error', 'warning', 'information', 'hint', 'off']);
  if (r.severity !== undefined) {
    if (typeof r.severity !== 'object' || r.severity === null) problems.push('"severity" must map rule codes to error|warning|information|hint|off');
    else
      for (const [code, value] of Object.entries(r.severity)) {
        if (typeof value === 'string' && severities.has(value)) config.severity[code] = value as Severity;
        else problems.push(`severity of "${code}" must be one of error, warning, information, hint, off (got ${JSON.stringify(value)})`);
      }
  }
  if (r.ignoreFiles !== undefined) {
    if (Array.isArray(r.ignoreFiles) && r.ignoreFiles.every((g) => typeof g === 'string')) config.ignoreFiles.push(...(r.ignoreFiles as string[]));
    else problems.push('"ignoreFiles" must be a list of glob patterns');
  }
  for (const key of ['contradictionConfidence', 'unsourcedMinWorth'] as const) {
    const v = r[key];
    if (v === undefined) continue;
    if (typeof v === 'number' && v >= 0 && v <= 1) config[key] = v;
    else problems.push(`"${key}" must be a number from 0 to 1`);
  }
  return { config, problems };
}
