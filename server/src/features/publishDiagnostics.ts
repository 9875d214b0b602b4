import type { Connection } from 'vscode-languageserver';
import type { LanguageService } from '../engine/languageService';
import { diagnosticsFor, fingerprint } from './diagnostics';

/** Longest run of recomputing documents before giving way to requests. */
const SLICE_MS = 8;

/**
 * Which documents' diagnostics are sent to the editor (`corpusLens.diagnostics.scope`): every corpus
 * document, the open ones only, or `auto`: every document up to AUTO_WORKSPACE_LIMIT documents, the
 * open ones beyond (at 100k generated articles, every document's diagnostics are ~680k diagnostics,
 * ~230 MB of messages the editor keeps: its Problems view and memory suffer, not the server).
 */
export type DiagnosticsScope = 'auto' | 'workspace' | 'openDocuments';
export const DIAGNOSTICS_SCOPES: readonly DiagnosticsScope[] = ['auto', 'workspace', 'openDocuments'];
export const AUTO_WORKSPACE_LIMIT = 10_000;

/** Whether the diagnostics of every document are sent under `scope`, for a corpus of `documents`. */
export function sendsWholeWorkspace(scope: DiagnosticsScope, documents: number): boolean {
  return scope === 'workspace' || (scope === 'auto' && documents <= AUTO_WORKSPACE_LIMIT);
}

/**
 * Publishes diagnostics for EVERY corpus document (not only open ones; see DiagnosticsScope), debounced after changes,
 * and only for documents whose findings changed (a contradiction found by editing one article
 * appears in the other article too). Out of scope, a document's findings are still recomputed
 * (the status bar counts them, and they link documents), and only not sent; a document that leaves
 * the scope (closed, or a change of the setting) has its diagnostics cleared.
 *
 * After an edit only the documents whose findings can have changed are recomputed: the changed
 * documents and the documents their contradictions point to (before and after the change). When the
 * joins are rebuilt from scratch (when edits settle), the claim graph is all a document's findings
 * read of them (engine/diagnostics.ts: contradictions; the rest comes from the document's own resident
 * part), so the documents recomputed besides the changed ones are those with a contradiction in the
 * new graph or in their last diagnostics: a number that grows with the contradictions found, not with
 * the corpus. After indexing or a change of settings (publishAll), every document is recomputed once.
 * Either way only the documents whose diagnostics differ are published.
 *
 * Documents are recomputed in slices of SLICE_MS that give way to the event loop (at 100k articles
 * recomputing every document takes ~3 s: done at once, it held every request and keystroke that
 * long), the changed documents and their partners before the rest.
 */
export class DiagnosticsPublisher {
  private readonly published = new Map<string, number>();
  /** Per document: the other documents its published diagnostics point to. */
  private readonly partners = new Map<string, Set<string>>();
  /** Documents whose last diagnostics include a contradiction (recomputed when the joins are rebuilt). */
  private readonly contradicted = new Set<string>();
  private readonly dirty = new Set<string>();
  private publishedJoins = -1;
  private timer: NodeJS.Timeout | undefined;
  /** Documents waiting to be recomputed: those an edit touched first, then the rest of a whole pass (see next()). */
  private readonly waiting = new Set<string>();
  private urgent: string[] = [];
  private rest: string[] = [];
  private urgentAt = 0;
  private restAt = 0;
  private running = false;
  private scope: DiagnosticsScope = 'workspace';
  private wholeWorkspace = true;
  private isOpen: (uri: string) => boolean = () => true;

