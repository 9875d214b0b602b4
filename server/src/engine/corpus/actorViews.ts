import { mentionCountOf, mentionPaths } from '../actors/mentionRefs';
import type { ActorTable } from '../actors/resolveActors';
import type { Actor, ClaimRef, MentionRef } from '../types';
import { claimQuote } from './claimQuote';
import { CoCounts, rankCounts, topOfRanking, type CoRanking } from './coCounts';
import { PassSlices } from '../joinSteps';
import type { CorpusIndex } from './corpusIndex';
import { KEEP_LOCATIONS_FROM, KEPT_LOCATIONS, LocatedMentions, pushLocationsOf, type MentionLocation } from './locatedMentions';
import { ActorNumbers, AS_SOURCE, claimCodesOf, claimTotal, coStart, forEachDocumentPart, mentionsOf, mentionTotal, SOURCED, type DocumentPart, type PartView } from './documentParts';
import { ViewParts } from './viewParts';
import { PassParts } from './passParts';
import type { ClaimQuote, ResidentDocument } from './residentDocument';
import { inReadingOrder, offerTop, readingOrder, type DocumentCount } from './readingOrder';
import { documentsToMakeAgain } from './viewsCarryOver';

/** A claim about an actor, as hover cards list it. */
export interface ActorClaim {
  ref: ClaimRef;
  /** What the card shows of it: read from its document's resident part and claim texts, not its analysis. */
  claim: ClaimQuote;
  asSource: boolean;
}

/** Documents a hover card lists by default. */
export const TOP_DOCUMENTS = 3;
/** Claims a hover card lists by default. */
export const HOVER_CLAIMS = 3;
/** How long the views' pass runs before giving way to the event loop (requests are answered between its slices). */
const VIEWS_SLICE_MS = 10;
/** Views of actors named in at least this many documents get their hover lists ready when built. */
const PREPARED_VIEW_SIZE = 256;

/** An actor seen across the corpus, kept up to date document by document. */
export interface ActorView {
  /** Paths with mentions, in document order (dated first, earliest first, then by path), and each one's part (packed: an actor named everywhere has one per document). */
  parts: ViewParts;
  /** How often each other actor (by its number: ActorNumbers) is named in the actor's sentences. */
  co: CoCounts;
  claimCount: number;
  /** Mentions of the actor in all its documents. */
  mentionCount: number;
  /** Changes of the index (positions in the change log) already applied. */
  seen: number;
  /** Derived once per change of the view: mentions in reading order, documents by mention count, co-mentioned actors by count. */
  sorted?: MentionRef[];
  byCount?: { limit: number; documents: { path: string; count: number }[] };
  coRanking?: CoRanking;
  firstClaims?: { limit: number; claims: ActorClaim[] };
  /** Where the mentions of the first documents are (views of actors named often: see LocatedMentions); patched with the view. */
  located?: LocatedMentions;
}

/**
 * Per-actor views that hover, definition and references read: the actor's mentions in reading
 * order, its documents, co-mentioned actors and claims. Built once per actor (O(its documents)),
 * then updated from the index's change log one changed document at a time, so a request after an
 * edit costs O(changed documents), not O(corpus). Rebuilt from scratch when the actor join is: by a
 * pass over the corpus (prepareAll) after indexing and whenever edits settle, during which the
 * previous join's views still answer (caught up with the edits), so that a request meanwhile is not
 * the one to build the view of an actor named everywhere (1.8 s at 100k articles).
 */
export class ActorViews {
  private actorJoinVersion = -1;
  private readonly log: string[] = [];
  private readonly views = new Map<string, ActorView>();
  /** The previous actor join's views, answering while a pass makes this join's (`passFor`: the join it is for, -1 when none runs). */
  private readonly stale = new Map<string, ActorView>();
  private passFor = -1;
  private pass: Promise<void> | undefined;
  /** The actor join the views were made for (by a pass, or carried over to it), and the change log's length then: see viewsCarryOver.ts. */
  private madeFor: { table: ActorTable; logged: number } | undefined;
  private readonly actorNumbers = new ActorNumbers();
  /** Views of actors with `from` mentions or more keep the places of their first `most` (tuning: see LocatedMentions). */
  readonly keepPlaces = { from: KEEP_LOCATIONS_FROM, most: KEPT_LOCATIONS };

