import { contentHash } from '../analyzeDocument';

/** The content hash analyzeDocument records for a text (computed after removing a byte-order mark). */
export function contentHashOf(rawText: string): string {
  return contentHash(rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText);
}

/**
 * When a stored analysis may be reused for a document: same content, same per-document options and
 * same actor lexicon. (The engine version is checked once for the whole persisted index.)
 */
export function validityKey(hash: string, workspaceDate: string | undefined, lexiconVersion: string): string {
  return `${hash}|${workspaceDate ?? ''}|${lexiconVersion}`;
}
