/**
 * Entry point of an analysis worker thread (bundled to dist/analysisWorker.js). Receives batches of
 * documents, runs the same pure per-document pipeline as the main thread, and posts back each document's
 * resident part and its analysis as JSON text (the calling thread stores that text without parsing it).
 * A failure in one document becomes an error outcome for that document only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { encodeLines } from '../corpus/analysisStore';
import { residentJsonOf } from '../corpus/residentDocument';
import { analyzeOne } from './analyzeOne';
import type { BatchRequest, BatchResponse, WorkerOutcome, WorkerSetup } from './protocol';

const setup = workerData as WorkerSetup;

parentPort?.on('message', (request: BatchRequest) => {
  const outcomes = request.jobs.map((job): WorkerOutcome => {
    const outcome = analyzeOne(job, setup.lexicon);
    if (!('analysis' in outcome)) return outcome as WorkerOutcome;
    const resident = residentJsonOf(outcome.analysis);
    return { id: outcome.id, resident, lines: encodeLines(JSON.stringify(outcome.analysis), resident) };
  });
  const response: BatchResponse = { batch: request.batch, outcomes };
  // the encoded lines move to the receiving thread without a copy
  const transfer = outcomes.flatMap((o) => ('lines' in o ? [o.lines.bytes.buffer as ArrayBuffer] : []));
  parentPort!.postMessage(response, transfer);
});
