import type { Workspace } from '../workspace';
import type { BulkIndexInput } from './indexDocuments';
import type { AnalysisJob } from './protocol';
import { WARM_UP_DOCUMENTS } from './warmUp';

/** What bulk indexing is told of the language service: how it decides which documents to analyse. */
export interface BulkJobsHost {
  workspace: Workspace;
  /** The document's date from the workspace file. */
  workspaceDateOf(id: string): string | undefined;
  /** Whether the document has an analysis that may still be valid (its text is read here, to compare). */
  hasAnalysis(id: string): boolean;
  /** Whether its analysis was made from this very text with these options. */
  isCurrent(id: string, job: AnalysisJob): boolean;
}

/** The first documents bulk indexing meets, to compile the edit path with (see warmUpEditPath): their ids, and the jobs of those read on this thread. */
export class WarmUpSamples {
  readonly ids: string[] = [];
  readonly jobs: AnalysisJob[] = [];

  add(id: string, job?: AnalysisJob): void {
    if (this.ids.length >= WARM_UP_DOCUMENTS) return;
    this.ids.push(id);
    if (job) this.jobs.push(job);
  }
}

/**
 * How bulk indexing reads documents and makes their jobs: a document with no analysis to compare its
 * text with, and a file on disk, is read where it is analysed (a file job: on a worker, this thread
 * neither reads nor copies its text); any other is read here and analysed unless still current.
 */
export function bulkJobs(host: BulkJobsHost, samples: WarmUpSamples): Pick<BulkIndexInput, 'read' | 'readSync' | 'jobFor' | 'fileJobFor'> {
  const { workspace } = host;
  return {
    read: (id) => workspace.readDocument(id),
    readSync: (id) => workspace.readDocumentSync(id),
    jobFor: (id, text) => {
      const job = { id, text, workspaceDate: host.workspaceDateOf(id) };
      samples.add(id, job);
      return host.isCurrent(id, job) ? undefined : job;
    },
    fileJobFor: (id) => {
      const at = host.hasAnalysis(id) ? undefined : workspace.fileOf?.(id);
      if (!at) return undefined;
      samples.add(id);
      return { id, ...at, workspaceDate: host.workspaceDateOf(id) };
    },
  };
}