  constructor(private readonly index: CorpusIndex) {
    index.onChange((path) => this.log.push(path));
  }

  view(actor: Actor): ActorView {
    void this.index.actors; // brings the joins up to date first (this may rebuild them)
    this.followJoin();
    let view = this.views.get(actor.id) ?? (this.passFor === this.actorJoinVersion ? this.stale.get(actor.id) : undefined);
    if (!view) {
      view = this.build(actor);
      this.views.set(actor.id, view);
    } else this.catchUp(view, actor.id);
    return view;
  }

  /** Brings a view up to date with the documents changed since it was last read (the change log). */
  private catchUp(view: ActorView, id: string): void {
    if (view.seen === this.log.length) return;
    for (const path of new Set(this.log.slice(view.seen))) this.replace(view, id, path);
    view.seen = this.log.length;
    view.sorted = view.byCount = view.coRanking = view.firstClaims = undefined;
  }

  /**
   * Builds the view of every actor in one pass over the corpus (O(corpus), in slices that yield to
   * the event loop), so the first hover on an actor mentioned everywhere does not pay for it.
   * Stops early when the joins are rebuilt meanwhile; documents edited meanwhile are caught up with
   * through the change log, as in any view.
   */
  async prepareAll(yieldEvery = 256): Promise<void> {
    void this.index.actors;
    const version = this.index.actorJoinVersion;
    if (this.passFor === version && this.pass) return this.pass; // (the one for this join runs)
    if (this.pass) this.madeFor = undefined; // (a pass for an earlier join was under way: its views are not all made for one join)
    this.passFor = version;
    this.followJoin();
    const pass = (this.pass = this.viewsPass(version, yieldEvery).finally(() => {
      // (a pass started since, for a later join, keeps its own)
      if (this.passFor !== version) return;
      [this.passFor, this.pass] = [-1, undefined];
      this.stale.clear();
    }));
    return pass;
  }

  /**
   * Follows the index to a new actor join: the views of the previous one are dropped, or kept aside
   * to answer while a pass makes this one's (their places in the change log kept with them).
   */
  private followJoin(): void {
    const version = this.index.actorJoinVersion;
    if (version === this.actorJoinVersion) return;
    this.actorJoinVersion = version;
    this.stale.clear();
    if (this.passFor === version) for (const [id, view] of this.views) this.stale.set(id, view);
    else [this.log.length, this.madeFor] = [0, undefined];
    this.views.clear();
  }

