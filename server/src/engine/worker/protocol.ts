import type { ActorLexicon } from '../actors/lexicon';
import type { DocumentAnalysis } from '../types';

/** One document to analyse in a worker: its id, its text as read, and its date from the workspace file. */
export interface AnalysisJob {
  id: string;
  text: string;
  workspaceDate?: string;
}

export type AnalysisOutcome = { id: string; analysis: DocumentAnalysis } | { id: string; error: string };

/** Data a worker starts with (structured-cloned once per worker). */
export interface WorkerSetup {
  lexicon: ActorLexicon;
}

export interface BatchRequest {
  batch: number;
  jobs: AnalysisJob[];
}

export interface BatchResponse {
  batch: number;
  /**
   * The outcomes as one JSON text (AnalysisOutcome[]): parsing it on the receiving thread gives
   * compact objects with shared short strings, where a structured clone gives ~1.5x the heap.
   */
  outcomes: string;
}
