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
