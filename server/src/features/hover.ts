import type { Hover, HoverParams } from 'vscode-languageserver';
import { clip } from '../engine/diagnostics';
import { describeDocument, fileName } from '../engine/describe';
import type { LanguageService } from '../engine/languageService';
import { actorSummary, claimAt, dateAt, mentionAt, sameClaims, type MentionHit } from '../engine/queries';
import type { Claim, ClaimRef, DateExpression, DocumentAnalysis } from '../engine/types';
import { commandLink, md, toOffset, toRange } from './convert';

const ATTRIBUTION_LABEL = { sourced: 'Sourced', vague: 'Vaguely sourced', unsourced: 'Unsourced' } as const;

/** Hover card: on an actor mention the actor card; on a date its value and anchor; on a claim its attribution and links. */
export function provideHover(service: LanguageService, params: HoverParams): Hover | null {
  const doc = service.index.get(params.textDocument.uri);
  if (!doc) return null;
  const offset = toOffset(doc, params.position);
  const mention = mentionAt(service.index, doc.path, offset);
  if (mention?.actor) return { contents: { kind: 'markdown', value: actorCard(service, mention) }, range: toRange(doc, mention.mention) };
  const date = dateAt(service.index, doc.path, offset);
  if (date) return { contents: { kind: 'markdown', value: dateCard(doc, date.date) }, range: toRange(doc, date.date) };
  const claim = claimAt(service.index, doc.path, offset);
  if (claim) return { contents: { kind: 'markdown', value: claimCard(service, claim.ref, claim.claim) }, range: toRange(doc, claim.claim) };
  return null;
}

function actorCard(service: LanguageService, hit: MentionHit): string {
  const index = service.index;
  const s = actorSummary(index, hit.actor!);
  const a = s.actor;
  const lines: string[] = [`**${md(a.name)}** · ${a.kind}`];
  if (hit.mention.kind === 'descriptive') lines.push(`*"${md(hit.mention.text)}" is a descriptive reference, resolved by the engine (confidence ${hit.mention.confidence.toFixed(2)}).*`);
  if (hit.mention.kind === 'metonym') lines.push(`*"${md(hit.mention.text)}" stands for ${md(a.name)} here (metonym).*`);
  if (hit.mention.kind === 'demonym') lines.push(`*"${md(hit.mention.text)}": adjective of nationality, linked to ${md(a.name)}.*`);
  if (a.description) lines.push(md(a.description));
  if (s.roles.length) lines.push(`Roles: ${s.roles.slice(0, 4).map((r) => `${md(r.role)} (${r.paths.map(shortName).join(', ')})`).join('; ')}`);
  const aliases = a.aliases.filter((x) => x !== a.name);
  if (aliases.length) lines.push(`Also: ${aliases.slice(0, 8).map(md).join(', ')}${aliases.length > 8 ? `, +${aliases.length - 8} more` : ''}`);
  lines.push(`**${s.mentionCount} mention${s.mentionCount === 1 ? '' : 's'} in ${s.documentCount} document${s.documentCount === 1 ? '' : 's'}**${s.topDocuments.length ? ` · most in ${s.topDocuments.map((d) => `${shortName(d.path)} (${d.count})`).join(', ')}` : ''} · ${commandLink('show all', 'corpusLens.showMentions', [hit.doc.path, toRange(hit.doc, hit.mention).start])}`);
  if (s.coMentioned.length) lines.push(`Often with: ${s.coMentioned.map((c) => `${md(c.actor.name)} (${c.count})`).join(', ')}`);
  const out = [lines.join('  \n')];
  if (s.claims.length) {
    out.push(
      `Claims mentioning ${md(a.name)} (${s.claims.length < s.claimCount ? `${s.claims.length} of ${s.claimCount}` : s.claimCount}):\n${s.claims
        .map(({ claim, ref, asSource }) => `- ${asSource ? 'source of' : ATTRIBUTION_LABEL[claim.attribution].toLowerCase()}${claim.sourceText && !asSource ? ` (${md(claim.sourceText)})` : ''}: "${md(clip(claim.text, 90))}" — ${shortName(ref.path)}`)
        .join('\n')}`,
    );
  }
  if (service.state === 'indexing') out.push(`*Partial: the corpus is still being indexed (${service.index.size} documents so far).*`);
  return out.join('\n\n');
}