  constructor(
    private readonly connection: Connection,
    private readonly service: LanguageService,
    private readonly afterPublish: () => void,
    private readonly delayMs = 150,
    private readonly sliceMs = SLICE_MS,
  ) {
    service.index.onChange((path) => this.dirty.add(path));
    service.onJoinsSettled(() => this.schedule());
  }

  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.publishChanged(), this.delayMs);
  }

  /**
   * Which documents' diagnostics are sent from the next whole pass on (publishAll): `isOpen` tells
   * the documents open in the editor (see documentOpenedOrClosed).
   */
  setScope(scope: DiagnosticsScope, isOpen: (uri: string) => boolean): void {
    this.scope = scope;
    this.isOpen = isOpen;
  }

  /** Whether the last whole pass sent every document's diagnostics (else the open documents' only). */
  get sendsWholeWorkspace(): boolean {
    return this.wholeWorkspace;
  }

  /** Sends (or clears) a document's diagnostics when it opens or closes, if only open documents' are sent. */
  documentOpenedOrClosed(uri: string): void {
    if (this.wholeWorkspace) return;
    this.dirty.add(uri);
    this.schedule();
  }

  /** Recomputes every document (after indexing or a settings change). */
  publishAll(): void {
    this.publishedJoins = -1;
    this.publishChanged();
  }

  private publishChanged(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const index = this.service.index;
    void index.actors; // brings the joins up to date, which may rebuild them
    const everything = this.publishedJoins === -1;
    if (everything) this.wholeWorkspace = sendsWholeWorkspace(this.scope, index.paths().length);
    const rejoined = index.joinVersion !== this.publishedJoins;
    this.publishedJoins = index.joinVersion;
    // files skipped since the last pass (not a change of the index) get their warning too
    const newlySkipped = [...this.service.skipped.keys()].filter((uri) => !this.published.has(uri));
    for (const uri of [...this.affected(), ...newlySkipped]) {
      this.urgent.push(uri); // ahead of its place in a whole pass, if it has one
      this.waiting.add(uri);
    }
    if (everything) this.queueRest([...index.paths(), ...this.service.skipped.keys(), ...this.published.keys()]);
    else if (rejoined) this.queueRest(this.withContradictions());
    this.dirty.clear();
    if (!this.running) this.publishSlice();
  }

  private queueRest(uris: Iterable<string>): void {
    for (const uri of uris) {
      if (this.waiting.has(uri)) continue;
      this.rest.push(uri);
      this.waiting.add(uri);
    }
  }

  /** The documents with a contradiction in the claim graph, or in the diagnostics last computed for them. */
  private withContradictions(): Set<string> {
    const out = new Set(this.contradicted);
    for (const c of this.service.index.claims.contradictions) if (c.type === 'contradiction') out.add(c.a.path).add(c.b.path);
    return out;
  }

  /** Recomputes waiting documents for `sliceMs`, then gives way to the event loop until none is left. */
  private publishSlice(): void {
    this.running = true;
    const started = performance.now();
    for (let uri = this.next(); uri !== undefined; uri = this.next()) {
      this.publishOne(uri);
      if (performance.now() - started >= this.sliceMs) {
        setImmediate(() => this.publishSlice());
        return;
      }
    }
    this.running = false;
    this.afterPublish();
  }

  /** The next document waiting, urgent ones first (a document queued twice is recomputed once). */
  private next(): string | undefined {
    while (this.urgentAt < this.urgent.length) {
      const uri = this.urgent[this.urgentAt++];
      if (this.waiting.delete(uri)) return uri;
    }
    while (this.restAt < this.rest.length) {
      const uri = this.rest[this.restAt++];
      if (this.waiting.delete(uri)) return uri;
    }
    this.urgent = [];
    this.rest = [];
    this.urgentAt = this.restAt = 0;
    return undefined;
  }

  /** The changed documents and the documents linked to them by findings, before and after the change. */
  private affected(): Set<string> {
    const out = new Set<string>();
    for (const path of this.dirty) {
      out.add(path);
      for (const p of this.partners.get(path) ?? []) out.add(p);
      const claims = this.service.index.resident(path)?.statementKeys.length ?? 0; // two per claim
      for (let index = 0; index < claims / 2; index++) {
        for (const c of this.service.index.claims.contradictionsOf({ path, index })) out.add(c.a.path).add(c.b.path);
      }
    }
    return out;
  }

  private publishOne(uri: string): void {
    const known = this.service.index.has(uri) || this.service.skipped.has(uri);
    const diagnostics = known ? diagnosticsFor(this.service, uri) : [];
    if (this.service.index.has(uri)) this.service.noteFindingCount(uri, diagnostics.length); // the status bar's count, not made again
    const linked = new Set(diagnostics.flatMap((d) => d.relatedInformation?.map((r) => r.location.uri) ?? []).filter((p) => p !== uri));
    if (linked.size) this.partners.set(uri, linked);
    else this.partners.delete(uri);
    if (diagnostics.some((d) => d.code === 'contradiction')) this.contradicted.add(uri);
    else this.contradicted.delete(uri);
    if (!known || !(this.wholeWorkspace || this.isOpen(uri))) {
      if (this.published.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const print = fingerprint(diagnostics);
    if (this.published.get(uri) === print) return;
    this.published.set(uri, print);
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }
}
