import type { ActorLexicon } from '../actors/lexicon';
import { joinContributions, NO_ACTORS, type ActorTable, type DocumentContribution } from '../actors/resolveActors';
import { runToEnd } from '../joinSteps';
import { linkClaims, type ClaimGraph } from '../claims/linkClaims';
import type { ActorMention, Claim, DocumentAnalysis, MentionRef, Span } from '../types';
import { ActorJoinJob } from './actorJoinJob';
import { PatchedActorTable } from './actorPatch';
import { ActorViews } from './actorViews';
import { MemoryAnalysisStore, type AnalysisAgainSource, type AnalysisStore, type StoredLines } from './analysisStore';
import { BulkClaimJoins } from './bulkClaimJoins';
import { CLAIM_JOIN_SLICE_MS, ClaimJoinJob, type ClaimJoinElsewhere } from './claimJoinJob';
import { patchJoins } from './patchJoins';
import { IndexedTexts } from './indexedTexts';
import { mentionCount, mentionSpan, residentContribution, residentOf, type ResidentDocument } from './residentDocument';
import { UnparsedDocument } from './unparsedDocument';

/** Past this many changed documents since the last join, re-joining the corpus is cheaper than patching. */
const MAX_PATCHED_DOCUMENTS = 64;
/** Past this many patches on one claim graph, lookups walk too many layers: re-link. */
const MAX_PATCH_DEPTH = 200;

/**
 * All document analyses of the corpus, and the cross-document joins built from them (actors,
 * claim clusters, contradictions). The joins read only per-document results, never text.
 *
 * Memory: per document, only its resident part (corpus/residentDocument.ts: what the joins and the
 * actor views read) is held here; full analyses are in the analysis store (in a file for large
 * workspaces, see FileAnalysisStore), read back when a request needs one document in full.
 *
 * Incremental: the first access joins the whole corpus (resolveActors, linkClaims). After that,
 * a changed document is applied on top of the joins in O(document + what it touches): when what
 * the joins read of it is unchanged (typing inside a sentence), nothing is redone; otherwise the
 * document is patched in provisionally (corpus/actorPatch.ts, corpus/claimPatch.ts) and the joins
 * are marked `provisional` until they are joined again exactly (`settleInSlices`, in slices of time,
 * the provisional joins served meanwhile) once edits pause. Bulk changes (indexing) mark the joins
 * stale: see `actors`.
 */
export class CorpusIndex {
  /** In insertion order (the joins' input order); an unparsed document is replaced in place when first read. */
  private readonly docs = new Map<string, ResidentDocument | UnparsedDocument>();
  private again: AnalysisAgainSource | undefined;
  /** Claim and mention texts read without the analyses the store keeps none of (see IndexedTexts). */
  private readonly texts = new IndexedTexts(this, () => this.again);
  private actorTable: ActorTable | undefined;
  private claimGraph: ClaimGraph | undefined;
  private claimJoin: ClaimJoinJob | undefined;
  /** The actor join being made in slices (see settleInSlices), the joins it replaces served meanwhile. */
  private actorJoin: ActorJoinJob | undefined;
  private readonly bulkClaims = new BulkClaimJoins();
  private settling: Promise<unknown> | undefined;
  /** Documents changed since the joins were last brought up to date, with what the joins last saw of each. */
  private readonly pending = new Map<string, ResidentDocument | undefined>();
  private patchDepth = 0;
  private exact = true;
  private generation = 0;
  private joinGeneration = 0;
  private actorJoinGeneration = 0;
  private readonly changeListeners: ((path: string) => void)[] = [];
  /** Bulk mode (indexing): changes only mark the joins stale; see `actors`. */
  private bulk = false;
  private stale = false;
  private lastJoinMs = 0;
  private lastClaimJoinMs = 0;
  private lastJoinEnd = 0;
  /** Per-actor views for hover, definition and references, kept current document by document. */
  readonly views: ActorViews;

  constructor(
    private lexicon: ActorLexicon,
    private analysisStore: AnalysisStore = new MemoryAnalysisStore(),
  ) {
    this.views = new ActorViews(this);
  }

  /** Where the full analyses are. */
  get store(): AnalysisStore {
    return this.analysisStore;
  }

  /** Bumped on every change; lets callers cache what they derive from the index. */
  get version(): number {
    return this.generation;
  }

  /** Bumped when the joins are rebuilt from scratch (every actor and cluster may have changed). */
  get joinVersion(): number {
    return this.joinGeneration;
  }

