/** Custom requests and notifications between the Corpus Lens client and server (beyond standard LSP). */
import type { Location, Position } from 'vscode-languageserver';

export interface StatusReport {
  state: 'empty' | 'indexing' | 'ready';
  documents: number;
  actors: number;
  findings: number;
  /** Whose diagnostics the server sends (corpusLens.diagnostics.scope as it applies to this corpus): all counted in `findings` either way. */
  diagnosticsSent: 'workspace' | 'openDocuments';
  skipped: { path: string; reason: string }[];
  /** Problems with settings or the workspace file, in plain words. */
  problems: string[];
}

export interface PositionArgs {
  uri: string;
  position: Position;
}

export const Requests = {
  status: 'corpusLens/status',
  reindex: 'corpusLens/reindex',
  /** Writes the index as JSON (docs/index-json.md) to a file: ExportArgs -> ExportResult. */
  exportIndex: 'corpusLens/exportIndex',
  /** All mentions of the actor at a position: { name, locations }. */
  mentions: 'corpusLens/mentions',
  /** Next/previous mention of the actor at a position, across documents. */
  adjacentMention: 'corpusLens/adjacentMention',
  /** Statements of the same claim elsewhere. */
  sameClaim: 'corpusLens/sameClaim',
} as const;

export const Notifications = {
  status: 'corpusLens/statusChanged',
} as const;

export interface MentionsResult {
  name: string | null;
  locations: Location[];
}

export interface ExportArgs {
  /** The file to write (a file: URI). */
  uri: string;
}

export interface ExportResult {
  path: string;
  documents: number;
}
