/**
 * Entry point of an analysis worker thread (bundled to dist/analysisWorker.js). Receives batches of
 * documents, runs the same pure per-document pipeline as the main thread, and posts back each document's
 * resident part in portable form (with the document's own string table) and its resident line (and analysis line, if the store keeps it) encoded (the calling thread
 * stores those bytes as they are). A document sent as its file (a FileJob) is read here, with the
 * same checks as the workspace's reads (node/readDocument.ts: this entry point runs in Node only).
 * A failure in one document becomes an error outcome for that document only. Once the documents
 * are analysed, a worker may be asked for the exact claim join (see corpus/claimJoinShipment.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { joinShipment } from '../corpus/claimJoinShipment';
import { transferablesOf } from '../corpus/portableResident';
import { readCorpusFileSync } from '../../node/readDocument';
import { portableOutcomeOfBatchJob } from './analyzeOne';
import type { BatchRequest, FileJob, BatchResponse, ClaimJoinRequest, ClaimJoinResponse, TablePieceRequest, WorkerSetup } from './protocol';

const setup = workerData as WorkerSetup;
const readFile = (job: FileJob) => readCorpusFileSync(job.file, job.maxBytes);
/** The calling thread's strings sent ahead of a claim join (its shipment brings the rest). */
const tableAhead: string[] = [];

parentPort?.on('message', (request: BatchRequest | ClaimJoinRequest | TablePieceRequest) => {
  if ('tablePiece' in request) {
    const { from, strings } = request.tablePiece;
    tableAhead.length = Math.min(tableAhead.length, from);
    if (tableAhead.length === from) for (const s of strings) tableAhead.push(s);
    return;
  }
  if ('join' in request) {
    let response: ClaimJoinResponse;
    try {
      const { stringsFrom, strings } = request.join;
      if (tableAhead.length < stringsFrom) throw new Error(`${stringsFrom} strings were to be sent ahead of the claim join; ${tableAhead.length} came`);
      const table = stringsFrom > 0 ? tableAhead.slice(0, stringsFrom).concat(strings) : strings;
      tableAhead.length = 0;
      response = { joined: joinShipment({ ...request.join, strings: table, stringsFrom: 0 }) };
    } catch (err) {
      response = { joinFailed: (err as Error).message };
    }
    parentPort!.postMessage(response);
    return;
  }
  const outcomes = request.jobs.map((job) => portableOutcomeOfBatchJob(job, setup, readFile));
  const response: BatchResponse = { batch: request.batch, outcomes };
  // the encoded lines and the resident parts' arrays move to the receiving thread without a copy
  const transfer = outcomes.flatMap((o) => ('lines' in o ? [o.lines.bytes.buffer as ArrayBuffer, ...transferablesOf(o.resident)] : []));
  parentPort!.postMessage(response, transfer);
});