  /** Bumped when the actor join is rebuilt from scratch (what the actor views are made of); not when only the claims are joined again. */
  get actorJoinVersion(): number {
    return this.actorJoinGeneration;
  }

  /** Whether the joins hold provisionally patched documents (exact once `settle()` ran). */
  get provisional(): boolean {
    this.catchUp();
    return !this.exact || this.stale || this.pending.size > 0;
  }

  /** Called with the path of every document set or deleted. */
  onChange(listener: (path: string) => void): void {
    this.changeListeners.push(listener);
  }

  setLexicon(lexicon: ActorLexicon): void {
    this.lexicon = lexicon;
    this.dropJoins();
  }

  /** Sets a document's analysis (in compact form: see compactAnalysis). */
  set(doc: DocumentAnalysis): void {
    const old = this.beforeChange(doc.path);
    const resident = residentOf(doc);
    this.store.put(doc, resident);
    this.change(doc.path, resident, old);
  }

  /** Sets a document analysed on a worker thread: its resident part, and its analysis and resident part as encoded lines (stored, not parsed). */
  setAnalysed(resident: ResidentDocument, lines: StoredLines): void {
    const old = this.beforeChange(resident.path);
    this.store.putEncoded(resident.path, lines, resident);
    this.change(resident.path, resident, old);
  }

  /** Adds a document loaded from the persisted index, parsed on first use (see UnparsedDocument); its analysis must be in the store. */
  setUnparsed(doc: UnparsedDocument): void {
    this.change(doc.contribution.path, doc, this.beforeChange(doc.contribution.path));
  }

  delete(path: string): boolean {
    if (!this.docs.has(path)) return false;
    const old = this.beforeChange(path);
    this.store.delete(path);
    this.change(path, undefined, old);
    return true;
  }

  /** The document's full analysis: from the analysis store, or made again from its text when the store keeps none (see `analysesAgainFrom`). */
  get(path: string): DocumentAnalysis | undefined {
    if (!this.docs.has(path)) return undefined;
    try {
      const stored = this.store.get(path, this.storedResident(path)) ?? this.again?.fromText(path);
      if (!stored) throw new Error(`no stored analysis of ${path}`);
      return stored;
    } catch (err) {
      if (!this.again) throw err;
      return this.again.unreadable(path, err as Error);
    }
  }

  /** What makes again the analyses the store cannot give (the language service: from the documents' texts). */
  analysesAgainFrom(source: AnalysisAgainSource): void {
    this.again = source;
  }

  /** What the joins and views read of the document, kept in memory. */
  resident(path: string): ResidentDocument | undefined {
    const doc = this.docs.get(path);
    if (!(doc instanceof UnparsedDocument)) return doc;
    const resident = doc.loadResident() ?? residentOf(this.get(path)!);
    this.docs.set(path, resident);
    return resident;
  }

  /** The resident part kept, or else the one stored (what a stored analysis is completed with: see storedAnalysis). */
  private storedResident(path: string): ResidentDocument | undefined {
    const doc = this.docs.get(path);
    return doc instanceof UnparsedDocument ? doc.loadResident() : doc;
  }

  /** Moves the analyses to another store (the file-backed one, once the storage folder is known). */
  useStore(store: AnalysisStore): void {
    for (const path of this.docs.keys()) {
      const analysis = this.get(path);
      if (analysis) store.put(analysis, this.resident(path)!);
    }
    this.analysisStore = store;
  }

  /** What the actor join reads of a document. */
  contribution(path: string): DocumentContribution | undefined {
    const doc = this.docs.get(path);
    return doc instanceof UnparsedDocument ? doc.contribution : doc && residentContribution(doc);
  }

  /** Every document's resident part, in insertion order. */
  residents(): IterableIterator<ResidentDocument> {
    return this.each((path) => this.resident(path));
  }

  private *each<T>(read: (path: string) => T | undefined): IterableIterator<T> {
    for (const path of [...this.docs.keys()]) {
      const value = read(path);
      if (value) yield value;
    }
  }

  /** Where a mention is (without reading the document's analysis). */
  mentionSpan(ref: MentionRef): Span | undefined {
    const doc = this.resident(ref.path);
    return doc && ref.index < mentionCount(doc) ? mentionSpan(doc, ref.index) : undefined;
  }

  /** A mention's text: from its analysis if the store keeps it, else from its document's text (see IndexedTexts). */
  mentionText = (ref: MentionRef): string | undefined => this.texts.mentionText(ref);

