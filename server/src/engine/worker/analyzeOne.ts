import { analyzeDocument } from '../analyzeDocument';
import type { ActorLexicon } from '../actors/lexicon';
import type { AnalysisJob, LocalOutcome } from './protocol';

/** Analyses one job, turning an exception into an error outcome (one bad document never stops the others). */
export function analyzeOne(job: AnalysisJob, lexicon: ActorLexicon): LocalOutcome {
  try {
    return { id: job.id, analysis: analyzeDocument(job.id, job.text, { lexicon, workspaceDate: job.workspaceDate }) };
  } catch (err) {
    return { id: job.id, error: `analysis failed: ${(err as Error).message}` };
  }
}
