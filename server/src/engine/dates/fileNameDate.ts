import type { DocumentDate } from '../types';

/**
 * A publication date written in the file's name, as news archives often name files
 * ("2025-06-15-kyiv-strikes.txt", "reuters_20250615_ukraine.md"). The date must stand apart from
 * other letters and digits (a hash such as "05eff9d5…" never yields one) and be a real calendar day.
 */
const IN_NAME = /(?<![A-Za-z0-9])((?:19|20)\d{2})([-_.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?![A-Za-z0-9])/;

export function dateFromFileName(fileName: string | undefined): DocumentDate | null {
  if (!fileName) return null;
  const m = IN_NAME.exec(fileName);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[3]), Number(m[4])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null; // 2025-02-30
  const iso = `${m[1]}-${m[3]}-${m[4]}`;
  return { value: iso, from: iso, to: iso, source: 'file', evidence: `the file name "${fileName}"` };
}