  has = (path: string): boolean => this.docs.has(path);

  get size(): number {
    return this.docs.size;
  }

  /** Every document's full analysis: a read of the whole analysis store (export, tests), never on a request path. */
  documents(): IterableIterator<DocumentAnalysis> {
    return this.each((path) => this.get(path));
  }

  /** The claim join of the documents as they are now, to run in slices of time (see ClaimJoinJob). */
  private claimJoinJob(actors: ActorTable): ClaimJoinJob {
    return new ClaimJoinJob({ paths: this.paths(), resident: (path) => this.resident(path)!, actors }, this.generation);
  }

  paths(): string[] {
    return [...this.docs.keys()];
  }

  /**
   * The actor join. A stale join (bulk indexing) keeps being served while one is made in slices, and
   * during bulk indexing until it is old compared with its cost (documents indexed since are not in
   * it: partial results), so requests during indexing never re-join the corpus back to back.
   */
  get actors(): ActorTable {
    if (this.stale && !this.actorJoin && (!this.bulk || Date.now() - this.lastJoinEnd > 5 * this.lastJoinMs)) this.dropJoins();
    this.catchUp();
    if (!this.actorTable) {
      const started = Date.now();
      this.actorTable = joinContributions([...this.docs.keys()].map((path) => this.contribution(path)!), this.lexicon);
      this.lastJoinEnd = Date.now();
      this.lastJoinMs = this.lastJoinEnd - started;
    }
    return this.actorTable;
  }

  /** The actor join when it is exact for the current documents (what may be persisted), else undefined. */
  exactActors(): ActorTable | undefined {
    return this.provisional || this.actorTable instanceof PatchedActorTable ? undefined : this.actorTable;
  }

  /** Takes a persisted actor join made from exactly these documents (warm start: no join needed). */
  restoreActors(table: ActorTable): void {
    this.dropJoins();
    this.actorTable = table;
    this.lastJoinEnd = Date.now();
  }

  /** Starts or ends bulk mode (indexing many documents); ending it makes the next join exact (the last partial claim join is served until then: see settleInSlices). */
  setBulk(bulk: boolean): void {
    this.bulk = bulk;
    if (!bulk) this.claimGraph = this.bulkClaims.end() ?? this.claimGraph;
  }

  /**
   * The claim join. During bulk indexing, the claims are joined in slices of time when the joins go
   * stale, and the last join (partial; at first an empty one) is served meanwhile.
   */
  get claims(): ClaimGraph {
    const actors = this.actors;
    if (!this.claimGraph && this.bulk) return this.bulkClaims.served(actors, () => this.claimJoinJob(actors), () => this.bulk, (graph) => (this.claimGraph ??= graph));
    if (!this.claimGraph) {
      const started = Date.now();
      this.claimGraph = runToEnd(this.claimJoinJob(actors).steps());
      this.lastClaimJoinMs = Date.now() - started;
      if (this.bulk) this.bulkClaims.set(this.claimGraph);
    }
    return this.claimGraph;
  }

  /**
   * settle() in slices of time that give way to the event loop: the actor join here, then the claim
   * join `elsewhere` (another thread) if given, else here. Requests are answered meanwhile from the
   * joins it replaces (provisionally patched, or partial after indexing; none made yet: empty ones),
   * and `actorsJoined` is called once the exact actor join is served (the views' pass can start).
   * Resolves whether the joins are now exact (false: nothing to do, or a change came meanwhile). One
   * asked for while another runs starts when that one ends.
   */
  settleInSlices(sliceMs = CLAIM_JOIN_SLICE_MS, elsewhere?: ClaimJoinElsewhere, actorsJoined?: () => void): Promise<boolean> {
    const now = () => this.settleNow(sliceMs, elsewhere, actorsJoined);
    const settled = this.settling ? this.settling.then(now) : now(); // (at once when none runs: no request sees a gap)
    const last: Promise<unknown> = (this.settling = settled.catch(() => false).finally(() => this.settling === last && (this.settling = undefined)));
    return settled;
  }

