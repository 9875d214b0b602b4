import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { residentOfPortable } from '../corpus/portableResident';
import type { ActorLexicon } from '../actors/lexicon';
import type { ReadResult } from '../workspace';
import { portableOutcomeOf, textJobOf } from './analyzeOne';
import { WORKER_YOUNG_GENERATION_MB } from './heapSettings';
import type { ClaimJoinShipment, JoinedClaims } from '../corpus/claimJoinShipment';
import type { AnalysisJob, AnalysisOutcome, BatchJob, BatchRequest, BatchResponse, ClaimJoinRequest, ClaimJoinResponse, TablePieceRequest, WorkerOutcome, WorkerSetup } from './protocol';

export const WORKER_SCRIPT = 'analysisWorker.js';

/**
 * Where the worker bundle is: next to the running bundle (dist/server.js, dist/cli.js), or in the
 * dist/ folder of an enclosing directory when running from out/ (tests, benchmark). Undefined when it
 * was not built: analysis then stays on the calling thread.
 */
export function findWorkerScript(from = __dirname): string | undefined {
  for (let dir = from, depth = 0; depth < 6; depth++) {
    for (const candidate of [path.join(dir, WORKER_SCRIPT), path.join(dir, 'dist', WORKER_SCRIPT)]) if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

interface Pending {
  jobs: BatchJob[];
  resolve: (outcomes: AnalysisOutcome[]) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  /** The claim join asked of this worker, if any (see joinClaims). */
  join?: { resolve: (joined: JoinedClaims) => void; reject: (err: Error) => void };
  /** Strings of the calling thread's table sent ahead of the next claim join (see sendTablePiece). */
  tableAhead?: number;
  alive: boolean;
}

/**
 * A fixed set of worker threads (node:worker_threads, no native code, so it runs in VS Code's
 * extension host too) that analyse batches of documents. A worker that dies hands its unfinished
 * batches back to the calling thread, so every job always gets an outcome.
 */
export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private nextBatch = 0;

  private constructor(
    script: string,
    size: number,
    private readonly setup: WorkerSetup,
    private readonly readHere: (id: string) => ReadResult,
  ) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
      const slot: Slot = { worker, pending: new Map(), alive: true };
      slot.worker.on('message', (response: BatchResponse | ClaimJoinResponse) => {
        if ('batch' in response) this.settle(slot, response.batch, receiveOutcomes(response.outcomes));
        else this.joinAnswered(slot, response);
      });
      slot.worker.on('error', () => this.fail(slot));
      slot.worker.on('exit', () => this.fail(slot));
      this.slots.push(slot);
    }
  }

  /**
   * A pool of `size` workers (default: one per core), or undefined when the worker bundle is missing
   * or threads cannot start. `readHere` reads a document on this thread, for a file job a worker
   * that stopped left unanswered (see FileJob; none is read without it).
   */
  static open(lexicon: ActorLexicon, options: { size?: number; script?: string; analysisLines?: boolean; readHere?: (id: string) => ReadResult } = {}): AnalysisPool | undefined {
    const script = options.script ?? findWorkerScript();
    if (!script) return undefined;
    try {
      return new AnalysisPool(script, Math.max(1, options.size ?? defaultPoolSize()), { lexicon, analysisLines: options.analysisLines ?? true }, options.readHere ?? NO_READS_HERE);
    } catch {
      return undefined;
    }
  }

  get size(): number {
    return this.slots.length;
  }

  /** Analyses a batch on the least busy worker (a file job is read there). */
  analyze(jobs: BatchJob[]): Promise<AnalysisOutcome[]> {
    const live = this.slots.filter((s) => s.alive);
    if (live.length === 0) return Promise.resolve(jobs.map((job) => this.analyzeHereAfterRead(job)));
    const slot = live.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const batch = this.nextBatch++;
    return new Promise((resolve) => {
      slot.pending.set(batch, { jobs, resolve });
      const request: BatchRequest = { batch, jobs };
      slot.worker.postMessage(request);
    });
  }

  /**
   * The exact claim join made on a worker (see corpus/claimJoinShipment.ts), once the documents are
   * analysed; the arrays in `transfer` move to it. Rejects when it fails or the worker stops.
   */
  joinClaims(shipment: ClaimJoinShipment, transfer: ArrayBuffer[]): Promise<JoinedClaims> {
    const slot = this.joinSlot();
    if (!slot) return Promise.reject(new Error('no worker free to join the claims'));
    if ((slot.tableAhead ?? 0) < shipment.stringsFrom) return Promise.reject(new Error('the strings sent ahead of the claim join went to another worker'));
    slot.tableAhead = 0;
    return new Promise((resolve, reject) => {
      slot.join = { resolve, reject };
      const request: ClaimJoinRequest = { join: shipment };
      slot.worker.postMessage(request, transfer);
    });
  }

  /** Sends strings of this thread's table (from `from` on) ahead of a claim join, to the worker that will make it (see shipClaimJoin). */
  sendTablePiece(from: number, strings: string[]): void {
    const slot = this.joinSlot();
    if (!slot) return;
    const request: TablePieceRequest = { tablePiece: { from, strings } };
    slot.worker.postMessage(request);
    slot.tableAhead = from + strings.length;
  }

  /** The worker the next claim join goes to. */
  private joinSlot(): Slot | undefined {
    return this.slots.find((s) => s.alive && !s.join);
  }

  private joinAnswered(slot: Slot, response: ClaimJoinResponse): void {
    const join = slot.join;
    slot.join = undefined;
    if ('joined' in response) join?.resolve(response.joined);
    else join?.reject(new Error(response.joinFailed));
  }

  /** Batches sent and not yet answered: lets a producer keep every worker fed without flooding memory. */
  get inFlight(): number {
    let n = 0;
    for (const s of this.slots) n += s.pending.size;
    return n;
  }

  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    for (const s of slots) s.alive = false;
    await Promise.all(slots.map((s) => s.worker.terminate().catch(() => 0)));
  }

  /** A job analysed on the calling thread, kept in the same form as a worker's. */
  analyzeHere(job: AnalysisJob): AnalysisOutcome {
    return receiveOutcome(portableOutcomeOf(job, this.setup));
  }

  /** A job of a batch analysed on this thread, a file job read here first (see `readHere`). */
  private analyzeHereAfterRead(job: BatchJob): AnalysisOutcome {
    const read = textJobOf(job, (fileJob) => this.readHere(fileJob.id));
    return 'error' in read ? read : this.analyzeHere(read);
  }

  private settle(slot: Slot, batch: number, outcomes: AnalysisOutcome[]): void {
    const pending = slot.pending.get(batch);
    if (!pending) return;
    slot.pending.delete(batch);
    pending.resolve(outcomes);
  }

  private fail(slot: Slot): void {
    slot.join?.reject(new Error('the worker stopped'));
    slot.join = undefined;
    if (!slot.alive && slot.pending.size === 0) return;
    slot.alive = false;
    for (const [batch, pending] of [...slot.pending]) {
      slot.pending.delete(batch);
      pending.resolve(pending.jobs.map((job) => this.analyzeHereAfterRead(job)));
    }
  }
}

const NO_READS_HERE = (): ReadResult => ({ error: 'could not be read: its worker thread stopped' });

/** A worker's answer: resident parts in this thread's ids (shared strings and entities), analyses left as encoded lines. */
function receiveOutcomes(outcomes: WorkerOutcome[]): AnalysisOutcome[] {
  return outcomes.map(receiveOutcome);
}

/** One outcome in portable form (from a worker, or made the same way on this thread) in this thread's ids. */
export function receiveOutcome(o: WorkerOutcome): AnalysisOutcome {
  return 'resident' in o ? { id: o.id, resident: residentOfPortable(o.resident), lines: o.lines } : o;
}

/**
 * Workers to start: one per core but one, since the calling thread analyses documents too whenever
 * every worker has its fill (see indexDocuments); at least one. Measured on 2 cores at 10k articles:
 * two workers beside a busy calling thread made three threads share two cores, and each document's
 * analysis took 1.4 ms of CPU on a worker against 0.9 ms alone.
 */
export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1);
}
