import type { CorpusIndex } from './corpus/corpusIndex';
import { mentionCountOf } from './actors/mentionRefs';
import { canonical } from './claims/claimKeys';
import { lemmatize } from './claims/wordTags';
import { HOVER_CLAIMS, TOP_DOCUMENTS, type ActorClaim } from './corpus/actorViews';
import { PackedCursor } from './corpus/packedValues';
import { PassSlices } from './joinSteps';
import { mentionKind, mentionSpan, type ResidentDocument } from './corpus/residentDocument';
import type { Actor, ActorMention, Claim, ClaimRef, DateExpression, DocumentAnalysis, MentionRef, Span } from './types';

/** Index of the span in a start-sorted list that contains `offset` (end inclusive, so a cursor right after a word still hits it). */
export function spanAt<T extends Span>(spans: readonly T[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // spans may nest (a claim holding a mention): walk back to the innermost one that contains the offset
  for (let i = found; i >= 0 && i >= found - 8; i--) if (spans[i].start <= offset && offset <= spans[i].end) return i;
  return -1;
}

export interface MentionHit {
  doc: DocumentAnalysis;
  index: number;
  mention: ActorMention;
  actor: Actor | undefined;
}

export function mentionAt(index: CorpusIndex, path: string, offset: number): MentionHit | undefined {
  const doc = index.get(path);
  if (!doc) return undefined;
  const i = spanAt(doc.mentions, offset);
  if (i < 0) return undefined;
  const mention = doc.mentions[i];
  const id = index.actors.actorOf(path, mention.entity);
  return { doc, index: i, mention, actor: id ? index.actors.byId.get(id) : undefined };
}

export function dateAt(index: CorpusIndex, path: string, offset: number): { doc: DocumentAnalysis; date: DateExpression } | undefined {
  const doc = index.get(path);
  if (!doc) return undefined;
  const i = spanAt(doc.dates, offset);
  return i < 0 ? undefined : { doc, date: doc.dates[i] };
}

export function claimAt(index: CorpusIndex, path: string, offset: number): { doc: DocumentAnalysis; ref: ClaimRef; claim: Claim } | undefined {
  const doc = index.get(path);
  if (!doc) return undefined;
  const i = spanAt(doc.claims, offset);
  return i < 0 ? undefined : { doc, ref: { path, index: i }, claim: doc.claims[i] };
}

/** Document order used to pick "first" mentions: dated documents first, earliest date first, then by path. */
export function documentOrder(index: CorpusIndex): (a: string, b: string) => number {
  return index.views.documentOrder;
}

/** An actor's mentions sorted in reading order across the corpus (document order, then offset); kept current incrementally (corpus/actorViews.ts). */
export function sortedMentions(index: CorpusIndex, actor: Actor): MentionRef[] {
  return index.views.sortedMentions(actor);
}

/**
 * The defining mention: the first full-name mention in the corpus (earliest dated document first),
 * else the first mention. Walks the actor's mentions in reading order, in its first
 * DEFINING_DOCUMENTS documents, and reads a mention's text only for a name mention long enough to
 * hold the full name (its text, spaces folded, is never longer than its span, and lowercasing
 * lengthens only a dotted capital I). The bound matters for an actor whose name as the table holds
 * it is never written so (an accent left out): at 50k generated articles one such actor cost
 * 151 ms, its 3855 mentions' documents read.
 */
export function definingMention(index: CorpusIndex, actor: Actor): MentionRef | undefined {
  const fullName = actor.name.toLowerCase();
  const minLength = fullName.includes('\u0307') ? 0 : fullName.length;
  let first: MentionRef | undefined;
  let documents = 0;
  let lastPath: string | undefined;
  for (const r of index.views.mentionsInReadingOrder(actor)) {
    if (r.path !== lastPath && ++documents > DEFINING_DOCUMENTS) break;
    lastPath = r.path;
    first ??= r;
    const doc = index.resident(r.path);
    if (!doc || mentionKind(doc, r.index) !== 'name') continue;
    const span = mentionSpan(doc, r.index);
    if (span.end - span.start < minLength) continue;
    if (index.mentionText(r)?.toLowerCase().includes(fullName)) return r;
  }
  return first;
}

/** The documents, in reading order, in which the defining mention is looked for. */
const DEFINING_DOCUMENTS = 64;

/** The next (or previous) mention of the same actor after the given position, across documents, wrapping around. */
export function adjacentMention(index: CorpusIndex, actor: Actor, path: string, offset: number, direction: 1 | -1): MentionRef | undefined {
  const sorted = sortedMentions(index, actor);
  if (sorted.length === 0) return undefined;
  const order = documentOrder(index);
  const cmp = (r: MentionRef) => order(r.path, path) || index.mentionSpan(r)!.start - offset;
  if (direction === 1) return sorted.find((r) => cmp(r) > 0) ?? sorted[0];
  for (let i = sorted.length - 1; i >= 0; i--) if (cmp(sorted[i]) < 0) return sorted[i];
  return sorted[sorted.length - 1];
}

export interface ActorSummary {
  actor: Actor;
  mentionCount: number;
  documentCount: number;
  /** Documents with the most mentions, most first. */
  topDocuments: { path: string; count: number }[];
  /** Actors mentioned in the same sentences most often. */
  coMentioned: { actor: Actor; count: number }[];
  /** Claims in which the actor is mentioned or is the source (the first few; `claimCount` counts all). */
  claims: ActorClaim[];
  claimCount: number;
  /** Distinct roles with the documents they were seen in. */
  roles: { role: string; paths: string[] }[];
}

/** The actor card's numbers, from the actor's incrementally maintained view: O(the actor's documents) at most, not O(corpus). */
export function actorSummary(index: CorpusIndex, actor: Actor, limits = { documents: TOP_DOCUMENTS, coMentioned: 5, claims: HOVER_CLAIMS }): ActorSummary {
  const view = index.views.view(actor);
  const roles = new Map<string, Set<string>>();
  for (const r of actor.roles) (roles.get(r.role) ?? roles.set(r.role, new Set()).get(r.role)!).add(r.path);
  return {
    actor,
    mentionCount: view.mentionCount,
    documentCount: view.parts.length,
    topDocuments: index.views.documentsByCount(actor, limits.documents),
    coMentioned: coMentioned(index, actor, limits.coMentioned),
    claims: index.views.firstClaims(actor, limits.claims),
    claimCount: view.claimCount,
    roles: [...roles].map(([role, paths]) => ({ role, paths: [...paths] })),
  };
}

/** The actors most often named in the same sentences, ties by name; reads only as far down the ranking as needed. */
function coMentioned(index: CorpusIndex, actor: Actor, limit: number): ActorSummary['coMentioned'] {
  const ranked = index.views.coMentionedByCount(actor, limit);
  const out: ActorSummary['coMentioned'] = [];
  for (let i = 0; i < ranked.length && (out.length < limit || ranked[i][1] === out[out.length - 1].count); i++) {
    const other = index.actors.byId.get(ranked[i][0]);
    if (other) out.push({ actor: other, count: ranked[i][1] });
  }
  return out.sort((a, b) => b.count - a.count || (a.actor.name < b.actor.name ? -1 : 1)).slice(0, limit);
}

/** Local entity indices of a document that belong to the actor. */
export function entitiesOf(index: CorpusIndex, doc: DocumentAnalysis, actorId: string): Set<number> {
  const out = new Set<number>();
  doc.entities.forEach((_, i) => {
    if (index.actors.actorOf(doc.path, i) === actorId) out.add(i);
  });
  return out;
}

/** Other statements of the same claim (its cluster), in other documents first. */
export function sameClaims(index: CorpusIndex, ref: ClaimRef): ClaimRef[] {
  const cluster = index.claims.clusterOf(ref);
  if (!cluster) return [];
  return cluster.claims.filter((c) => !(c.path === ref.path && c.index === ref.index)).sort((a, b) => Number(a.path === ref.path) - Number(b.path === ref.path));
}

/**
 * Actors a reader may want merged with this one: same kind, not the same actor, sharing a name word
 * (a surname, a transliteration variant's stem). Most mentioned first.
 */
export function mergeCandidates(index: CorpusIndex, actor: Actor, limit = 3): Actor[] {
  const words = (name: string) => name.toLowerCase().split(/[\s.-]+/).filter((w) => w.length >= 3);
  // names only: descriptive forms ("the Russian president") share role words with other people's
  const names = (a: Actor) => [a.name, ...a.aliases.filter((x) => !a.descriptiveAliases?.includes(x))];
  const mine = new Set(names(actor).flatMap(words));
  const stem = (w: string) => w.slice(0, 5);
  const stems = new Set([...mine].map(stem));
  return index.actors.actors
    .filter((other) => other.id !== actor.id && other.kind === actor.kind && names(other).flatMap(words).some((w) => mine.has(w) || (w.length >= 6 && stems.has(stem(w)))))
    .sort((a, b) => mentionCountOf(b) - mentionCountOf(a))
    .slice(0, limit);
}

/**
 * Actors whose name or an alias contains `query` (all of them for an empty query: the list an editor
 * shows when its symbol picker opens), each with the mention that spells its full name, in the actor
 * table's order. Finding those mentions reads documents' texts, so the search gives way to the event
 * loop every `sliceMs` and stops when `isCancelled` says so, like claimsWithWords.
 */
export async function actorsMatching(index: CorpusIndex, query: string, limit: number, isCancelled: () => boolean = () => false, sliceMs = CLAIM_SCAN_SLICE_MS): Promise<{ actor: Actor; defining: MentionRef }[]> {
  const wanted = query.trim().toLowerCase();
  const out: { actor: Actor; defining: MentionRef }[] = [];
  const slices = new PassSlices(Infinity, sliceMs);
  for (const actor of index.actors.actors) {
    if (out.length >= limit) break;
    if (slices.due()) {
      await slices.next();
      if (isCancelled()) break;
    }
    if (wanted && !actor.name.toLowerCase().includes(wanted) && !actor.aliases.some((a) => a.toLowerCase().includes(wanted))) continue;
    const defining = definingMention(index, actor);
    if (defining) out.push({ actor, defining });
  }
  return out;
}

/** Query words shorter than this are ignored by claimsWithWords (articles, prepositions, auxiliaries). */
const MIN_QUERY_WORD = 4;

/**
 * Claims whose content words include every query word, in corpus order (workspace symbols). Matched
 * on the claims' keys as the linking sees them (lemmas, synonyms folded: "sanctions" finds
 * "sanction"), from the resident documents: no analysis is read until a claim is shown. A scan of
 * the whole corpus (a query no claim matches: ~1.7 s at 100k articles) gives way to the event loop
 * every `sliceMs` and stops when `isCancelled` says so (the editor cancels the query of the previous
 * keystroke).
 */
export async function claimsWithWords(index: CorpusIndex, words: string[], limit: number, isCancelled: () => boolean = () => false, sliceMs = CLAIM_SCAN_SLICE_MS): Promise<ClaimRef[]> {
  const wanted = words.filter((w) => w.length >= MIN_QUERY_WORD).map((w) => [w, canonical(w), canonical(lemmatize(w))]);
  if (wanted.length === 0 || limit <= 0) return [];
  const queried = Math.min(wanted.length, 30); // (a bit per query word)
  const all = (1 << queried) - 1;
  const out: ClaimRef[] = [];
  const slices = new PassSlices(Infinity, sliceMs);
  for (const path of index.paths()) {
    if (slices.due()) {
      await slices.next();
      if (isCancelled()) break;
    }
    const doc = index.resident(path);
    if (!doc) continue;
    forEachClaimWords(doc, (i, wordsOfClaim) => {
      let found = 0;
      for (const w of wordsOfClaim) for (let q = 0; q < queried; q++) if (wanted[q].includes(w)) found |= 1 << q;
      if (found === all && out.length < limit) out.push({ path: doc.path, index: i });
    });
    if (out.length >= limit) break;
  }
  return out;
}

/** How long a scan of the claims runs before giving way to the event loop. */
const CLAIM_SCAN_SLICE_MS = 10;

/** The content words of each of a document's claims (terms, predicates, names, nouns), read where they lie in its packed claims. */
function forEachClaimWords(doc: ResidentDocument, each: (index: number, words: readonly string[]) => void): void {
  const cursor = new PackedCursor(doc.claims);
  const words: string[] = [];
  for (let i = 0, n = cursor.array(); i < n; i++) {
    words.length = 0;
    for (const key of cursor.object()) {
      if (CLAIM_WORD_FIELDS.has(key)) cursor.list(words);
      else cursor.skip();
    }
    each(i, words);
  }
}

const CLAIM_WORD_FIELDS = new Set(['terms', 'predicates', 'names', 'nouns']);
