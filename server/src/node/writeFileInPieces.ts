import { closeSync, openSync, renameSync, rmSync } from 'node:fs';
import { FileOut, type TextOut } from '../engine/export/jsonText';

/**
 * Writes a file a piece at a time (see TextOut), under a temporary name renamed into place once
 * complete: a reader never sees half a file, and a failed write leaves the previous file as it was.
 */
export async function writeFileInPieces(file: string, writer: (out: TextOut) => Promise<void>): Promise<void> {
  const partial = `${file}.partial`;
  const fd = openSync(partial, 'w');
  try {
    await writer(new FileOut(fd));
    closeSync(fd);
    renameSync(partial, file);
  } catch (err) {
    try {
      closeSync(fd);
    } catch {
      // closed already
    }
    rmSync(partial, { force: true });
    throw err;
  }
}
