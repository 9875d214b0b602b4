import { analyzeDocument } from '../analyzeDocument';
import type { ActorLexicon } from '../actors/lexicon';
import { encodeLines } from '../corpus/analysisStore';
import { storedAnalysisJson } from '../corpus/storedAnalysis';
import { portableLine, portableOfAnalysis } from '../corpus/portableResident';
import type { ReadResult } from '../workspace';
import { isFileJob, type AnalysisJob, type BatchJob, type FileJob, type LocalOutcome, type WorkerOutcome, type WorkerSetup } from './protocol';

/** Analyses one job, turning an exception into an error outcome (one bad document never stops the others). */
export function analyzeOne(job: AnalysisJob, lexicon: ActorLexicon): LocalOutcome {
  try {
    return { id: job.id, analysis: analyzeDocument(job.id, job.text, { lexicon, workspaceDate: job.workspaceDate }) };
  } catch (err) {
    return { id: job.id, error: `analysis failed: ${(err as Error).message}` };
  }
}

/**
 * What bulk indexing keeps of one job, as a worker thread sends it: the resident part in portable
 * form, and the resident part and (if the store keeps it) the analysis as encoded lines (stored as
 * they are). The calling thread makes the same when it analyses a share of the documents itself.
 */
export function portableOutcomeOf(job: AnalysisJob, setup: WorkerSetup): WorkerOutcome {
  const outcome = analyzeOne(job, setup.lexicon);
  if (!('analysis' in outcome)) return outcome;
  const resident = portableOfAnalysis(outcome.analysis);
  const analysisJson = setup.analysisLines ? storedAnalysisJson(outcome.analysis) : undefined;
  return { id: outcome.id, resident, lines: encodeLines(analysisJson, portableLine(resident)) };
}

/** The same for a job of a batch: a file job's file is read first with `readFile` (a read that fails is the document's error outcome, its reason as the workspace gives it). */
export function portableOutcomeOfBatchJob(job: BatchJob, setup: WorkerSetup, readFile: (job: FileJob) => ReadResult): WorkerOutcome {
  const read = textJobOf(job, readFile);
  return 'error' in read ? read : portableOutcomeOf(read, setup);
}

/** The job with its text: a file job's file read with `readFile`, or why it cannot be. */
export function textJobOf(job: BatchJob, readFile: (job: FileJob) => ReadResult): AnalysisJob | { id: string; error: string } {
  if (!isFileJob(job)) return job;
  const read = readFile(job);
  return 'error' in read ? { id: job.id, error: read.error } : { id: job.id, text: read.text, workspaceDate: job.workspaceDate };
}
