import type { ClaimRef, Span } from '../types';
import type { CorpusIndex } from './corpusIndex';
import { residentClaimSpans, residentQuoteFields, type ClaimQuote } from './residentDocument';

/**
 * A claim as another document's request quotes it (position, attribution, source as written, text),
 * from its document's resident part and claim texts: that document's analysis is not read.
 */
export function claimQuote(index: CorpusIndex, ref: ClaimRef): ClaimQuote | undefined {
  const doc = index.resident(ref.path);
  const fields = doc && residentQuoteFields(doc)[ref.index];
  const text = fields && index.claimText(ref);
  return text === undefined ? undefined : { ...fields!, text };
}

/** Where a claim is, from its document's resident part. */
export function claimSpan(index: CorpusIndex, ref: ClaimRef): Span | undefined {
  const doc = index.resident(ref.path);
  return doc && residentClaimSpans(doc)[ref.index];
}
