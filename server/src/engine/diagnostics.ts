import type { CorpusIndex } from './corpus/corpusIndex';
import { severityOf, type EngineConfig } from './config';
import { isSuppressed } from './metadata';
import { lineOfOffset } from './text/lines';
import { residentClaimSpans, residentFindingCandidates, type ResidentDocument } from './corpus/residentDocument';
import type { Claim, ClaimRef, DocumentAnalysis, Finding, Severity, Span } from './types';
import { describeDocument } from './describe';

/**
 * What may become a finding in a document, whatever the settings: its vaguely sourced claims, and
 * its unsourced claims worth checking at all, with their worth and the words of the message. Made
 * with the analysis (kept in the resident document), so findings never need the analysis again.
 */
export interface FindingCandidate {
  claim: number;
  code: 'vague-attribution' | 'unsourced-claim';
  worth: number;
  /** vague: the cue ("officials"); unsourced: why it is checkable ('a figure ("…")', 'a quotation') */
  note: string;
}

export function findingCandidates(doc: DocumentAnalysis): FindingCandidate[] {
  const out: FindingCandidate[] = [];
  doc.claims.forEach((claim, i) => {
    if (claim.attribution === 'vague') out.push({ claim: i, code: 'vague-attribution', worth: 1, note: claim.sourceText ?? claim.cue ?? '' });
    else if (claim.attribution === 'unsourced') {
      const worth = checkWorthiness(claim, doc);
      if (worth > 0) out.push({ claim: i, code: 'unsourced-claim', worth, note: whyCheckable(claim) });
    }
  });
  return out;
}

/**
 * Findings for one document: unsourced and vaguely sourced claims, and contradictions with claims
 * in any document. Suppression markers in the file and the configured severities apply; the same
 * function serves the language server and `corpus-lens check`, so both agree. Reads the resident
 * document only (a pass over every document reads no analysis), and the other statement of a
 * contradiction.
 */
export function findingsFor(index: CorpusIndex, path: string, config: EngineConfig, isIgnored: (path: string) => boolean = () => false): Finding[] {
  const doc = index.resident(path);
  if (!doc || isIgnored(path)) return [];
  const findings: Finding[] = [];
  // claim positions of this document and of those its claims contradict, each document's unpacked once
  const spans = new Map<string, Span[]>();
  const spansOf = (d: ResidentDocument) => spans.get(d.path) ?? spans.set(d.path, residentClaimSpans(d)).get(d.path)!;
  const spanOf = (i: number): Span => {
    const c = spansOf(doc)[i];
    return { start: c.start, end: c.end };
  };
  const add = (span: Span, code: string, severity: Severity, message: string, related: Finding['related'], ref: ClaimRef) => {
    if (severity === 'off') return;
    if (isSuppressed(doc.suppressions, lineOfOffset(doc.lineStarts as unknown as number[], span.start), code)) return;
    findings.push({ path, span, severity, code, message, related, claim: ref });
  };
  for (const f of residentFindingCandidates(doc)) {
    const ref = { path, index: f.claim };
    if (f.code === 'vague-attribution') add(spanOf(f.claim), f.code, severityOf(config, f.code), `Vague attribution${f.note ? ` ("${f.note}")` : ''}: the source of this claim is not named.`, [], ref);
    else if (f.worth >= config.unsourcedMinWorth) add(spanOf(f.claim), f.code, severityOf(config, f.code), `Unsourced claim: ${f.note}, with no source named.`, [], ref);
  }
  // the contradictions of this document's claims only (not every contradiction of the corpus per document)
  const graph = index.claims;
  for (let at = 0; at < doc.statementKeys.length / 2; at++) {
    for (const c of graph.contradictionsOf({ path, index: at })) {
      if (c.type !== 'contradiction') continue;
      const [self, other] = c.a.path === path && c.a.index === at ? [c.a, c.b] : [c.b, c.a];
      if (self.path !== path || self.index !== at) continue;
      const otherDoc = index.resident(other.path);
      const otherClaim = otherDoc && spansOf(otherDoc)[other.index];
      const otherText = index.claimText(other);
      if (!otherDoc || !otherClaim || otherText === undefined) continue;
      const severity = c.confidence >= config.contradictionConfidence ? severityOf(config, 'contradiction') : 'hint';
      const where = other.path === path ? 'elsewhere in this article' : `in ${describeDocument(otherDoc)}`;
      add(
        spanOf(self.index),
        'contradiction',
        severity,
        `Contradicts a statement ${where}: ${c.reason} (confidence ${c.confidence.toFixed(2)}).`,
        [{ path: other.path, span: { start: otherClaim.start, end: otherClaim.end }, message: `Conflicting statement: "${clip(otherText, 120)}"` }],
        self,
      );
    }
  }
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
