import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/**
 * The patterns of a folder's `.gitignore` as exclude globs (relative to that folder), so files the
 * user keeps out of version control (build output, scratch copies) stay out of the corpus too.
 * Negated patterns ("!keep.txt") cannot be expressed as excludes and are skipped.
 */
export async function gitignoreGlobs(root: string): Promise<string[]> {
  const text = await fs.readFile(path.join(root, '.gitignore'), 'utf8').catch(() => '');
  return text.split(/\r?\n/).flatMap(gitignoreLineToGlobs);
}

export function gitignoreLineToGlobs(raw: string): string[] {
  const line = raw.replace(/\s+$/, '');
  if (!line || line.startsWith('#') || line.startsWith('!')) return [];
  const directoryOnly = line.endsWith('/');
  let pattern = line.replace(/\/+$/, '');
  const anchored = pattern.startsWith('/') || pattern.includes('/');
  pattern = pattern.replace(/^\//, '');
  if (!pattern) return [];
  const base = anchored ? pattern : `**/${pattern}`;
  return directoryOnly ? [`${base}/**`] : [base, `${base}/**`];
}
