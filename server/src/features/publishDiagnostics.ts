import type { Connection } from 'vscode-languageserver';
import type { LanguageService } from '../engine/languageService';
import { diagnosticsFor, fingerprint } from './diagnostics';

/**
 * Publishes diagnostics for EVERY corpus document (not only open ones), debounced after changes,
 * and only for documents whose findings changed (a contradiction found by editing one article
 * appears in the other article too).
 */
export class DiagnosticsPublisher {
  private readonly published = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly service: LanguageService,
    private readonly afterPublish: () => void,
    private readonly delayMs = 150,
  ) {}

  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.publishAll(), this.delayMs);
  }

  publishAll(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const current = new Set([...this.service.index.paths(), ...this.service.skipped.keys()]);
    for (const uri of current) {
      const diagnostics = diagnosticsFor(this.service, uri);
      const print = fingerprint(diagnostics);
      if (this.published.get(uri) === print) continue;
      this.published.set(uri, print);
      void this.connection.sendDiagnostics({ uri, diagnostics });
    }
    for (const uri of [...this.published.keys()]) {
      if (current.has(uri)) continue;
      this.published.delete(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    this.afterPublish();
  }
}
