import { promises as fs } from 'node:fs';

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

/**
 * Reads a corpus file as UTF-8 text, or says in plain words why it cannot be analysed.
 * Never throws: every failure becomes `{ error }` so one bad file never stops the others.
 */
export async function readCorpusFile(absPath: string, maxBytes = DEFAULT_MAX_FILE_SIZE): Promise<{ text: string } | { error: string }> {
  let stat;
  try {
    stat = await fs.stat(absPath);
  } catch (err) {
    return { error: describeFsError(err) };
  }
  if (stat.isDirectory()) return { error: 'is a folder, not a file' };
  if (stat.size > maxBytes) return { error: `is ${formatBytes(stat.size)}, over the size limit of ${formatBytes(maxBytes)} (setting corpusLens.maxFileSize)` };
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(absPath);
  } catch (err) {
    return { error: describeFsError(err) };
  }
  return decodeText(bytes);
}

/** UTF-8 (with or without BOM) or UTF-16 with a BOM; binary and invalid UTF-8 are refused with the reason. */
export function decodeText(bytes: Uint8Array): { text: string } | { error: string } {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    try {
      return { text: new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes.subarray(2)) };
    } catch {
      return { error: 'is not valid UTF-16 text' };
    }
  }
  const probe = bytes.subarray(0, Math.min(bytes.length, 8192));
  if (probe.includes(0)) return { error: 'looks binary (it holds NUL bytes), not text' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { error: `is not valid UTF-8${at >= 0 ? ` (first bad byte at offset ${at})` : ''}; save it as UTF-8` };
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  return `cannot be read (${(err as Error).message})`;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