  private async viewsPass(version: number, yieldEvery: number): Promise<void> {
    const table = this.index.actors;
    const slices = new PassSlices(yieldEvery, VIEWS_SLICE_MS);
    if (await this.carriedOver(version, table, slices)) return;
    if (this.index.actorJoinVersion !== version) return;
    // each view's counts, and its last part's place in the pass's slabs and how many it has (its parts made at the end: see PassParts)
    const fresh = new Map<string, { view: Omit<ActorView, 'parts'> & { byCount: { documents: DocumentCount[] } }; last: number; parts: number }>();
    const slabs = new PassParts();
    const seen = this.log.length;
    const keepsPlaces = new Set(table.actors.filter((a) => mentionCountOf(a) >= this.keepPlaces.from).map((a) => a.id));
    // documents in reading order, so that every view's documents are added in order
    for (const path of await inReadingOrder(this.index.paths(), (path) => this.index.resident(path)?.date?.from, slices)) {
      if (slices.due()) await slices.next();
      if (this.index.actorJoinVersion !== version) return;
      const doc = this.index.resident(path);
      if (!doc) continue;
      slabs.document(doc.path);
      this.partsOf(doc, (owner) => !this.views.has(owner), (id, part) => {
        let made = fresh.get(id);
        if (!made) {
          const view = { co: new CoCounts(), claimCount: 0, mentionCount: 0, seen, located: keepsPlaces.has(id) ? new LocatedMentions() : undefined, byCount: { limit: TOP_DOCUMENTS, documents: [] } };
          fresh.set(id, (made = { view, last: -1, parts: 0 }));
        }
        const { view } = made;
        made.last = slabs.write(part, made.last); // documents come in reading order
        made.parts++;
        this.count(view, part, 1);
        offerTop(view.byCount.documents, TOP_DOCUMENTS, doc.path, mentionTotal(part)); // the top documents, while the part is at hand
        if (view.located && view.located.mentions < this.keepPlaces.most) view.located.insert(view.located.documents, doc, part);
      });
    }
    if (this.index.actorJoinVersion !== version) return;
    slabs.finish();
    const views = new Map<string, ActorView>();
    // documents changed during the pass are in the change log after `seen`: each view catches up with them when next read
    for (const [id, made] of fresh) {
      if (slices.due()) await slices.next();
      if (this.index.actorJoinVersion !== version) return;
      const view: ActorView = { ...made.view, parts: slabs.viewParts(made.last, made.parts) };
      views.set(id, view);
      view.located?.trim();
      // a view a request made during the pass is whole; the pass's stopped growing when it was made
      if (!this.views.has(id)) this.views.set(id, view);
    }
    this.stale.clear();
    if (this.log.length === seen) {
      // every view is at the end of the change log: it starts again
      for (const view of this.views.values()) view.seen = 0;
      this.log.length = 0;
    }
    // (documents changed during the pass are in the change log from `seen`, or from 0 when it started again)
    this.madeFor = { table, logged: Math.min(seen, this.log.length) };
    await this.prepareHoverLists(views, slices, version);
  }

  /**
   * Keeps the previous join's views for this one when it gives the entities of all but a few
   * documents the same actors (see viewsCarryOver.ts): those documents go through the change log.
   * False when the views must be made again by a pass.
   */
  private async carriedOver(version: number, table: ActorTable, slices: PassSlices): Promise<boolean> {
    const before = this.madeFor;
    if (!before || this.stale.size === 0) return false;
    const going = () => this.index.actorJoinVersion === version;
    const again = await documentsToMakeAgain(this.index.paths(), before.table, table, new Set(this.log.slice(before.logged)), slices, going);
    if (!again) return false;
    // (views made on request meanwhile were made for this join)
    for (const [id, view] of this.stale) if (table.byId.has(id) && !this.views.has(id)) this.views.set(id, view);
    this.stale.clear();
    this.log.push(...again);
    this.madeFor = { table, logged: this.log.length };
    await this.prepareHoverLists(this.views, slices, version);
    return true;
  }

  /**
   * What a hover card lists, ready for the actors named in many documents (the first hover would
   * pay for it): their top documents, co-mentioned actors and first claims (read in full), once
   * each view has caught up with the change log.
   */
  private async prepareHoverLists(views: Map<string, ActorView>, slices: PassSlices, version: number): Promise<void> {
    for (const [id, view] of [...views]) {
      if (view.parts.length < PREPARED_VIEW_SIZE) continue;
      if (slices.due()) await slices.next();
      if (this.index.actorJoinVersion !== version) return;
      this.catchUp(view, id);
      this.topDocuments(view, TOP_DOCUMENTS);
      this.rankCoMentioned(view);
      if (view.seen === this.log.length) this.claimsOfView(view, HOVER_CLAIMS);
    }
  }

  /** How many mentions the actor has in the corpus (kept up to date with the view, not counted per request). */
  mentionCount(actor: Actor): number {
    return this.view(actor).mentionCount;
  }

