import type { ActorLexicon } from '../actors/lexicon';
import type { ReadResult } from '../workspace';
import { compactAnalysis } from '../corpus/compactAnalysis';
import { AnalysisPool } from './analysisPool';
import { analyzeOne, textJobOf } from './analyzeOne';
import { WARM_UP_DOCUMENTS } from './warmUp';
import type { AnalysisJob, AnalysisOutcome, BatchJob, FileJob } from './protocol';

export interface BulkIndexInput {
  ids: string[];
  read(id: string): Promise<ReadResult>;
  /** The job for a document's text, or undefined when its current analysis is still valid (same content and options). */
  jobFor(id: string, text: string): AnalysisJob | undefined;
  /**
   * With worker threads: a job for a document whoever analyses it reads itself (its file: see
   * Workspace.fileOf), so that this thread neither reads nor copies its text; undefined to read it
   * here and ask `jobFor` (a document whose analysis may still be valid is read here, to compare).
   */
  fileJobFor?(id: string): FileJob | undefined;
  /** Reads a document at once on this thread: a file job this thread analyses itself (needed with `fileJobFor`). */
  readSync?(id: string): ReadResult;
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
/** What a file job counts for in a batch's characters before it is read: a typical article. */
const FILE_JOB_CHARS = 4 * 1024;
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
  const readSync = input.readSync;
  const pool = poolSize === 0 ? undefined : AnalysisPool.open(input.lexicon, { size: poolSize, analysisLines: input.analysisLines, readHere: readSync });
  const fileJobFor = pool && readSync ? input.fileJobFor : undefined;
  let done = 0;
  let analysed = 0;
  let batch: BatchJob[] = [];
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
  /**
   * Analyses `jobs[0]` on this thread with `analyse` (a file job read here first; one that cannot be
   * read is skipped), and takes it out of `jobs`; false, leaving it first in `jobs` (read), when it is
   * too long to hold the event loop for.
   */
  const takeFirstHere = (jobs: BatchJob[], analyse: (job: AnalysisJob) => void): boolean => {
    const job = textJobOf(jobs[0], (fileJob) => readSync!(fileJob.id));
    if (!('error' in job) && job.text.length > CALLING_THREAD_MAX_CHARS) {
      jobs[0] = job;
      return false;
    }
    jobs.shift();
    if ('error' in job) input.skip(job.id, job.error);
    else analyse(job);
    progress(1);
    return true;
  };
  const flush = async () => {
    const jobs = batch;
    batch = [];
    batchChars = 0;
    if (jobs.length === 0) return;
    analysed += jobs.length;
    if (!pool) {
      for (const job of jobs) {
        const read = textJobOf(job, (fileJob) => readSync!(fileJob.id)); // (none is a file job without a pool)
        if ('error' in read) input.skip(read.id, read.error);
        else analyseHere(read);
      }
      progress(jobs.length);
      await yieldToEventLoop();
      return;
    }
    if (callingThreadShare > 0 && takeFirstHere(jobs, analyseHere)) callingThreadShare--;
    while (jobs.length > 0 && pool.inFlight >= pool.size * 2) {
      if (!takeFirstHere(jobs, (job) => input.accept(pool.analyzeHere(job)))) {
        await Promise.race(running);
        continue;
      }
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
    // the next slice's files are read while this one's are analysed (this thread never waits on the
    // disk while it has work); but for file jobs, which are read where they are analysed
    const readSlice = (at: number) => {
      const slice = ids.slice(at, at + READS_IN_FLIGHT);
      const fileJobs = slice.map((id) => fileJobFor?.(id));
      const reads = Promise.all(slice.map((id, i) => (fileJobs[i] ? undefined : input.read(id))));
      reads.catch(() => undefined); // (a read that fails is reported where it is awaited; none is when indexing is cancelled)
      return { fileJobs, reads };
    };
    let nextReads = readSlice(0);
    for (let at = 0; at < ids.length; at += READS_IN_FLIGHT) {
      if (input.isCancelled?.()) {
        cancelled = true;
        break;
      }
      const slice = ids.slice(at, at + READS_IN_FLIGHT);
      const { fileJobs } = nextReads;
      const reads = await nextReads.reads;
      if (at + READS_IN_FLIGHT < ids.length) nextReads = readSlice(at + READS_IN_FLIGHT);
      let unchanged = 0;
      for (let i = 0; i < slice.length; i++) {
        const fileJob = fileJobs[i];
        if (fileJob) {
          batch.push(fileJob);
          batchChars += FILE_JOB_CHARS;
          if (batchChars >= BATCH_CHARS || batch.length >= BATCH_DOCS) await flush();
          continue;
        }
        const read = reads[i]!;
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
