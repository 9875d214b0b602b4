import type { CorpusIndex } from './corpus/corpusIndex';

/**
 * How many findings each document has, for the status bar: counted once per document and kept until
 * the document changes, the joins are made again or the settings change (`basis`), so a status
 * after an edit is not O(corpus) of work; whoever has just made a document's findings (the
 * diagnostics publisher) notes their number instead of having them made again.
 */
export class FindingCounts {
  private readonly counts = new Map<string, number>();
  private basis: { joins: number; config?: unknown } = { joins: -1 };

  constructor(
    private readonly index: CorpusIndex,
    private readonly countOf: (path: string) => number,
    private readonly config: () => unknown,
  ) {
    index.onChange((path) => this.counts.delete(path));
  }

  /** Findings in the whole corpus (documents not counted on the current basis are counted now). */
  total(): number {
    this.onCurrentBasis();
    let total = 0;
    for (const p of this.index.paths()) {
      let n = this.counts.get(p);
      if (n === undefined) this.counts.set(p, (n = this.countOf(p)));
      total += n;
    }
    return total;
  }

  note(path: string, n: number): void {
    this.onCurrentBasis();
    this.counts.set(path, n);
  }

  private onCurrentBasis(): void {
    const config = this.config();
    if (this.basis.joins === this.index.joinVersion && this.basis.config === config) return;
    this.counts.clear();
    this.basis = { joins: this.index.joinVersion, config };
  }
}
