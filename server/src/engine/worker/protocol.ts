import type { ActorLexicon } from '../actors/lexicon';
import type { ClaimJoinShipment, JoinedClaims } from '../corpus/claimJoinShipment';
import type { StoredLines } from '../corpus/analysisStore';
import type { PortableResident } from '../corpus/portableResident';
import type { ResidentDocument } from '../corpus/residentDocument';
import type { DocumentAnalysis } from '../types';

/** One document to analyse in a worker: its id, its text as read, and its date from the workspace file. */
export interface AnalysisJob {
  id: string;
  text: string;
  workspaceDate?: string;
}

/**
 * One document a worker reads itself, from its file on disk (see Workspace.fileOf): in bulk indexing
 * the calling thread then neither reads its text nor copies it to the worker.
 */
export interface FileJob {
  id: string;
  file: string;
  /** Files larger than this are refused with a reason, as the workspace's own reads do. */
  maxBytes: number;
  workspaceDate?: string;
}

/** A job in a batch for a worker: the document's text, or the file it reads itself. */
export type BatchJob = AnalysisJob | FileJob;

export function isFileJob(job: BatchJob): job is FileJob {
  return 'file' in job;
}

/**
 * One document's outcome: its analysis (made on the calling thread), or, from a worker thread, its
 * resident part, and its analysis (when the store keeps it) and resident part as encoded lines (stored as they are: see AnalysisStore.putEncoded),
 * or why it could not be analysed.
 */
export type AnalysisOutcome = LocalOutcome | { id: string; resident: ResidentDocument; lines: StoredLines };

/** An outcome made on the calling thread. */
export type LocalOutcome = { id: string; analysis: DocumentAnalysis } | { id: string; error: string };

/** An outcome as a worker sends it: the resident part in portable form (see portableResident.ts). */
export type WorkerOutcome = { id: string; resident: PortableResident; lines: StoredLines } | { id: string; error: string };

/** Data a worker starts with (structured-cloned once per worker). */
export interface WorkerSetup {
  lexicon: ActorLexicon;
  /** Whether each outcome's lines include the analysis line (see AnalysisStore.keepsBulkAnalyses), or only the resident line. */
  analysisLines: boolean;
}

export interface BatchRequest {
  batch: number;
  jobs: BatchJob[];
}

export interface BatchResponse {
  batch: number;
  /** Strings and moved typed arrays: cheap to pass between threads. */
  outcomes: WorkerOutcome[];
}

/** The exact claim join, asked of a worker once the documents are analysed (see claimJoinShipment.ts). */
export interface ClaimJoinRequest {
  join: ClaimJoinShipment;
}

/** Strings of the calling thread's table from `from` on, sent ahead of a claim join in pieces (see shipClaimJoin): the worker keeps them for it. */
export interface TablePieceRequest {
  tablePiece: { from: number; strings: string[] };
}

export type ClaimJoinResponse = { joined: JoinedClaims } | { joinFailed: string };
