import type { ActorLexicon } from '../actors/lexicon';
import { contributionOf, joinContributions, resolveActors, type ActorTable, type DocumentContribution } from '../actors/resolveActors';
import { linkClaims, type ClaimGraph } from '../claims/linkClaims';
import type { ActorMention, Claim, DocumentAnalysis, MentionRef } from '../types';
import { actorPrint, PatchedActorTable } from './actorPatch';
import { ActorViews } from './actorViews';
import { claimPrint, patchClaimGraph } from './claimPatch';

/** Past this many changed documents since the last join, re-joining the corpus is cheaper than patching. */
const MAX_PATCHED_DOCUMENTS = 64;
/** Past this many patches on one claim graph, lookups walk too many layers: re-link. */
const MAX_PATCH_DEPTH = 200;

/**
 * A document loaded from the persisted index and not read yet: what the actor join needs of it, and
 * how to parse the rest (on first use: a warm start answers before every analysis is parsed).
 */
export class UnparsedDocument {
  constructor(
    readonly contribution: DocumentContribution,
    readonly parse: () => DocumentAnalysis,
  ) {}
}

/**
 * All document analyses of the corpus, and the cross-document joins built from them (actors,
 * claim clusters, contradictions). The joins read only per-document results, never text.
 *
 * Incremental: the first access joins the whole corpus (resolveActors, linkClaims). After that,
 * a changed document is applied on top of the joins in O(document + what it touches): when what
 * the joins read of it is unchanged (typing inside a sentence), nothing is redone; otherwise the
 * document is patched in provisionally (corpus/actorPatch.ts, corpus/claimPatch.ts) and the joins
 * are marked `provisional` until `settle()` re-joins exactly — the language service calls it once
 * edits pause. Bulk changes (indexing) simply drop the joins for a lazy full rebuild.
 */
export class CorpusIndex {
  /** In insertion order (the joins' input order); an unparsed document is replaced in place when first read. */
  private readonly docs = new Map<string, DocumentAnalysis | UnparsedDocument>();
  private unparsed = 0;
  private actorTable: ActorTable | undefined;
  private claimGraph: ClaimGraph | undefined;
  /** Documents changed since the joins were last brought up to date, with what the joins last saw of each. */
  private readonly pending = new Map<string, DocumentAnalysis | undefined>();
  private patchDepth = 0;
  private exact = true;
  private generation = 0;
  private joinGeneration = 0;
  private readonly changeListeners: ((path: string) => void)[] = [];
  /** Bulk mode (indexing): changes only mark the joins stale; see `actors`. */
  private bulk = false;
  private stale = false;
  private lastJoinMs = 0;
  private lastJoinEnd = 0;
  /** Per-actor views for hover, definition and references, kept current document by document. */
  readonly views: ActorViews;

  constructor(private lexicon: ActorLexicon) {
    this.views = new ActorViews(this);
  }

  /** Bumped on every change; lets callers cache what they derive from the index. */
  get version(): number {
    return this.generation;
  }

