import type { DocumentAnalysis } from '../types';
import { unpackFields } from './packedValues';
import type { ResidentDocument } from './residentDocument';

/**
 * Claim fields that the resident part keeps (packed: see residentFieldsOf) and the stored analysis
 * line leaves out: they are a third of an article's analysis JSON. A stored analysis read back gets
 * them from the document's resident part (`withResidentClaimFields`).
 */
const RESIDENT_CLAIM_FIELDS = ['attribution', 'sourceEntity', 'sourceText', 'entities', 'names', 'terms', 'quantities', 'frames', 'nouns', 'hedged', 'years', 'elapsed', 'predicates', 'when'] as const;
const RESIDENT_CLAIM_FIELD_SET = new Set<string>(RESIDENT_CLAIM_FIELDS);

/**
 * The analysis as the analyses file stores it: JSON without the claim fields its resident part
 * keeps. The analysis is left as it was (the fields are set aside while it is written: JSON omits
 * undefined values, and no object is copied).
 */
export function storedAnalysisJson(analysis: DocumentAnalysis): string {
  const claims = analysis.claims as unknown as Record<string, unknown>[];
  const aside: unknown[] = new Array(claims.length * RESIDENT_CLAIM_FIELDS.length);
  let at = 0;
  for (const claim of claims) {
    for (const field of RESIDENT_CLAIM_FIELDS) {
      const value = (aside[at++] = claim[field]);
      if (value !== undefined) claim[field] = undefined; // a field the claim lacks is not added
    }
  }
  try {
    return JSON.stringify(analysis);
  } finally {
    at = 0;
    for (const claim of claims) {
      for (const field of RESIDENT_CLAIM_FIELDS) {
        const value = aside[at++];
        if (value !== undefined) claim[field] = value;
      }
    }
  }
}

/**
 * A stored analysis (parsed from its line) made whole again: its claims get the fields kept in the
 * document's resident part. Throws when the resident part does not hold as many claims.
 */
export function withResidentClaimFields(stored: DocumentAnalysis, resident: ResidentDocument): DocumentAnalysis {
  const kept = unpackFields(resident.claims, RESIDENT_CLAIM_FIELD_SET) as Record<string, unknown>[];
  if (kept.length !== stored.claims.length) throw new Error(`its resident part has ${kept.length} claims, the analysis ${stored.claims.length}`);
  stored.claims.forEach((claim, i) => {
    const fields = kept[i];
    for (const field of RESIDENT_CLAIM_FIELDS) if (fields[field] !== undefined) (claim as unknown as Record<string, unknown>)[field] = fields[field];
  });
  return stored;
}
