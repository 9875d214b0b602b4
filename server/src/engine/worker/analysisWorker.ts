/**
 * Entry point of an analysis worker thread (bundled to dist/analysisWorker.js). Receives batches of
 * documents, runs the same pure per-document pipeline as the main thread, and posts the analyses back.
 * A failure in one document becomes an error outcome for that document only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeOne } from './analyzeOne';
import type { BatchRequest, BatchResponse, WorkerSetup } from './protocol';

const setup = workerData as WorkerSetup;

parentPort?.on('message', (request: BatchRequest) => {
  const response: BatchResponse = { batch: request.batch, outcomes: JSON.stringify(request.jobs.map((job) => analyzeOne(job, setup.lexicon))) };
  parentPort!.postMessage(response);
});
