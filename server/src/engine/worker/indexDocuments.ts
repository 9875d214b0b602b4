import type { ActorLexicon } from '../actors/lexicon';
import type { ReadResult } from '../workspace';
import { compactAnalysis } from '../corpus/compactAnalysis';
import { AnalysisPool } from './analysisPool';
import { analyzeOne } from './analyzeOne';
import { WARM_UP_DOCUMENTS } from './warmUp';
import type { AnalysisJob, AnalysisOutcome } from './protocol';

export interface BulkIndexInput {
  ids: string[];
  read(id: string): Promise<ReadResult>;
  /** The job for a document's text, or undefined when its current analysis is still valid (same content and options). */
  jobFor(id: string, text: string): AnalysisJob | undefined;
  /** Receives each outcome (an analysis made on this thread is in compact form: see compactAnalysis). */
  accept(outcome: AnalysisOutcome): void;
  skip(id: string, reason: string): void;
  lexicon: ActorLexicon;
  onProgress?: (done: number, total: number) => void;
  isCancelled?: () => boolean;
  /** Worker threads to use; 0 analyses on the calling thread. Default: one per core when there are enough documents. */
  workers?: number;
  /** Whether outcomes from the pool carry the analysis line (see AnalysisStore.keepsBulkAnalyses). Default true. */
  analysisLines?: boolean;
  /** Leave the pool open when indexing ends (not cancelled) and return it, for the work that follows (the claim join); the caller closes it. */
  keepPool?: boolean;
}

export interface BulkIndexResult {
  analysed: number;
  cancelled: boolean;
  /** The worker pool, still open (only with `keepPool`, when one was used and indexing was not cancelled). */
  pool?: AnalysisPool;
}

/** Below this many documents, starting threads costs more than it saves. */
const POOL_THRESHOLD = 256;
const READS_IN_FLIGHT = 64;
const BATCH_CHARS = 96 * 1024;
const BATCH_DOCS = 32;
/**
 * With a pool, this many documents (the first of each batch) are still analysed on the calling
 * thread: an edit is analysed there, and its code would otherwise run for the first time, not yet
 * optimised by the JIT, on the reader's first keystrokes (measured: 10-25 ms for the first edits
 * against 2-5 ms once warm). About 0.1 s of this thread's time, spread over the indexing.
 */
const CALLING_THREAD_SHARE = WARM_UP_DOCUMENTS;
/** Longer documents always go to a worker: analysing one here would keep requests waiting. */
const CALLING_THREAD_MAX_CHARS = 64 * 1024;

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Reads and analyses many documents: reads run concurrently (bounded, the next slice of files read
 * while this one is analysed), documents are grouped into
 * batches of about BATCH_CHARS and analysed by a worker pool (or on this thread for small corpora).
 * This thread is one of the analysers: while every worker has two batches waiting, it analyses the
 * next batch's documents itself, one at a time, letting requests and the workers' results through
 * between them (so memory stays bounded and no core idles); it waits only for a document too long to
 * hold the event loop for. Results are handed over as they come, so the index answers requests while
 * it fills. Linear in the corpus size.
 */
export async function indexDocuments(input: BulkIndexInput): Promise<BulkIndexResult> {
  const { ids } = input;
  const poolSize = input.workers ?? (ids.length >= POOL_THRESHOLD ? undefined : 0);
  const pool = poolSize === 0 ? undefined : AnalysisPool.open(input.lexicon, { size: poolSize, analysisLines: input.analysisLines });
  let done = 0;
  let analysed = 0;
  let batch: AnalysisJob[] = [];
  let batchChars = 0;
  let callingThreadShare = pool ? CALLING_THREAD_SHARE : 0;
  const analyseHere = (job: AnalysisJob) => {
    const outcome = analyzeOne(job, input.lexicon);
    input.accept('analysis' in outcome ? { id: outcome.id, analysis: compactAnalysis(outcome.analysis) } : outcome);
  };
  const running = new Set<Promise<void>>();
  const progress = (n: number) => {
    done += n;
    input.onProgress?.(done, ids.length);
  };
  const flush = async () => {
    const jobs = batch;
    batch = [];
    batchChars = 0;
    if (jobs.length === 0) return;
    analysed += jobs.length;
    if (!pool) {
      for (const job of jobs) analyseHere(job);
      progress(jobs.length);
      await yieldToEventLoop();
      return;
    }
    if (callingThreadShare > 0 && jobs[0].text.length <= CALLING_THREAD_MAX_CHARS) {
      callingThreadShare--;
      analyseHere(jobs.shift()!);
      progress(1);
    }
    while (jobs.length > 0 && pool.inFlight >= pool.size * 2) {
      if (jobs[0].text.length > CALLING_THREAD_MAX_CHARS) {
        await Promise.race(running);
        continue;
      }
      input.accept(pool.analyzeHere(jobs.shift()!));
      progress(1);
      await yieldToEventLoop();
    }
    if (jobs.length === 0) return;
    const task = pool.analyze(jobs).then((outcomes) => {
      for (const o of outcomes) input.accept(o);
      progress(outcomes.length);
    });
    running.add(task);
    void task.finally(() => running.delete(task));
  };
  let cancelled = false;
  let kept = false;
  try {
    // the next slice's files are read while this one's are analysed (this thread never waits on the disk while it has work)
    const readSlice = (at: number) => {
      const reads = Promise.all(ids.slice(at, at + READS_IN_FLIGHT).map((id) => input.read(id)));
      reads.catch(() => undefined); // (a read that fails is reported where it is awaited; none is when indexing is cancelled)
      return reads;
    };
    let nextReads = readSlice(0);
    for (let at = 0; at < ids.length; at += READS_IN_FLIGHT) {
      if (input.isCancelled?.()) {
        cancelled = true;
        break;
      }
      const slice = ids.slice(at, at + READS_IN_FLIGHT);
      const reads = await nextReads;
      if (at + READS_IN_FLIGHT < ids.length) nextReads = readSlice(at + READS_IN_FLIGHT);
      let unchanged = 0;
      for (let i = 0; i < slice.length; i++) {
        const read = reads[i];
        if ('error' in read) {
          input.skip(slice[i], read.error);
          unchanged++;
          continue;
        }
        const job = input.jobFor(slice[i], read.text);
        if (!job) {
          unchanged++;
          continue;
        }
        batch.push(job);
        batchChars += job.text.length;
        if (batchChars >= BATCH_CHARS || batch.length >= BATCH_DOCS) await flush();
      }
      if (unchanged) progress(unchanged);
    }
    await flush();
    await Promise.all(running);
    kept = input.keepPool === true && !cancelled;
  } finally {
    if (!kept) await pool?.close();
  }
  return { analysed, cancelled, pool: kept ? pool : undefined };
}