  private async settleNow(sliceMs: number, elsewhere: ClaimJoinElsewhere | undefined, actorsJoined: (() => void) | undefined): Promise<boolean> {
    if (!this.provisional) return false;
    const actors = await this.joinActorsInSlices(sliceMs);
    if (!actors) return false;
    const provisionalClaims = this.claimGraph;
    const patchDepth = this.patchDepth;
    this.dropJoins();
    this.actorTable = actors;
    const job = (this.claimJoin = this.claimJoinJob(actors));
    this.claimGraph = provisionalClaims ?? linkClaims(new Map(), actors);
    this.patchDepth = patchDepth;
    this.exact = false;
    actorsJoined?.();
    const graph = await job.run(sliceMs, () => this.claimJoin === job && this.generation === job.generation, elsewhere).finally(() => {
      if (this.claimJoin === job) this.claimJoin = undefined;
    });
    if (!graph) return false;
    this.claimGraph = graph;
    this.lastClaimJoinMs = job.busyMs;
    this.patchDepth = 0;
    this.exact = true;
    // every cluster may have changed, as after any join from scratch
    this.joinGeneration++;
    this.generation++;
    return true;
  }

  /**
   * The exact actor join of the documents as they are, in slices of time (see settleInSlices); undefined when a change came
   * meanwhile. The joins it replaces are served meanwhile (empty ones for none made yet, which a change drops).
   */
  private async joinActorsInSlices(sliceMs: number): Promise<ActorTable | undefined> {
    const noClaims = !this.claimGraph;
    const job = (this.actorJoin = new ActorJoinJob(this.paths(), (path) => this.contribution(path)!, this.lexicon, this.generation));
    this.actorTable ??= NO_ACTORS;
    this.claimGraph ??= linkClaims(new Map(), this.actorTable);
    const actors = await job.run(sliceMs, () => this.generation === job.generation).finally(() => (this.actorJoin = undefined));
    if (actors) [this.lastJoinEnd, this.lastJoinMs] = [Date.now(), job.busyMs];
    else if (this.actorTable === NO_ACTORS) [this.actorTable, this.claimGraph] = [undefined, undefined]; // (still stale)
    else if (noClaims) this.claimGraph = undefined;
    return actors;
  }

  /** What the last exact joins of the whole corpus cost (actors and claims), in milliseconds. */
  get joinCostMs(): number {
    return this.lastJoinMs + this.lastClaimJoinMs;
  }

  mention = (ref: MentionRef): ActorMention | undefined => this.get(ref.path)?.mentions[ref.index];
  claim = (ref: { path: string; index: number }): Claim | undefined => this.get(ref.path)?.claims[ref.index];

  /** A claim's text, from the texts of recently read documents (see IndexedTexts). */
  claimText = (ref: { path: string; index: number }): string | undefined => this.texts.claimText(ref);

  /** Replaces provisional joins by an exact join of the whole corpus. Returns whether there was anything to do. */
  settle(): boolean {
    if (!this.provisional) return false;
    this.dropJoins();
    return true;
  }

  /** What the joins last saw of a document about to change (its resident part), when the joins will be patched (see catchUp). */
  private beforeChange(path: string): ResidentDocument | undefined | null {
    // (not a stale or empty join served while the exact one is made: that one is dropped on a change)
    const patching = !this.bulk && !this.stale && this.actorTable !== undefined && this.actorTable !== NO_ACTORS && !this.pending.has(path);
    return patching ? this.resident(path) : null;
  }

  private change(path: string, doc: ResidentDocument | UnparsedDocument | undefined, old: ResidentDocument | undefined | null): void {
    if (doc) this.docs.set(path, doc);
    else this.docs.delete(path);
    this.texts.delete(path);
    this.generation++;
    if (this.bulk) this.stale = true;
    else if (old !== null) this.pending.set(path, old);
    if (this.pending.size > MAX_PATCHED_DOCUMENTS) this.dropJoins();
    for (const l of this.changeListeners) l(path);
  }

  /** Applies pending document changes to the joins, patching only what each change touches. */
  private catchUp(): void {
    if (this.pending.size === 0) return;
    const changes = [...this.pending];
    this.pending.clear();
    if (!this.actorTable) return;
    const joins = { actors: this.actorTable, claims: this.claimGraph };
    for (const [path, old] of changes) {
      const { actorsChanged, claimsChanged } = patchJoins(joins, path, old, this.resident(path));
      [this.actorTable, this.claimGraph] = [joins.actors, joins.claims];
      if (actorsChanged || claimsChanged) this.exact = false;
      if (claimsChanged && ++this.patchDepth > MAX_PATCH_DEPTH) return this.dropJoins();
    }
  }

  private dropJoins(): void {
    this.actorTable = undefined;
    this.claimGraph = undefined;
    this.pending.clear();
    this.patchDepth = 0;
    this.exact = true;
    this.stale = false;
    this.joinGeneration++;
    this.actorJoinGeneration++;
    this.generation++;
  }
}
