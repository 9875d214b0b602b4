import type { DocumentAnalysis } from './types';

/** How a document is named to a reader: its file name, with its date when known. */
export function describeDocument(doc: Pick<DocumentAnalysis, 'path' | 'date'>): string {
  const name = doc.path.split('/').pop() ?? doc.path;
  return doc.date ? `${name} (${doc.date.value})` : name;
}

export function fileName(path: string): string {
  return decodeURIComponent(path.split('/').pop() ?? path);
}