function dateCard(doc: DocumentAnalysis, date: DateExpression): string {
  const lines = [`**${md(date.text)}** → \`${date.value ?? 'no value'}\` · ${date.kind}`];
  if (date.from && date.to) lines.push(`Covers ${coverage(date.from, date.to)}`);
  lines.push(`Anchor: ${md(anchorLabel(date.anchor, doc))}`);
  if (date.evidence) lines.push(`Evidence: ${md(date.evidence)}`);
  return lines.join('  \n');
}

/** A calendar range in words; an open end is written '..' by the dates engine. */
function coverage(from: string, to: string): string {
  if (from === to) return from;
  if (to === '..') return `${from} onwards`;
  if (from === '..') return `up to ${to}`;
  return `${from} to ${to}`;
}

function anchorLabel(anchor: string, doc: DocumentAnalysis): string {
  if (anchor === 'document') return doc.date ? `the document's date, ${doc.date.value} (${doc.date.source}; ${clip(doc.date.evidence, 110)})` : "the document's date (unknown)";
  if (anchor === 'absolute') return 'none needed (absolute date)';
  return anchor.replace(/^event:/, 'the event ').replace(/^expression:/, 'date expression #');
}

function claimCard(service: LanguageService, ref: ClaimRef, claim: Claim): string {
  const lines = [`**${ATTRIBUTION_LABEL[claim.attribution]} claim**${claim.hedged ? ' (hedged)' : ''}`];
  if (claim.sourceText) lines.push(`Source: ${md(claim.sourceText)}${claim.cue ? ` (cue: "${md(claim.cue)}")` : ''}`);
  else if (claim.cue) lines.push(`Cue: "${md(claim.cue)}"`);
  const same = sameClaims(service.index, ref);
  if (same.length) {
    lines.push(`Also reported in ${same.length} other statement${same.length === 1 ? '' : 's'}:`);
    for (const r of same.slice(0, 4)) {
      const [other, doc] = [service.index.claimText(r), service.index.resident(r.path)];
      if (other !== undefined && doc) lines.push(`- ${describeDocument(doc)}: "${md(clip(other, 90))}"`);
    }
  }
  // contradictions first, the surest first, then changes over time: a few, and how many in all
  const found = [...service.index.claims.contradictionsOf(ref)].sort((x, y) => (x.type === y.type ? y.confidence - x.confidence : x.type === 'contradiction' ? -1 : 1));
  let shown = 0;
  for (const c of found) {
    if (shown === HOVER_CONTRADICTIONS) break;
    const other = c.a.path === ref.path && c.a.index === ref.index ? c.b : c.a;
    const otherText = service.index.claimText(other);
    if (otherText === undefined) continue;
    const label = c.type === 'change' ? 'Changed over time' : 'Contradicted';
    lines.push(`**${label}** (${c.confidence.toFixed(2)}): ${md(c.reason)} — ${shortName(other.path)}: "${md(clip(otherText, 80))}"`);
    shown++;
  }
  if (found.length > shown) {
    const contradictions = found.filter((c) => c.type === 'contradiction').length;
    lines.push(`… ${found.length - shown} more (${plural(contradictions, 'contradiction')} and ${plural(found.length - contradictions, 'change')} over time in all)`);
  }
  return lines.join('  \n');
}

/** Contradictions and changes a claim's hover card lists (a claim stated in many articles may have hundreds). */
export const HOVER_CONTRADICTIONS = 5;

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

function shortName(path: string): string {
  const name = fileName(path);
  const lead = /^(\d+)[_-]/.exec(name);
  return lead ? lead[1] : name;
}
