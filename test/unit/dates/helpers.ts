import assert from 'node:assert/strict';
import { findDates, type DateFindings } from '../../../server/src/engine/dates/findDates';
import { buildTextModel } from '../../../server/src/engine/text/textModel';
import type { DateExpression } from '../../../server/src/engine/types';

export function datesOf(text: string, metadataDate?: string): DateFindings {
  return findDates(buildTextModel(text), { metadataDate });
}

/** The expression whose text is exactly `text` (the nth one). */
export function expression(found: DateFindings, text: string, nth = 1): DateExpression {
  const hits = found.dates.filter((d) => d.text === text);
  const d = hits[nth - 1];
  if (!d) throw new Error(`no expression "${text}" in ${JSON.stringify(found.dates.map((x) => x.text))}`);
  return d;
}

/** Each listed expression (first occurrence) has the listed value. */
export function assertValues(found: DateFindings, expected: Record<string, string | null>): void {
  for (const [text, value] of Object.entries(expected)) assert.equal(expression(found, text).value, value, text);
}