  /** The actor's documents, most mentions first (then by path). */
  documentsByCount(actor: Actor, limit = TOP_DOCUMENTS): { path: string; count: number }[] {
    return this.topDocuments(this.view(actor), limit);
  }

  /** The first `limit` documents by mention count (then path): one pass keeping the best few, not a sort of every document. */
  private topDocuments(view: ActorView, limit: number): { path: string; count: number }[] {
    if (view.byCount?.limit === limit) return view.byCount.documents;
    if (limit <= 0) return [];
    const top: DocumentCount[] = [];
    for (let i = 0; i < view.parts.length; i++) offerTop(top, limit, view.parts.paths[i], view.parts.mentionTotal(i));
    view.byCount = { limit, documents: top };
    return top;
  }

  /** Other actors named in the same sentences, most often first (ties by id): the first `limit`, and those tied with the last of them. */
  coMentionedByCount(actor: Actor, limit = Infinity): [string, number][] {
    return topOfRanking(this.rankCoMentioned(this.view(actor)), limit, (n) => this.actorNumbers.id(n));
  }

  private rankCoMentioned(view: ActorView): CoRanking {
    return (view.coRanking ??= rankCounts(view.co));
  }

  /** The first `limit` claims about the actor in reading order, sourced ones first (chosen from resident parts; only those read in full). */
  firstClaims(actor: Actor, limit: number): ActorClaim[] {
    return this.claimsOfView(this.view(actor), limit);
  }

  private claimsOfView(view: ActorView, limit: number): ActorClaim[] {
    if (view.firstClaims?.limit === limit) return view.firstClaims.claims;
    const sourced: { ref: ClaimRef; asSource: boolean }[] = [];
    const others: { ref: ClaimRef; asSource: boolean }[] = [];
    for (let i = 0; i < view.parts.length; i++) {
      const path = view.parts.paths[i];
      for (const code of claimCodesOf(view.parts.part(i))) {
        const c = { ref: { path, index: code >> 2 }, asSource: (code & AS_SOURCE) !== 0 };
        if (code & SOURCED) sourced.push(c);
        else if (others.length < limit) others.push(c);
      }
      if (sourced.length >= limit) break;
    }
    const claims = [...sourced, ...others]
      .slice(0, limit)
      .map(({ ref, asSource }) => ({ ref, asSource, claim: claimQuote(this.index, ref) }))
      .filter((c): c is ActorClaim => c.claim !== undefined);
    view.firstClaims = { limit, claims };
    return claims;
  }

  /**
   * Where the actor's mentions are, in reading order across the corpus, from the places the view
   * keeps (actors named often) and beyond them from the resident mention spans and line starts.
   * `skip` leaves one mention out; at most `limit` are made (the documents after the last one
   * listed are not read).
   */
  locations(actor: Actor, skip?: MentionRef, limit = Infinity): MentionLocation[] {
    const view = this.view(actor);
    if (!view.located && view.mentionCount >= this.keepPlaces.from) view.located = new LocatedMentions();
    const located = view.located;
    const { paths } = view.parts;
    while (located && located.mentions < Math.min(limit, this.keepPlaces.most) && located.documents < paths.length) {
      const d = located.documents;
      located.insert(d, this.index.resident(paths[d])!, view.parts.part(d));
    }
    const skipAt = skip ? this.find(view, skip.path) : -1;
    const skipPart = skipAt >= 0 ? view.parts.part(skipAt) : undefined;
    const skipped = skipPart?.indexOf(skip!.index, 1);
    const nth = skipped && skipped <= skipPart![0] ? skipped - 1 : -1;
    const out: MentionLocation[] = [];
    located?.list(paths, out, limit, nth >= 0 ? { path: skip!.path, nth } : undefined);
    for (let d = located?.documents ?? 0; d < paths.length && out.length < limit; d++) {
      const path = paths[d];
      pushLocationsOf(this.index.resident(path)!, view.parts.part(d), path === skip?.path ? nth : -1, out, limit);
    }
    return out;
  }