  /** Bumped when the joins are rebuilt from scratch (every actor and cluster may have changed). */
  get joinVersion(): number {
    return this.joinGeneration;
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

  set(doc: DocumentAnalysis): void {
    this.change(doc.path, doc);
  }

  /** Adds a document loaded from the persisted index, parsed on first use (see UnparsedDocument). */
  setUnparsed(doc: UnparsedDocument): void {
    this.change(doc.contribution.path, doc);
  }

  delete(path: string): boolean {
    if (!this.docs.has(path)) return false;
    this.change(path, undefined);
    return true;
  }

  get(path: string): DocumentAnalysis | undefined {
    const doc = this.docs.get(path);
    if (!(doc instanceof UnparsedDocument)) return doc;
    const parsed = doc.parse();
    this.docs.set(path, parsed);
    this.unparsed--;
    return parsed;
  }

  has(path: string): boolean {
    return this.docs.has(path);
  }

  get size(): number {
    return this.docs.size;
  }

  *documents(): IterableIterator<DocumentAnalysis> {
    for (const path of this.docs.keys()) yield this.get(path)!;
  }

  /** Every document parsed: the map the claim linking reads. */
  private parsedDocuments(): ReadonlyMap<string, DocumentAnalysis> {
    if (this.unparsed > 0) for (const path of [...this.docs.keys()]) this.get(path);
    return this.docs as ReadonlyMap<string, DocumentAnalysis>;
  }

  paths(): string[] {
    return [...this.docs.keys()];
  }

  /**
   * The actor join. During bulk indexing a stale join keeps being served (documents indexed since
   * are not in it yet: partial results) and is redone only when the last join is old compared with
   * its cost, so requests during indexing never make the server re-join the corpus back to back.
   */
  get actors(): ActorTable {
    if (this.stale && (!this.bulk || Date.now() - this.lastJoinEnd > 5 * this.lastJoinMs)) this.dropJoins();
    this.catchUp();
    if (!this.actorTable) {
      const started = Date.now();
      this.actorTable =
        this.unparsed > 0
          ? joinContributions(
              [...this.docs.values()].map((d) => (d instanceof UnparsedDocument ? d.contribution : contributionOf(d))),
              this.lexicon,
            )
          : resolveActors(this.docs.values() as IterableIterator<DocumentAnalysis>, this.lexicon);
      this.lastJoinEnd = Date.now();
      this.lastJoinMs = this.lastJoinEnd - started;
    }
    return this.actorTable;
  }

  /** Starts or ends bulk mode (indexing many documents); ending it makes the next join exact. */
  setBulk(bulk: boolean): void {
    this.bulk = bulk;
  }

  get claims(): ClaimGraph {
    const actors = this.actors;
    return (this.claimGraph ??= linkClaims(this.parsedDocuments(), actors));
  }

  mention(ref: MentionRef): ActorMention | undefined {
    return this.get(ref.path)?.mentions[ref.index];
  }

  claim(ref: { path: string; index: number }): Claim | undefined {
    return this.get(ref.path)?.claims[ref.index];
  }

  /** Replaces provisional joins by an exact join of the whole corpus. Returns whether there was anything to do. */
  settle(): boolean {
    if (!this.provisional) return false;
    this.dropJoins();
    return true;
  }

  private change(path: string, doc: DocumentAnalysis | UnparsedDocument | undefined): void {
    const patching = !this.bulk && this.actorTable !== undefined && !this.pending.has(path);
    const old = patching ? this.get(path) : undefined;
    if (this.docs.get(path) instanceof UnparsedDocument) this.unparsed--;
    if (doc instanceof UnparsedDocument) this.unparsed++;
    if (doc) this.docs.set(path, doc);
    else this.docs.delete(path);
    this.generation++;
    if (this.bulk) this.stale = true;
    else if (patching) this.pending.set(path, old);
    if (this.pending.size > MAX_PATCHED_DOCUMENTS) this.dropJoins();
    for (const l of this.changeListeners) l(path);
  }

  /** Applies pending document changes to the joins, patching only what each change touches. */
  private catchUp(): void {
    if (this.pending.size === 0) return;
    const changes = [...this.pending];
    this.pending.clear();
    const table = this.actorTable;
    if (!table) return;
    let patched: PatchedActorTable | undefined = table instanceof PatchedActorTable ? table : undefined;
    for (const [path, old] of changes) {
      const doc = this.get(path);
      const actorsChanged = actorPrint(old) !== actorPrint(doc);
      if (actorsChanged) {
        patched ??= new PatchedActorTable(table);
        patched.apply(path, old, doc);
        this.actorTable = patched;
        this.exact = false;
      }
      if (!this.claimGraph || (!actorsChanged && sameClaims(old, doc))) continue;
      this.claimGraph = patchClaimGraph(this.claimGraph, path, old, doc);
      this.exact = false;
      if (++this.patchDepth > MAX_PATCH_DEPTH) return this.dropJoins();
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
    this.generation++;
  }
}

/** Whether two versions of a document give the claim linking the same input (positions aside). */
function sameClaims(a: DocumentAnalysis | undefined, b: DocumentAnalysis | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.claims.length !== b.claims.length || a.date?.value !== b.date?.value) return false;
  return a.claims.every((c, i) => claimPrint(c) === claimPrint(b.claims[i]));
}
