/**
 * Entry point of an analysis worker thread (bundled to dist/analysisWorker.js). Receives batches of
 * documents, runs the same pure per-document pipeline as the main thread, and posts back each document's
 * resident part in portable form (with the document's own string table) and its resident line (and analysis line, if the store keeps it) encoded (the calling thread
 * stores those bytes as they are).
 * A failure in one document becomes an error outcome for that document only. Once the documents
 * are analysed, a worker may be asked for the exact claim join (see corpus/claimJoinShipment.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { joinShipment } from '../corpus/claimJoinShipment';
import { transferablesOf } from '../corpus/portableResident';
import { portableOutcomeOf } from './analyzeOne';
import type { BatchRequest, BatchResponse, ClaimJoinRequest, ClaimJoinResponse, WorkerSetup } from './protocol';

const setup = workerData as WorkerSetup;

parentPort?.on('message', (request: BatchRequest | ClaimJoinRequest) => {
  if ('join' in request) {
    let response: ClaimJoinResponse;
    try {
      response = { joined: joinShipment(request.join) };
    } catch (err) {
      response = { joinFailed: (err as Error).message };
    }
    parentPort!.postMessage(response);
    return;
  }
  const outcomes = request.jobs.map((job) => portableOutcomeOf(job, setup));
  const response: BatchResponse = { batch: request.batch, outcomes };
  // the encoded lines and the resident parts' arrays move to the receiving thread without a copy
  const transfer = outcomes.flatMap((o) => ('lines' in o ? [o.lines.bytes.buffer as ArrayBuffer, ...transferablesOf(o.resident)] : []));
  parentPort!.postMessage(response, transfer);
});
