import type { CorpusIndex } from './corpus/corpusIndex';
import { severityOf, type EngineConfig } from './config';
import { isSuppressed } from './metadata';
import { lineOfOffset } from './text/lines';
import type { Claim, ClaimRef, DocumentAnalysis, Finding, Severity } from './types';
import { describeDocument } from './describe';

/**
 * Findings for one document: unsourced and vaguely sourced claims, and contradictions with claims
 * in any document. Suppression markers in the file and the configured severities apply; the same
 * function serves the language server and `corpus-lens check`, so both agree.
 */
export function findingsFor(index: CorpusIndex, path: string, config: EngineConfig, isIgnored: (path: string) => boolean = () => false): Finding[] {
  const doc = index.get(path);
  if (!doc || isIgnored(path)) return [];
  const findings: Finding[] = [];
  const add = (claim: Claim, code: string, severity: Severity, message: string, related: Finding['related'] = [], ref?: ClaimRef) => {
    if (severity === 'off') return;
    if (isSuppressed(doc.suppressions, lineOfOffset(doc.lineStarts, claim.start), code)) return;
    findings.push({ path, span: { start: claim.start, end: claim.end }, severity, code, message, related, claim: ref });
  };
  doc.claims.forEach((claim, i) => {
    const ref = { path, index: i };
    if (claim.attribution === 'vague') {
      const cue = claim.sourceText ?? claim.cue;
      add(claim, 'vague-attribution', severityOf(config, 'vague-attribution'), `Vague attribution${cue ? ` ("${cue}")` : ''}: the source of this claim is not named.`, [], ref);
    } else if (claim.attribution === 'unsourced' && checkWorthiness(claim, doc) >= config.unsourcedMinWorth) {
      add(claim, 'unsourced-claim', severityOf(config, 'unsourced-claim'), `Unsourced claim: ${whyCheckable(claim)}, with no source named.`, [], ref);
    }
  });
  // the contradictions of this document's claims only (not every contradiction of the corpus per document)
  doc.claims.forEach((_, at) => {
    for (const c of index.claims.contradictionsOf({ path, index: at })) {
      if (c.type !== 'contradiction') continue;
      const [self, other] = c.a.path === path && c.a.index === at ? [c.a, c.b] : [c.b, c.a];
      if (self.path !== path || self.index !== at) continue;
      const claim = doc.claims[self.index];
      const otherDoc = index.get(other.path);
      const otherClaim = otherDoc?.claims[other.index];
      if (!claim || !otherDoc || !otherClaim) continue;
      const severity = c.confidence >= config.contradictionConfidence ? severityOf(config, 'contradiction') : 'hint';
      const where = other.path === path ? 'elsewhere in this article' : `in ${describeDocument(otherDoc)}`;
      add(
        claim,
        'contradiction',
        severity,
        `Contradicts a statement ${where}: ${c.reason} (confidence ${c.confidence.toFixed(2)}).`,
        [{ path: other.path, span: { start: otherClaim.start, end: otherClaim.end }, message: `Conflicting statement: "${clip(otherClaim.text, 120)}"` }],
        self,
      );
    }
  });
  return findings.sort((a, b) => a.span.start - b.span.start);
}

/**
 * How much a reader would want an unsourced claim checked (0..1). A figure or a quotation is worth
 * checking on its own; a named actor doing something on a given day or month is too; a general
 * statement with a year or a span of time is not, so it raises nothing: few, right findings.
 */
export function checkWorthiness(claim: Claim, doc?: DocumentAnalysis): number {
  if (claim.hedged) return 0;
  let worth = 0;
  if (figures(claim).length > 0) worth += 0.5;
  if (hasQuotation(claim)) worth += 0.5;
  const values = doc ? claim.dates.map((i) => doc.dates[i]?.value ?? '') : [];
  if (values.some((v) => /^\d{4}-\d{2}(?:-\d{2})?$/.test(v))) worth += 0.25;
  else if (claim.dates.length > 0) worth += 0.1;
  if (claim.entities.length > 0 && claim.predicates.length > 0) worth += 0.25;
  return Math.min(1, worth);
}

/** A quotation of four words or more (a short scare-quoted term such as a coined name is not one). */
function hasQuotation(claim: Claim): boolean {
  return /["\u201C]\S+(?:\s+\S+){3,}?[^"\u201C\u201D]*["\u201D]/.test(claim.text);
}

/** Quantities that are figures to check (casualties, money, people), not spans of time ("18 months" is a date matter). */
function figures(claim: Claim): Claim['quantities'] {
  return claim.quantities.filter((q) => !TIME_UNITS.test(q.unit));
}

const TIME_UNITS = /^(?:second|minute|hour|day|night|week|weekend|month|year|decade|century|centuries|winter|summer|spring|autumn|fall|season|quarter)s?$/i;

function whyCheckable(claim: Claim): string {
  const figure = figures(claim)[0];
  if (figure) return `a figure ("${figure.text}")`;
  if (hasQuotation(claim)) return 'a quotation';
  if (claim.dates.length > 0) return 'a dated event';
  return 'a checkable statement';
}

export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** Findings of every document, in path order. */
export function allFindings(index: CorpusIndex, config: EngineConfig, isIgnored?: (path: string) => boolean): Finding[] {
  return index
    .paths()
    .sort()
    .flatMap((p) => findingsFor(index, p, config, isIgnored));
}

export type { DocumentAnalysis };