  /** The actor's mentions in reading order across the corpus, made one at a time (for a search that stops early). */
  *mentionsInReadingOrder(actor: Actor): Generator<MentionRef> {
    const view = this.view(actor);
    for (let i = 0; i < view.parts.length; i++) {
      const part = view.parts.part(i);
      for (let k = 1; k <= mentionTotal(part); k++) yield { path: view.parts.paths[i], index: part[k] };
    }
  }

  /** The actor's mentions in reading order across the corpus. */
  sortedMentions(actor: Actor): MentionRef[] {
    const view = this.view(actor);
    return (view.sorted ??= view.parts.paths.flatMap((path, i) => mentionsOf(view.parts.part(i)).map((index) => ({ path, index }))));
  }

  private build(actor: Actor): ActorView {
    const view: ActorView = { parts: new ViewParts(), co: new CoCounts(), claimCount: 0, mentionCount: 0, seen: this.log.length };
    const paths = [...new Set(mentionPaths(actor))].sort(this.documentOrder);
    for (const path of paths) {
      const part = this.partOf(actor.id, this.index.resident(path));
      if (part) this.add(view, view.parts.length, path, part);
    }
    return view;
  }

  private replace(view: ActorView, id: string, path: string): void {
    // where the document was (its date may have changed since: looked for, not searched by order)
    const at = view.parts.paths.indexOf(path);
    if (at >= 0) {
      this.count(view, view.parts.remove(at), -1);
      view.located?.remove(at);
    }
    const doc = this.index.resident(path);
    const part = this.partOf(id, doc);
    if (!part) return;
    const to = this.orderAt(view, path);
    this.add(view, to, path, part);
    if (view.located && to < view.located.documents) view.located.insert(to, doc!, part);
  }

  /** Where a document goes among the view's paths in reading order (the first place not before it). */
  private orderAt(view: ActorView, path: string): number {
    let lo = 0;
    let hi = view.parts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.documentOrder(view.parts.paths[mid], path) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The index of a document among the view's paths, or -1. */
  private find(view: ActorView, path: string): number {
    const at = this.orderAt(view, path);
    return view.parts.paths[at] === path ? at : view.parts.paths.indexOf(path);
  }

  /** Adds a document's part as the view's `at`th document. */
  private add(view: ActorView, at: number, path: string, part: DocumentPart): void {
    view.parts.insert(at, path, part);
    this.count(view, part, 1);
  }

  /** Adds (or takes away) a part's counts to a view's: co-mentions, claims, mentions. */
  private count(view: Omit<ActorView, 'parts'>, part: PartView, sign: 1 | -1): void {
    this.addCounts(view.co, part, sign);
    view.claimCount += sign * claimTotal(part);
    view.mentionCount += sign * mentionTotal(part);
  }

  private partOf(id: string, doc: ResidentDocument | undefined): DocumentPart | undefined {
    let found: DocumentPart | undefined;
    if (doc) this.partsOf(doc, (owner) => owner === id, (_, part) => (found = part.slice()));
    return found;
  }

  /** Calls `each` with the part of one document for each actor it names that `wanted` accepts (see forEachDocumentPart: a view of a scratch array). */
  private partsOf(doc: ResidentDocument, wanted: (id: string) => boolean, each: (id: string, part: DocumentPart) => void): void {
    forEachDocumentPart(doc, this.index.actors.actorsOf(doc.path) ?? [], this.actorNumbers, wanted, each);
  }

  /** Adds `sign` times a part's co-mention counts to a view's. */
  private addCounts(into: CoCounts, part: PartView, sign: 1 | -1): void {
    for (let i = coStart(part); i < part.length; i += 2) into.add(part[i], sign * part[i + 1]);
  }

  /** Document order used for "first" mentions: dated documents first, earliest date first, then by path. */
  readonly documentOrder = (a: string, b: string): number => readingOrder(a, this.index.resident(a)?.date?.from, b, this.index.resident(b)?.date?.from);
}
