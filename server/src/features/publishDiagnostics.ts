import type { Connection } from 'vscode-languageserver';
import type { LanguageService } from '../engine/languageService';
import { diagnosticsFor, fingerprint } from './diagnostics';

/**
 * Publishes diagnostics for EVERY corpus document (not only open ones), debounced after changes,
 * and only for documents whose findings changed (a contradiction found by editing one article
 * appears in the other article too).
 *
 * After an edit only the documents whose findings can have changed are recomputed: the changed
 * documents and the documents their contradictions point to (before and after the change). When the
 * joins are rebuilt from scratch (after indexing, or when edits settle), every document is
 * recomputed once — still publishing only those whose diagnostics differ.
 */
export class DiagnosticsPublisher {
  private readonly published = new Map<string, string>();
  /** Per document: the other documents its published diagnostics point to. */
  private readonly partners = new Map<string, Set<string>>();
  private readonly dirty = new Set<string>();
  private publishedJoins = -1;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly service: LanguageService,
    private readonly afterPublish: () => void,
    private readonly delayMs = 150,
  ) {
    service.index.onChange((path) => this.dirty.add(path));
    service.onJoinsSettled(() => this.schedule());
  }

  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.publishChanged(), this.delayMs);
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
    const everything = index.joinVersion !== this.publishedJoins;
    this.publishedJoins = index.joinVersion;
    const targets = everything ? new Set([...index.paths(), ...this.service.skipped.keys(), ...this.published.keys()]) : this.affected();
    this.dirty.clear();
    for (const uri of targets) this.publishOne(uri);
    this.afterPublish();
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
    const linked = new Set(diagnostics.flatMap((d) => d.relatedInformation?.map((r) => r.location.uri) ?? []).filter((p) => p !== uri));
    if (linked.size) this.partners.set(uri, linked);
    else this.partners.delete(uri);
    if (!known) {
      if (this.published.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const print = fingerprint(diagnostics);
    if (this.published.get(uri) === print) return;
    this.published.set(uri, print);
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }
}
